/**
 * A view of the project's file set that remembers every question asked of it. A cached render is
 * valid only while each of those questions (does this link or image target exist?) gets the same
 * answer, so the render cache stores them with the result.
 */

/** Paths the renderer asked about, by answer. */
export interface RecordedLookups {
  found: string[];
  missing: string[];
}

export interface RecordingFiles {
  files: ReadonlySet<string>;
  /** What was asked; null when the set was enumerated (its answers then cannot be listed). */
  lookups(): RecordedLookups | null;
}

/** Wraps `files` so that `has` is recorded; enumerating it makes the lookups unusable. */
export function recordLookups(files: ReadonlySet<string>): RecordingFiles {
  const found = new Set<string>();
  const missing = new Set<string>();
  let enumerated = false;
  const enumerate = <T>(value: T): T => {
    enumerated = true;
    return value;
  };
  const view: ReadonlySet<string> = {
    get size() {
      return enumerate(files.size);
    },
    has(path: string): boolean {
      const answer = files.has(path);
      (answer ? found : missing).add(path);
      return answer;
    },
    forEach(callback, thisArg) {
      enumerate(files).forEach((value, key) => callback.call(thisArg, value, key, view));
    },
    entries: () => enumerate(files).entries(),
    keys: () => enumerate(files).keys(),
    values: () => enumerate(files).values(),
    [Symbol.iterator]: () => enumerate(files)[Symbol.iterator](),
  };
  return { files: view, lookups: () => (enumerated ? null : { found: [...found], missing: [...missing] }) };
}

/** Whether every recorded lookup gives the same answer against `files` now. */
export function lookupsHold(lookups: RecordedLookups, files: ReadonlySet<string>): boolean {
  return lookups.found.every((path) => files.has(path)) && lookups.missing.every((path) => !files.has(path));
}
