import { describe, expect, it } from "vitest";
import { bodiesToLoad, needsDefaultAuthor } from "../../src/plan/bodies-to-load.js";
import { hashBodyAt } from "../../src/digest/body-digest.js";
import { summariseBody } from "../../src/digest/body-summary.js";
import { hashBody } from "../../src/digest/body-digest.js";
import { planSync } from "../../src/plan/plan-sync.js";
import { lookupUrl, resolveHrefs, resolveLinks } from "../../src/render/resolve-links.js";
import { toLinkTargets } from "../../src/digest/visible-text.js";
import type { ArticlePlanItem, Plan } from "../../src/plan/types.js";
import { article, desiredState, planInput, syncedWorld, withoutHtml } from "./builders.js";

const link = (key: string): string => `<p><a href="intercom-sync:${key}#part">see</a></p>`;

function requested(plan: Plan): string[] {
  return bodiesToLoad(plan).map(({ item, locale }) => `${item.key} ${locale}`).sort();
}

describe("bodiesToLoad", () => {
  const synced = desiredState({
    locales: ["en", "fr"],
    articles: [article("hub", { body: link("target"), links: ["target"] }, { fr: { body: link("target"), links: ["target"] } }), article("target"), article("other")],
  });

  it("needs no body for a plan with nothing to write", () => {
    const plan = planSync(planInput(withoutHtml(synced), syncedWorld(synced)));
    expect(plan.summary.writes).toBe(0);
    expect(requested(plan)).toEqual([]);
    expect(needsDefaultAuthor(plan)).toBe(false);
  });

  it("needs the written locales only (the second pass renders what else it sends)", () => {
    const world = syncedWorld(synced);
    const edited = desiredState({ ...synced, articles: [synced.articles[0]!, article("target", { body: "<p>new</p>" }), article("other")] });
    const plan = planSync(planInput(withoutHtml(edited), world));
    expect(requested(plan)).toEqual(["target en"]);
    // An update that does not touch the author sends none.
    expect(needsDefaultAuthor(plan)).toBe(false);
  });

  it("needs the default author for a new article that names none", () => {
    const plan = planSync(planInput(withoutHtml(synced), { remote: syncedWorld(desiredState({})).remote, lock: syncedWorld(desiredState({})).lock }, { defaultAuthorId: null }));
    expect(needsDefaultAuthor(plan)).toBe(true);
    expect(plan.defaultAuthorId).toBeNull();
    const item = plan.items.find((i): i is ArticlePlanItem => i.type === "article" && i.key === "hub");
    expect(item?.content.en?.body).toBeUndefined();
    expect(item?.content.en?.placeholders).toEqual(["intercom-sync:target#part"]);
  });
});

describe("body digests without HTML", () => {
  const urls = { target: { en: "https://h/en/1", fr: "https://h/fr/1" } };
  const html = '<p><a href="intercom-sync:target#a&amp;b">x</a> <a href="https://example.com/?q=1&amp;r=2">y</a> <a href="intercom-sync:new">z</a></p>';

  it("resolves the hrefs of a summary exactly as the HTML resolves", () => {
    const resolved = resolveHrefs(summariseBody(html).hrefs, "fr", lookupUrl(urls, "en"));
    const viaHtml = resolveLinks(html, "fr", lookupUrl(urls, "en"));
    expect(resolved.unresolved).toEqual(viaHtml.unresolved);
    expect(resolved.hrefs).toEqual(toLinkTargets(viaHtml.body));
  });

  it("changes the body digest when a link's URL changes, and only then", () => {
    const summary = summariseBody(html);
    const before = hashBodyAt({ digest: summary.digest, placeholders: summary.hrefs }, "en", lookupUrl(urls, "en"));
    expect(hashBodyAt({ digest: summary.digest, placeholders: summary.hrefs }, "en", lookupUrl(urls, "en"))).toBe(before);
    const moved = { target: { en: "https://h/en/1-renamed" } };
    expect(hashBodyAt({ digest: summary.digest, placeholders: summary.hrefs }, "en", lookupUrl(moved, "en"))).not.toBe(before);
    expect(hashBody(summariseBody("<p>other</p>").digest, [])).not.toBe(hashBody(summary.digest, []));
  });
});
