import { describe, expect, it } from "vitest";
import { setSourceHash } from "../../src/stamp/set-source-hash.js";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("setSourceHash", () => {
  it("inserts one line before the closing --- and changes nothing else", () => {
    const text = "---\ndescription: 'Kept: quoted'   # a comment\ntitle: Titre\n---\n\nCorps.\n\n---\n";
    const result = setSourceHash(text, HASH);
    expect(result).toEqual({ kind: "changed", text: text.replace("title: Titre\n---\n", `title: Titre\nsource_hash: ${HASH}\n---\n`) });
  });

  it("replaces an existing source_hash line in place", () => {
    const text = "---\nsource_hash: old\ntitle: T\n---\nBody\n";
    expect(setSourceHash(text, HASH)).toEqual({ kind: "changed", text: `---\nsource_hash: ${HASH}\ntitle: T\n---\nBody\n` });
  });

  it("replaces a value written over several lines, with its continuation", () => {
    const text = "---\ntitle: T\nsource_hash: >-\n  old\n  value\nstate: draft\n---\n";
    expect(setSourceHash(text, HASH)).toEqual({ kind: "changed", text: `---\ntitle: T\nsource_hash: ${HASH}\nstate: draft\n---\n` });
  });

  it("keeps CRLF line endings and a byte order mark", () => {
    const text = "\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n";
    expect(setSourceHash(text, HASH)).toEqual({ kind: "changed", text: `\uFEFF---\r\ntitle: T\r\nsource_hash: ${HASH}\r\n---\r\nBody\r\n` });
  });

  it("says unchanged when the hash is already there, quoted or not", () => {
    expect(setSourceHash(`---\ntitle: T\nsource_hash: ${HASH}\n---\n`, HASH)).toEqual({ kind: "unchanged" });
    expect(setSourceHash(`---\ntitle: T\nsource_hash: "${HASH}"\n---\n`, HASH)).toEqual({ kind: "unchanged" });
  });

  it("quotes a hash YAML would read as a number", () => {
    expect(setSourceHash("---\ntitle: T\n---\n", "12e45")).toEqual({ kind: "changed", text: '---\ntitle: T\nsource_hash: "12e45"\n---\n' });
  });

  it("does not touch a file without front matter", () => {
    expect(setSourceHash("Just text\n", HASH)).toEqual({ kind: "no-front-matter" });
    expect(setSourceHash("---\ntitle: never closed\n", HASH)).toEqual({ kind: "no-front-matter" });
  });

  it("ignores source_hash-looking text in the body", () => {
    const text = "---\ntitle: T\n---\nsource_hash: in the body\n";
    expect(setSourceHash(text, HASH)).toEqual({ kind: "changed", text: `---\ntitle: T\nsource_hash: ${HASH}\n---\nsource_hash: in the body\n` });
  });
});
