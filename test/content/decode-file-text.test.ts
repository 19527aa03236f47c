import { describe, expect, it } from "vitest";
import { decodeFileText } from "../../src/content/decode-file-text.js";

const encode = (text: string) => new TextEncoder().encode(text);

describe("decodeFileText", () => {
  it("decodes UTF-8 and normalises CRLF and lone CR to LF", () => {
    expect(decodeFileText(encode("a\r\nb\rc\n"), "f.md")).toEqual({ text: "a\nb\nc\n" });
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), "f.md")).toEqual({ text: "hi" });
  });

  it("refuses NUL bytes as binary", () => {
    expect(decodeFileText(new Uint8Array([0x68, 0, 0x69]), "f.md").diagnostic?.code).toBe("content/binary");
  });

  it("refuses invalid UTF-8 and names the line", () => {
    const result = decodeFileText(new Uint8Array([0x61, 0x0a, 0xff, 0x62]), "f.md");
    expect(result.diagnostic).toMatchObject({ code: "content/invalid-utf8", location: { file: "f.md", line: 2 } });
  });
});
