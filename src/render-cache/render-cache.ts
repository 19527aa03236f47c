/**
 * The render cache in memory: per file, the prepared result (front matter, body summary,
 * findings) of its last read, with the key it was made for and the existence lookups its render
 * made. Pure; render-cache-store.ts reads and writes it.
 */
import type { Diagnostic } from "../errors/sync-error.js";
import type { PreparedFile, RenderedBody } from "../model/types.js";
import { lookupsHold, type RecordedLookups } from "./recording-files.js";

/** Version of the cache file's layout; a file of another version is ignored. */
export const RENDER_CACHE_FORMAT = 2;

/** A prepared file as cached: its place (file, locale, path) is known from the listing. */
export type CachedResult = Omit<PreparedFile, "file" | "locale" | "relativePath">;

export interface CachedFile {
  /** renderCacheKey of the text and context it was made from. */
  key: string;
  result: CachedResult;
  /** Findings of the front-matter parser (the render's are in `result.rendered`). */
  parseDiagnostics: Diagnostic[];
  lookups: RecordedLookups;
}

export interface RenderCacheStats {
  hits: number;
  misses: number;
}

/** Where the entries of the next cache file go, line by line, as they are made. */
export interface CacheSink {
  write(lines: readonly string[]): void;
}

export interface RenderCache {
  /** The entry of `file` when it was made for `key` and its lookups still hold against `files`. */
  get(file: string, key: string, files: ReadonlySet<string>): CachedFile | undefined;
  /**
   * Records the entry of a file read in this run (hit or miss): only these are saved, so files
   * that are gone drop out. From the first new entry on, entries go to the sink at once rather
   * than being held until the end.
   */
  keep(file: string, entry: CachedFile): void;
  stats(): RenderCacheStats;
  /**
   * Ends the run: true when the sink received a complete new cache file to commit, false when
   * the file on disk already says all this (every file a hit, none gone).
   */
  finish(): boolean;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** A cheap shape check, so a damaged or foreign file is ignored rather than trusted. */
function isCachedFile(value: unknown): value is CachedFile {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Partial<CachedFile>;
  const result = entry.result as Partial<CachedResult> | undefined;
  const lookups = entry.lookups as Partial<RecordedLookups> | undefined;
  if (typeof entry.key !== "string" || !Array.isArray(entry.parseDiagnostics) || typeof result !== "object" || result === null) return false;
  if (!isStringArray(lookups?.found) || !isStringArray(lookups.missing)) return false;
  if (typeof result.blankBody !== "boolean" || typeof result.bodyStartLine !== "number" || typeof result.positions !== "object") return false;
  const rendered = result.rendered;
  if (rendered === undefined || (rendered !== null && (typeof rendered.digest !== "string" || !isStringArray(rendered.hrefs) || !isStringArray(rendered.links) || !Array.isArray(rendered.diagnostics)))) {
    return false;
  }
  return result.sourceTextHash === null || typeof result.sourceTextHash === "string";
}

/**
 * One entry as written: the hrefs, link keys and looked-up paths (the bulk of an entry, repeated
 * across thousands of files) as indexes into the file's string table.
 */
interface StoredFile {
  key: string;
  result: Omit<CachedResult, "rendered"> & { rendered: (Omit<RenderedBody, "hrefs" | "links"> & { hrefs: number[]; links: number[] }) | null };
  parseDiagnostics: Diagnostic[];
  found: number[];
  missing: number[];
}

/** A line that adds strings to the table, and a line that holds one file's entry. */
type StoredLine = ["s", ...string[]] | ["e", number, StoredFile];

/** First line of a cache file. */
export const CACHE_HEADER = JSON.stringify({ format: RENDER_CACHE_FORMAT });

/**
 * Encodes entries as cache file lines, after {@link CACHE_HEADER}: each entry is preceded by the
 * strings it is the first to use. Written and read line by line, so neither side holds the file.
 */
export function createCacheEncoder(): (file: string, entry: CachedFile) => string[] {
  const indexes = new Map<string, number>();
  return (file, entry) => {
    const fresh: string[] = [];
    const index = (text: string): number => {
      let found = indexes.get(text);
      if (found === undefined) {
        found = indexes.size;
        indexes.set(text, found);
        fresh.push(text);
      }
      return found;
    };
    const { rendered } = entry.result;
    const stored: StoredFile = {
      key: entry.key,
      result: { ...entry.result, rendered: rendered === null ? null : { ...rendered, hrefs: rendered.hrefs.map(index), links: rendered.links.map(index) } },
      parseDiagnostics: entry.parseDiagnostics,
      found: entry.lookups.found.map(index),
      missing: entry.lookups.missing.map(index),
    };
    const fileIndex = index(file);
    const lines = fresh.length > 0 ? [JSON.stringify(["s", ...fresh])] : [];
    lines.push(JSON.stringify(["e", fileIndex, stored]));
    return lines;
  };
}

/**
 * Reads the lines of {@link createCacheEncoder} back into entries by file path. Throws on anything it
 * does not expect (the caller then starts from an empty cache).
 */
export function createCacheDecoder(): { line(text: string): void; entries: Map<string, unknown> } {
  const strings: string[] = [];
  const entries = new Map<string, unknown>();
  let started = false;
  const text = (at: number): string => {
    const value = strings[at];
    if (value === undefined) throw new Error("string index out of range");
    return value;
  };
  return {
    entries,
    line(raw) {
      if (raw === "") return;
      const parsed = JSON.parse(raw) as unknown;
      if (!started) {
        if ((parsed as { format?: unknown }).format !== RENDER_CACHE_FORMAT) throw new Error("other cache format");
        started = true;
        return;
      }
      const line = parsed as StoredLine;
      if (line[0] === "s") {
        for (const value of line.slice(1)) strings.push(String(value));
        return;
      }
      const [, fileIndex, stored] = line;
      const { rendered } = stored.result;
      entries.set(text(fileIndex), {
        key: stored.key,
        result: { ...stored.result, rendered: rendered === null ? null : { ...rendered, hrefs: rendered.hrefs.map(text), links: rendered.links.map(text) } },
        parseDiagnostics: stored.parseDiagnostics,
        lookups: { found: stored.found.map(text), missing: stored.missing.map(text) },
      });
    },
  };
}

/**
 * A cache holding `previous` entries (as read by createCacheDecoder; each is checked before use),
 * writing the next cache file to `sink`.
 */
export function createRenderCache(previous: ReadonlyMap<string, unknown> = new Map(), sink: CacheSink = { write: () => undefined }): RenderCache {
  const encode = createCacheEncoder();
  // Files served from `previous`: until the first new entry nothing is written (a warm run that
  // changes nothing writes nothing); then they are written too.
  const hitFiles: string[] = [];
  let writing = false;
  let hits = 0;
  let misses = 0;
  const emit = (file: string, entry: CachedFile): void => sink.write(encode(file, entry));
  const startWriting = (): void => {
    writing = true;
    sink.write([CACHE_HEADER]);
    for (const file of hitFiles) emit(file, previous.get(file) as CachedFile);
  };
  return {
    get(file, key, files) {
      const entry = previous.get(file);
      if (isCachedFile(entry) && entry.key === key && lookupsHold(entry.lookups, files)) {
        hits += 1;
        return entry;
      }
      misses += 1;
      return undefined;
    },
    keep(file, entry) {
      if (previous.get(file) === entry) {
        hitFiles.push(file);
        if (writing) emit(file, entry);
        return;
      }
      if (!writing) startWriting();
      emit(file, entry);
    },
    stats: () => ({ hits, misses }),
    finish() {
      if (!writing && hitFiles.length !== previous.size) startWriting();
      return writing;
    },
  };
}
