import path from "node:path";

/**
 * Where `child` is below `parent`: its relative path ("" for `parent` itself), or null when it is
 * outside (a `..` path, or another drive on Windows).
 */
export function pathWithin(child: string, parent: string): string | null {
  const relative = path.relative(parent, child);
  return relative.startsWith("..") || path.isAbsolute(relative) ? null : relative;
}
