import path from "node:path";
import type { Finding } from "../errors/sync-error.js";
import { ARTICLE_LINK_SCHEME, type RenderContext } from "./types.js";

/** What a link `href` or image `src` becomes. */
export type Reference =
  | { kind: "keep"; url: string }
  | { kind: "article"; key: string; url: string }
  | { kind: "asset"; url: string }
  /** A template expression: never expanded, and tallied rather than reported one by one. */
  | { kind: "template" }
  | { kind: "remove"; finding: Finding };

export type ReferenceKind = "link" | "image";

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
// Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
const CONTROL_AND_SPACE = /[\s\p{Cc}]+/gu;
const LINK_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto", "tel"]);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(["http", "https"]);
const MARKDOWN_FILE = /\.md$/i;
const TEMPLATE_SYNTAX = /\{\{|\{%/;
const COLLECTION_FILE = "_collection.md";
const FOLDER_INDEX = "index.md";

/**
 * Decides what a link or image reference becomes in Intercom. Pure: existence is checked against
 * `context.project.files`. Relative paths resolve against the file's folder, then (for a
 * translation) against its source file's folder; a leading `/` means the content root.
 */
export function resolveReference(raw: string, kind: ReferenceKind, context: RenderContext): Reference {
  const value = raw.trim();
  if (TEMPLATE_SYNTAX.test(value)) {
    return { kind: "template" };
  }
  if (value === "") {
    return removal({ code: "render/empty-link", details: { kind } });
  }
  if (value.startsWith("#")) return { kind: "keep", url: value };
  if (value.startsWith("//")) return { kind: "keep", url: `https:${value}` };
  const scheme = SCHEME.exec(value.replace(CONTROL_AND_SPACE, ""))?.[1]?.toLowerCase();
  if (scheme !== undefined) return resolveAbsolute(value, scheme, kind);
  return resolveRelative(value, kind, context);
}

function resolveAbsolute(value: string, scheme: string, kind: ReferenceKind): Reference {
  const allowed = kind === "image" ? IMAGE_SCHEMES : LINK_SCHEMES;
  if (allowed.has(scheme)) return { kind: "keep", url: value };
  if (kind === "image") {
    return removal({ code: "render/unsupported-image-url", details: { value: shorten(value) } });
  }
  return removal({ code: "render/unsafe-url", details: { scheme } });
}

function resolveRelative(value: string, kind: ReferenceKind, context: RenderContext): Reference {
  const { pathPart, suffix } = splitSuffix(value);
  // A folder link (`tutorial/`) means the folder's index page, as on a static docs site.
  const decoded = decodePath(pathPart);
  const target = decoded.endsWith("/") ? `${decoded}${FOLDER_INDEX}` : decoded;
  const found = findProjectFile(target, context);
  const isArticle = kind === "link" && MARKDOWN_FILE.test(target);
  if (found.kind === "outside") {
    return removal({ code: "render/path-outside-project", details: { kind, value } });
  }
  if (found.kind === "missing") {
    return kind === "image"
      ? removal({ code: "render/missing-image", details: { value, tried: found.tried } })
      : removal({ code: "render/broken-link", details: { target: "missing", value, tried: found.tried } });
  }
  const place = locateInTree(found.file, context);
  if (place === undefined) {
    return removal({ code: "render/outside-content", details: { kind, value, file: found.file, contentDir: context.project.contentDir } });
  }
  if (isArticle) {
    if (path.posix.basename(place.relative) === COLLECTION_FILE) {
      return removal({ code: "render/broken-link", details: { target: "collection", value } });
    }
    const key = place.relative.replace(MARKDOWN_FILE, "");
    // A query string means nothing on an Intercom article URL; the anchor does.
    const hashAt = suffix.indexOf("#");
    const anchor = hashAt === -1 ? "" : suffix.slice(hashAt);
    return { kind: "article", key, url: `${ARTICLE_LINK_SCHEME}${key}${anchor}` };
  }
  if (context.assetBaseUrl === null) {
    return removal({ code: "render/asset-base-url-missing", details: { kind, value } });
  }
  const prefix = place.locale === undefined ? "" : `${place.locale}/`;
  return { kind: "asset", url: context.assetBaseUrl + encodePath(prefix + place.relative) + suffix };
}

type Lookup = { kind: "found"; file: string } | { kind: "missing"; tried: string[] } | { kind: "outside" };

function findProjectFile(target: string, context: RenderContext): Lookup {
  const bases = target.startsWith("/")
    ? [rootOf(context.file, context), context.sourceFile === undefined ? undefined : rootOf(context.sourceFile, context)]
    : [path.posix.dirname(context.file), context.sourceFile === undefined ? undefined : path.posix.dirname(context.sourceFile)];
  const relativeTarget = target.replace(/^\/+/, "");
  const tried: string[] = [];
  for (const base of bases) {
    if (base === undefined) continue;
    const candidate = path.posix.normalize(path.posix.join(base, relativeTarget));
    if (candidate === ".." || candidate.startsWith("../")) continue;
    if (tried.includes(candidate)) continue;
    if (context.project.files.has(candidate)) return { kind: "found", file: candidate };
    tried.push(candidate);
  }
  return tried.length === 0 ? { kind: "outside" } : { kind: "missing", tried };
}

/** The root a leading "/" refers to: the file's locale folder, or the content folder. */
function rootOf(file: string, context: RenderContext): string {
  const place = locateInTree(file, context);
  if (place?.locale !== undefined) return `${context.project.localesDir}/${place.locale}`;
  return context.project.contentDir;
}

interface TreePlace {
  locale: string | undefined;
  relative: string;
}

function locateInTree(file: string, context: RenderContext): TreePlace | undefined {
  const content = `${context.project.contentDir}/`;
  if (file.startsWith(content)) return { locale: undefined, relative: file.slice(content.length) };
  const locales = `${context.project.localesDir}/`;
  if (!file.startsWith(locales)) return undefined;
  const rest = file.slice(locales.length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return undefined;
  return { locale: rest.slice(0, slash), relative: rest.slice(slash + 1) };
}

function splitSuffix(value: string): { pathPart: string; suffix: string } {
  const cut = value.search(/[?#]/);
  if (cut === -1) return { pathPart: value, suffix: "" };
  return { pathPart: value.slice(0, cut), suffix: value.slice(cut) };
}

function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function encodePath(relative: string): string {
  return relative.split("/").map(encodeURIComponent).join("/");
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

function removal(finding: Finding): Reference {
  return { kind: "remove", finding };
}
