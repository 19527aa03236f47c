/**
 * Where each preview page lives. The server answers readable URLs (`/fr/articles/guides/install`);
 * the static site writes the same pages as `.html` files and links them relatively, so the folder
 * works wherever it is opened from.
 */
import path from "node:path";

export type PageRef =
  | { kind: "home"; locale: string }
  | { kind: "collection"; locale: string; key: string }
  | { kind: "article"; locale: string; key: string }
  | { kind: "translations" }
  | { kind: "asset"; path: string }
  | { kind: "style" };

/** How pages link to each other: server URLs, or files relative to the page being written. */
export type LinkMode = "server" | "static";

/** Prefix under which project files (images) are served. */
export const ASSET_PREFIX = "files";

function encodeKey(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}

/** The server URL of a page. */
export function serverUrlOf(ref: PageRef): string {
  switch (ref.kind) {
    case "home":
      return `/${ref.locale}/`;
    case "collection":
      return `/${ref.locale}/collections/${encodeKey(ref.key)}`;
    case "article":
      return `/${ref.locale}/articles/${encodeKey(ref.key)}`;
    case "translations":
      return "/translations";
    case "asset":
      return `/${ASSET_PREFIX}/${encodeKey(ref.path)}`;
    case "style":
      return "/preview.css";
  }
}

/** The file of a page in the static site, POSIX, relative to the site's folder (not encoded). */
export function staticFileOf(ref: PageRef): string {
  switch (ref.kind) {
    case "home":
      return `${ref.locale}/index.html`;
    case "collection":
      return `${ref.locale}/collections/${ref.key}.html`;
    case "article":
      return `${ref.locale}/articles/${ref.key}.html`;
    case "translations":
      return "translations.html";
    case "asset":
      return `${ASSET_PREFIX}/${ref.path}`;
    case "style":
      return "preview.css";
  }
}

/** Builds the href from one page to another in the given mode. */
export function linkerFor(mode: LinkMode, from: PageRef): (to: PageRef) => string {
  if (mode === "server") return serverUrlOf;
  const fromDir = path.posix.dirname(staticFileOf(from));
  return (to) => encodeKey(path.posix.relative(fromDir, staticFileOf(to)));
}

/** What a server path asks for, or null when no page lives there. */
export function parseServerPath(pathname: string): PageRef | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded === "/translations" || decoded === "/translations.html") return { kind: "translations" };
  if (decoded === "/preview.css") return { kind: "style" };
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === "." || segment === ".." || segment.includes("\\") || segment.includes("\0"))) return null;
  if (segments[0] === ASSET_PREFIX && segments.length > 1) return { kind: "asset", path: segments.slice(1).join("/") };
  const [locale, kind, ...rest] = segments;
  if (locale === undefined) return null;
  if (kind === undefined || (kind === "index.html" && rest.length === 0)) return { kind: "home", locale };
  const key = rest.join("/").replace(/\.html$/, "");
  if (key === "") return null;
  if (kind === "collections") return { kind: "collection", locale, key };
  if (kind === "articles") return { kind: "article", locale, key };
  return null;
}
