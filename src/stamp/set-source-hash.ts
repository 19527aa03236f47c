/**
 * Sets `source_hash` in a file's front matter by editing the text, not by re-serialising the YAML:
 * the `source_hash:` line is replaced, or one line is inserted before the closing `---`, so every
 * other byte (key order, quoting, comments, line endings, the body) stays as it was. Pure.
 */

export type SetSourceHashResult =
  | { kind: "changed"; text: string }
  | { kind: "unchanged" }
  | { kind: "no-front-matter" };

const OPENING = /^---[ \t]*$/;
const CLOSING = /^---[ \t]*$/;
const KEY_LINE = /^source_hash[ \t]*:/;
const CONTINUATION = /^[ \t]/;
// A plain scalar YAML would read as a number; such a value is quoted so it stays text.
const NUMBER_LIKE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** The `source_hash: ...` line for a hash. */
export function formatSourceHashLine(hash: string): string {
  return `source_hash: ${NUMBER_LIKE.test(hash) ? `"${hash}"` : hash}`;
}

/** Sets `source_hash` to `hash` in the front matter of `text`. */
export function setSourceHash(text: string, hash: string): SetSourceHashResult {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // Splitting on "\n" keeps any "\r" at line ends, so joining with "\n" restores the bytes.
  const lines = text.slice(bom.length).split("\n");
  const strip = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);
  if (lines.length < 2 || !OPENING.test(strip(lines[0] ?? ""))) return { kind: "no-front-matter" };
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING.test(strip(line)));
  if (closing === -1) return { kind: "no-front-matter" };

  const wanted = formatSourceHashLine(hash);
  const cr = eol === "\r\n" ? "\r" : "";
  const keyIndex = lines.findIndex((line, index) => index > 0 && index < closing && KEY_LINE.test(line));
  if (keyIndex === -1) {
    lines.splice(closing, 0, `${wanted}${cr}`);
  } else {
    // A value written over several lines (a block or folded scalar) goes with its key.
    let end = keyIndex + 1;
    while (end < closing && CONTINUATION.test(lines[end] ?? "")) end += 1;
    const lineEnd = (lines[keyIndex] ?? "").endsWith("\r") ? "\r" : "";
    const current = strip(lines[keyIndex] ?? "").replace(KEY_LINE, "").trim().replace(/^(["'])(.*)\1$/, "$2");
    if (end === keyIndex + 1 && current === hash) return { kind: "unchanged" };
    lines.splice(keyIndex, end - keyIndex, `${wanted}${lineEnd}`);
  }
  return { kind: "changed", text: bom + lines.join("\n") };
}
