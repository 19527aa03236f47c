import { describe, expect, it } from "vitest";
import { diffLocale } from "../../src/plan/diff-locale.js";
import { combineFieldHashes, type FieldHashes } from "../../src/digest/field-hashes.js";
import { toLinkTargets } from "../../src/digest/visible-text.js";

const FIELDS = ["title", "body"] as const;
const pushed: FieldHashes = { title: "t1", body: "b1" };
const edited: FieldHashes = { title: "t1", body: "b2" };
const lock = { hash: combineFieldHashes(pushed), updatedAt: 100, fields: pushed };

function remote(updatedAt: number, differing: string[], staleLinksOnly = false) {
  return { updatedAt, differingFields: () => differing, hasOnlyStaleLinks: () => staleLinksOnly };
}

describe("decisions after a run cut short", () => {
  it("records a write whose answer was lost: changed on both sides, but Intercom holds the files' content", () => {
    expect(diffLocale({ desired: edited, fieldNames: FIELDS, lock, remote: remote(200, []), force: false })).toEqual({ kind: "record" });
  });

  it("still reports a conflict when Intercom holds something else", () => {
    expect(diffLocale({ desired: edited, fieldNames: FIELDS, lock, remote: remote(200, ["body"]), force: false })).toMatchObject({ kind: "conflict" });
  });

  it("finishes the links of an earlier push instead of calling it a conflict", () => {
    const decision = diffLocale({ desired: edited, fieldNames: FIELDS, lock, remote: remote(200, ["body"], true), force: false });
    expect(decision).toMatchObject({ kind: "update", fields: ["title", "body"], note: expect.stringMatching(/earlier push/) });
  });

  it("keeps an edit made only in Intercom as drift, even when its text matches", () => {
    expect(diffLocale({ desired: pushed, fieldNames: FIELDS, lock, remote: remote(200, []), force: false })).toMatchObject({ kind: "drift" });
  });
});

describe("link targets", () => {
  it("lists where links lead, in order, entities decoded, so a stand-in link is not mistaken for a finished one", () => {
    expect(toLinkTargets('<p><a href="#">a</a> <a href="https://x.test/?a=1&amp;b=2#top">b</a> <a name="n">c</a></p>')).toEqual(["#", "https://x.test/?a=1&b=2#top"]);
  });
});
