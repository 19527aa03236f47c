/**
 * The one way the preview reads a project file to serve or copy it: only files the tree lists as
 * assets, resolved inside the project root and, through symbolic links, still inside it.
 */
import { realpath } from "node:fs/promises";
import path from "node:path";
import { pathWithin } from "../fs/path-within.js";
import type { SiteModel } from "./site-model.js";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".txt": "text/plain; charset=utf-8",
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Inside `parent`, and not `parent` itself. */
function isStrictlyWithin(child: string, parent: string): boolean {
  const relative = pathWithin(child, parent);
  return relative !== null && relative !== "";
}

/** The absolute path of a listed asset, or null for anything else (unlisted, outside the root). */
export async function resolveAsset(site: SiteModel, rootDir: string, file: string): Promise<string | null> {
  if (!site.assetSet.has(file)) return null;
  const root = path.resolve(rootDir);
  const absolute = path.resolve(root, ...file.split("/"));
  if (!isStrictlyWithin(absolute, root)) return null;
  try {
    const [real, realRoot] = await Promise.all([realpath(absolute), realpath(root)]);
    return isStrictlyWithin(real, realRoot) ? real : null;
  } catch {
    return null;
  }
}
