import { describe, expect, it } from "vitest";
import { hashBody } from "../../src/digest/body-digest.js";
import { hashArticleLocale, hashCollectionLocale, stableJson } from "../../src/digest/field-hashes.js";
import { lookupUrl, resolveLinks, UNRESOLVED_LINK_HREF } from "../../src/render/resolve-links.js";
import { toVisibleText } from "../../src/digest/visible-text.js";

const fields = { title: "T", description: "D", bodyHash: hashBody("digest-of-body", []), state: "published" as const, authorId: null };

describe("hash", () => {
  it("does not depend on key order", () => {
    expect(stableJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(stableJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });

  it("changes with every field, including an explicit author", () => {
    const base = hashArticleLocale(fields);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    for (const change of [{ title: "x" }, { description: "x" }, { bodyHash: hashBody("other-digest", []) }, { state: "draft" as const }, { authorId: 5 }]) {
      expect(hashArticleLocale({ ...fields, ...change })).not.toBe(base);
    }
    expect(hashArticleLocale({ ...fields })).toBe(base);
  });

  it("hashes collections by name and description", () => {
    expect(hashCollectionLocale({ name: "A", description: "" })).not.toBe(hashCollectionLocale({ name: "A", description: "x" }));
  });
});

describe("resolveLinks", () => {
  const urls = { target: { en: "https://h/en/1", fr: "https://h/fr/1" }, "only-en": { en: "https://h/en/2" } };

  it("uses the target's URL in the same locale and keeps the anchor", () => {
    const { body, unresolved } = resolveLinks('<a href="intercom-sync:target#step-2">x</a>', "fr", lookupUrl(urls, "en"));
    expect(body).toBe('<a href="https://h/fr/1#step-2">x</a>');
    expect(unresolved).toEqual([]);
  });

  it("falls back to the source locale's URL when the target has no translation", () => {
    const { body } = resolveLinks("<a href='intercom-sync:only-en'>x</a>", "fr", lookupUrl(urls, "en"));
    expect(body).toBe("<a href='https://h/en/2'>x</a>");
  });

  it("writes a stand-in and lists targets with no URL yet", () => {
    const html = '<a href="intercom-sync:new#a">1</a><a href="intercom-sync:new">2</a>';
    const { body, unresolved } = resolveLinks(html, "en", lookupUrl(urls, "en"));
    expect(body).toBe(`<a href="${UNRESOLVED_LINK_HREF}">1</a><a href="${UNRESOLVED_LINK_HREF}">2</a>`);
    expect(unresolved).toEqual(["new"]);
  });

  it("leaves other links and text alone", () => {
    const html = '<p>intercom-sync:target</p><a href="https://example.com">x</a>';
    expect(resolveLinks(html, "en", lookupUrl(urls, "en")).body).toBe(html);
  });
});

describe("toVisibleText", () => {
  it("ignores markup Intercom rewrites but keeps word boundaries", () => {
    expect(toVisibleText('<h1 id="intro">Hi &amp; welcome</h1><p class="no-margin">a <b>b</b>c</p>')).toBe("Hi & welcome a bc");
    expect(toVisibleText("<h2>Hi &amp; welcome</h2>\n<p>a <strong>b</strong>c</p>")).toBe("Hi & welcome a bc");
  });
});
