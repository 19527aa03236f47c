import { describe, expect, it } from "vitest";
import { measureEditDistance, suggestName } from "../../src/model/suggest-name.js";

describe("suggestName", () => {
  const keys = ["title", "description", "state", "author_id"];

  it("suggests the closest key for typos, swaps and case", () => {
    expect(suggestName("titel", keys)).toBe("title");
    expect(suggestName("Title", keys)).toBe("title");
    expect(suggestName("descripton", keys)).toBe("description");
    expect(suggestName("authorId", keys)).toBe("author_id");
    expect(suggestName("author", keys)).toBe("author_id");
  });

  it("suggests nothing for unrelated words", () => {
    expect(suggestName("tags", keys)).toBeUndefined();
    expect(suggestName("id", keys)).toBeUndefined();
    expect(suggestName("include_yaml", keys)).toBeUndefined();
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(measureEditDistance("ab", "ba")).toBe(1);
    expect(measureEditDistance("kitten", "sitting")).toBe(3);
  });
});
