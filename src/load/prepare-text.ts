/**
 * One file's bytes or text to its prepared form (front matter parsed, body rendered and
 * summarised), through the render cache when there is one. The text is not kept: the result holds
 * metadata only.
 */
import { decodeFileText } from "../content/decode-file-text.js";
import type { ParsedMarkdown } from "../content/parse-markdown-file.js";
import type { Diagnostic } from "../errors/sync-error.js";
import { detachValue } from "../model/detach-strings.js";
import { prepareFile, renderSourceOf, type FilePlace, type PrepareContext } from "../model/prepare-file.js";
import type { PreparedFile } from "../model/types.js";
import { recordLookups, type RecordedLookups } from "../render-cache/recording-files.js";
import type { CachedResult, RenderCache } from "../render-cache/render-cache.js";
import { renderCacheKey } from "../render-cache/render-cache-key.js";

/** The front-matter parser's signature (src/content/parse-markdown-file.ts), injectable for the benchmark. */
export type ParseMarkdown = (text: string, file: string) => ParsedMarkdown;

export interface PreparedText {
  prepared: PreparedFile;
  /** Findings of the front-matter parser. */
  parseDiagnostics: Diagnostic[];
}

/** True for values that JSON gives back unchanged (YAML can produce `.nan` and `.inf`). */
function isJsonSafe(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonSafe);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonSafe);
  return false;
}

function toCached(prepared: PreparedFile): CachedResult {
  const { file: _file, locale: _locale, relativePath: _relativePath, ...result } = prepared;
  return result;
}

/** Signature of prepareText without the cache: how the model builder prepares each file. */
export type PrepareText = (text: string, place: FilePlace, context: PrepareContext, parse: ParseMarkdown) => PreparedText;

export interface RecordedPreparation extends PreparedText {
  /** The existence lookups the render made; null when it enumerated the files (not cacheable). */
  lookups: RecordedLookups | null;
  /** Front matter JSON gives back unchanged (`.nan` and `.inf` do not survive a cache file). */
  jsonSafe: boolean;
}

/**
 * Parses and prepares one file afresh, recording the existence lookups its render makes: the
 * result stays valid while the text, the context and those answers stay the same.
 */
export function prepareRecorded(text: string, place: FilePlace, context: PrepareContext, parse: ParseMarkdown): RecordedPreparation {
  const { file, locale, relativePath } = place;
  const parsed = parse(text, file);
  const recorder = recordLookups(context.project.files);
  const prepared = prepareFile({ file, locale, relativePath, ...parsed }, { ...context, project: { ...context.project, files: recorder.files } });
  const recorded = recorder.lookups();
  const intern = context.intern ?? ((text: string) => text);
  const lookups = recorded === null ? null : { found: recorded.found.map(intern), missing: recorded.missing.map(intern) };
  return { prepared, parseDiagnostics: detachValue(parsed.diagnostics), lookups, jsonSafe: isJsonSafe(parsed.data) };
}

/** Parses and prepares one file's text, with no cache. */
export function prepareText(text: string, place: FilePlace, context: PrepareContext, parse: ParseMarkdown): PreparedText {
  const { file, locale, relativePath } = place;
  const parsed = parse(text, file);
  return { prepared: prepareFile({ file, locale, relativePath, ...parsed }, context), parseDiagnostics: detachValue(parsed.diagnostics) };
}

/**
 * Prepares one file from its bytes as read: from `cache` when it holds a result for the same bytes
 * and context whose existence lookups still hold (the bytes are then not even decoded), otherwise
 * decoded, parsed and prepared afresh. Every result read or made is kept in the cache, so saving
 * it afterwards drops the files that are gone. Bytes that are not text give their diagnostic.
 */
export function prepareBytes(bytes: Uint8Array, place: FilePlace, context: PrepareContext, parse: ParseMarkdown, cache: RenderCache | null): PreparedText | Diagnostic {
  const { file, locale, relativePath } = place;
  if (cache === null) {
    const decoded = decodeFileText(bytes, file);
    return decoded.diagnostic ?? prepareText(decoded.text, place, context, parse);
  }
  const key = renderCacheKey({
    file,
    locale,
    sourceFile: renderSourceOf(place, context)?.sourceFile,
    assetBaseUrl: context.assetBaseUrl,
    contentDir: context.project.contentDir,
    localesDir: context.project.localesDir,
    bytes,
  });
  const hit = cache.get(file, key, context.project.files);
  if (hit !== undefined) {
    cache.keep(file, hit);
    return { prepared: { file, locale, relativePath, ...hit.result }, parseDiagnostics: hit.parseDiagnostics };
  }
  const decoded = decodeFileText(bytes, file);
  if (decoded.diagnostic) return decoded.diagnostic;
  const { prepared, parseDiagnostics, lookups, jsonSafe } = prepareRecorded(decoded.text, place, context, parse);
  if (lookups !== null && jsonSafe) cache.keep(file, { key, result: toCached(prepared), parseDiagnostics, lookups });
  return { prepared, parseDiagnostics };
}
