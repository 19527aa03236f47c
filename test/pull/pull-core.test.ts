import { describe, expect, it } from "vitest";
import { parseMarkdownFile } from "../../src/content/parse-markdown-file.js";
import { createArticleKeyLookup, relativeArticlePath } from "../../src/pull/article-links.js";
import { slugifyTitle } from "../../src/pull/assign-keys.js";
import { decideFile } from "../../src/pull/decide-file.js";
import { formatArticleFile, formatCollectionFile } from "../../src/pull/format-item-file.js";
import type { RemoteState } from "../../src/types.js";

describe("slugifyTitle", () => {
  it("keeps ASCII letters and digits, drops accents and punctuation", () => {
    expect(slugifyTitle("Tuning: cache & sync")).toBe("tuning-cache-sync");
    expect(slugifyTitle("Réglages avancés (v2)")).toBe("reglages-avances-v2");
  });

  it("gives nothing for a title in another script, so the caller falls back to the id", () => {
    expect(slugifyTitle("はじめに")).toBe("");
  });

  it("cuts long titles at a dash", () => {
    const slug = slugifyTitle("a ".repeat(10) + "very long title that goes on and on about many things at length");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("decideFile", () => {
  const lock = { hash: "h1", updatedAt: 100 };
  const base = { pulled: "new", lock, remoteUpdatedAt: 100, localHash: "h1", matchesRemote: () => false, force: false };

  it("writes a file Intercom has and the tree does not", () => {
    expect(decideFile({ ...base, current: undefined, lock: undefined })).toMatchObject({ outcome: "created", record: true });
  });

  it("takes Intercom's version when only Intercom changed", () => {
    expect(decideFile({ ...base, current: "old", remoteUpdatedAt: 200 })).toMatchObject({ outcome: "updated", record: true });
  });

  it("keeps a file changed on both sides and calls it a conflict", () => {
    expect(decideFile({ ...base, current: "edited", remoteUpdatedAt: 200, localHash: "h2" })).toMatchObject({ outcome: "skipped", conflict: true, record: false });
  });

  it("keeps a file Intercom did not change, even when it is written differently", () => {
    expect(decideFile({ ...base, current: "old" })).toMatchObject({ outcome: "unchanged", record: false });
  });

  it("keeps a never-pushed local file that is in the way, unless forced", () => {
    expect(decideFile({ ...base, current: "mine", lock: undefined })).toMatchObject({ outcome: "skipped", conflict: true });
    expect(decideFile({ ...base, current: "mine", lock: undefined, force: true })).toMatchObject({ outcome: "updated", record: true });
  });

  it("keeps and records a local file the lock does not know when it says what Intercom says", () => {
    expect(decideFile({ ...base, current: "mine", lock: undefined, matchesRemote: () => true })).toMatchObject({ outcome: "unchanged", record: true });
  });

  it("does not restore a file removed locally", () => {
    expect(decideFile({ ...base, current: undefined })).toMatchObject({ outcome: "skipped", record: false });
    expect(decideFile({ ...base, current: undefined }).conflict).toBeUndefined();
  });

  it("records the lock for a file that already matches", () => {
    expect(decideFile({ ...base, current: "new", localHash: "other" })).toMatchObject({ outcome: "unchanged", record: true });
  });
});

describe("formatArticleFile", () => {
  it("writes values YAML would misread so that they read back unchanged", () => {
    const titles = ["404", "true", "null", "a: b", "# not a comment", "0123", "'quoted'", "- dash", "yes"];
    for (const title of titles) {
      const parsed = parseMarkdownFile(formatArticleFile({ title, description: "" }, "Body.\n"), "x.md");
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.data?.title).toBe(title);
    }
  });

  it("leaves out empty and absent fields and keeps the order", () => {
    expect(formatArticleFile({ title: "T", description: "", state: "draft", authorId: 7 }, "Hi.\n")).toBe("---\ntitle: T\nstate: draft\nauthor_id: 7\n---\n\nHi.\n");
    expect(formatCollectionFile("Billing", "")).toBe("---\nname: Billing\n---\n");
  });
});

describe("article links", () => {
  const remote: RemoteState = {
    helpCenter: { id: "1", identifier: "acme", displayName: "Acme", url: "https://intercom.help/acme", isDefault: true, locales: ["en"] },
    collections: [],
    articles: [
      {
        id: "7",
        parentId: null,
        defaultLocale: "en",
        updatedAt: 1,
        locales: { en: { title: "Setup", description: "", body: "", state: "published", authorId: 1, updatedAt: 1, url: "https://help.acme.com/en/articles/7-setup" } },
      },
    ],
  };
  const lookup = createArticleKeyLookup(remote, new Map([["7", "guides/setup"]]));

  it("finds an article by its URL, or by its id when the slug changed", () => {
    expect(lookup("https://help.acme.com/en/articles/7-setup")).toBe("guides/setup");
    expect(lookup("https://intercom.help/acme/fr/articles/7-installation")).toBe("guides/setup");
    expect(lookup("https://elsewhere.example/articles/7-setup")).toBeUndefined();
  });

  it("writes paths relative to the linking article", () => {
    expect(relativeArticlePath("guides/intro", "guides/setup")).toBe("setup.md");
    expect(relativeArticlePath("welcome", "guides/setup")).toBe("guides/setup.md");
    expect(relativeArticlePath("a/b/c", "guides/setup")).toBe("../../guides/setup.md");
  });
});
