import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * Version of what a cached entry holds (render output, body summary, parse results). Bump it
 * whenever the renderer, the front-matter parser or the summary change their output, so older
 * entries stop matching. The package version is part of the key too, so an upgrade never reuses
 * another release's renders.
 */
export const RENDER_CACHE_VERSION = 3;

function readPackageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}

const PACKAGE_VERSION = readPackageVersion();

/** Everything a file's prepared result depends on, but the answers of its existence lookups. */
export interface RenderCacheKeyInput {
  file: string;
  locale: string;
  /** The source file a translation resolves paths against; undefined for a source or an unrendered file. */
  sourceFile: string | undefined;
  assetBaseUrl: string | null;
  contentDir: string;
  localesDir: string;
  /**
   * The file's bytes as read. Its text is a function of them, and hashing bytes spares decoding
   * a file whose result the cache holds.
   */
  bytes: Uint8Array;
}

/** sha256 (hex) over the renderer version and every input of one file's parse and render. */
export function renderCacheKey(input: RenderCacheKeyInput): string {
  const header = JSON.stringify([RENDER_CACHE_VERSION, PACKAGE_VERSION, input.file, input.locale, input.sourceFile ?? null, input.assetBaseUrl, input.contentDir, input.localesDir]);
  return createHash("sha256").update(header).update("\u0000").update(input.bytes).digest("hex");
}
