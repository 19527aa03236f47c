import { describe, expect, it } from "vitest";
import { combineFieldHashes, hashField, holdFieldDigestMemo } from "../../src/plan/hash.js";

describe("holdFieldDigestMemo", () => {
  it("gives the same digests while held, after release, and for long texts", () => {
    const long = "x".repeat(1_000);
    const before = [hashField("Title"), hashField(long), combineFieldHashes({ title: "a", body: "b" })];
    const release = holdFieldDigestMemo();
    expect([hashField("Title"), hashField(long), combineFieldHashes({ title: "a", body: "b" })]).toEqual(before);
    expect(hashField("Title")).toBe(before[0]);
    release();
    release();
    expect([hashField("Title"), hashField(long), combineFieldHashes({ title: "a", body: "b" })]).toEqual(before);
  });
});
