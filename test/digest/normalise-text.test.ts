import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/prng.js";
import { normaliseText } from "../../src/digest/visible-text.js";

describe("normaliseText", () => {
  it("collapses every run of whitespace, non-breaking spaces included, to one space and trims", () => {
    expect(normaliseText("  a  b\n\tc\u00a0 d \u2003e\u3000\u3000f ")).toBe("a b c d e f");
    expect(normaliseText("one two")).toBe("one two");
    expect(normaliseText(" \n ")).toBe("");
  });

  it("gives what replacing each whitespace run with a space gives, on random text", () => {
    const random = createRandom(20_261_208);
    const pieces = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\r\n", "é"];
    for (let run = 0; run < 2000; run++) {
      let text = "";
      for (let length = random.int(0, 12); length > 0; length--) text += random.pick(pieces);
      expect(normaliseText(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, " ").trim());
    }
  });
});
