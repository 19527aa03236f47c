import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/prng.js";
import { markdownParser } from "../../src/render/markdown-parser.js";

describe("the renderer's normalizeLink", () => {
  const plain = new MarkdownIt();

  it("gives what markdown-it's own gives, on plain paths and on everything else", () => {
    const samples = [
      "", "../guide/install.md", "install.md#step-2", "/abs/path?x=1&y=2#h", "a#b#c", "a?b?c#d", "images/screen.png",
      "//host/path", "//Host/Path", "https://Example.COM/a b", "HTTP://xn--e1afmkfd.xn--p1ai/", "mailto:a@b.c", "%zz", "a%20b", "ü.md",
      "path with space.md", "C:\\file", "a\"b", "./~user/_x.md", "javascript:alert(1)",
    ];
    for (const url of samples) expect(markdownParser.normalizeLink(url), url).toBe(plain.normalizeLink(url));
  });

  it("agrees with markdown-it's own on random URLs", () => {
    const random = createRandom(20_261_208);
    const pieces = ["a", "Z", "0", "_", "-", ".", "~", "/", "//", "#", "?", "&", "=", "+", ":", "%", "%41", " ", "é", "@", "[", "http:", "www."];
    for (let run = 0; run < 5000; run++) {
      let url = "";
      for (let length = random.int(0, 10); length > 0; length--) url += random.pick(pieces);
      expect(markdownParser.normalizeLink(url), url).toBe(plain.normalizeLink(url));
    }
  });
});
