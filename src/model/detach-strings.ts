/**
 * V8 keeps a substring (13 characters or more) as a slice of the string it was cut from, so a
 * title taken from front matter, or an href taken from rendered HTML, keeps the whole file or body
 * alive. The model keeps such pieces of every file; these copies share no memory with their source.
 */

/** Shorter substrings are copied by V8 anyway. */
const SLICE_MIN_LENGTH = 13;

/** A copy of `text` that does not keep a larger string alive. */
export function detachString(text: string): string {
  // Concatenating makes a new string; slicing it flattens it into a fresh buffer of its own size.
  return text.length < SLICE_MIN_LENGTH ? text : ` ${text}`.slice(1);
}

/** A deep copy of plain data (objects, arrays, strings, numbers) with every string detached. */
export function detachValue<T>(value: T): T {
  if (typeof value === "string") return detachString(value) as T;
  if (Array.isArray(value)) return value.map(detachValue) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[detachString(key)] = detachValue(item);
    return out as T;
  }
  return value;
}

/** Hands out one detached copy per distinct string: hrefs and keys repeat across thousands of files. */
export function createInterner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let kept = seen.get(text);
    if (kept === undefined) {
      kept = detachString(text);
      seen.set(kept, kept);
    }
    return kept;
  };
}
