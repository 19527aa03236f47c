import { diagnostic, type Diagnostic } from "../errors/sync-error.js";

const NUL = 0;
const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

export type DecodeResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

/** 1-based line of the first undecodable byte, found by decoding leniently up to it. */
function locateInvalidByte(bytes: Uint8Array): number {
  const lenient = lenientDecoder.decode(bytes);
  const index = lenient.indexOf("\uFFFD");
  if (index === -1) return 1;
  let line = 1;
  for (let i = 0; i < index; i += 1) if (lenient.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * Turns a markdown file's bytes into text, or explains why it cannot: binary content (NUL bytes)
 * or invalid UTF-8. A UTF-8 byte-order mark is dropped and CRLF / CR line endings become LF, so
 * that hashes and line numbers do not depend on the editor that saved the file. Pure.
 */
export function decodeFileText(bytes: Uint8Array, file: string): DecodeResult {
  if (bytes.indexOf(NUL) !== -1) {
    return {
      diagnostic: diagnostic("content/binary", {}, { file }),
    };
  }
  let text: string;
  try {
    // The decoder drops a leading byte-order mark itself (ignoreBOM defaults to false).
    text = strictDecoder.decode(bytes);
  } catch {
    return {
      diagnostic: diagnostic("content/invalid-utf8", {}, { file, line: locateInvalidByte(bytes) }),
    };
  }
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  return { text };
}
