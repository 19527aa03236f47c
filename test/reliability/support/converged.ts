/**
 * What "the intended help center" means, checked against the emulator: exactly the collections and
 * articles of the files (no more, no fewer, no duplicates), each at its place, every managed locale
 * with its name or title, state and visible text, every link to another article pointing at that
 * article, and a lock that parses and names exactly these items.
 */
import { expect } from "vitest";
import type { EmulatorSnapshot, StoredArticle } from "../../../src/emulator/index.js";
import { digestText } from "../../../src/digest/body-summary.js";
import { toVisibleText } from "../../../src/digest/visible-text.js";
import { ARTICLE_LINK_SCHEME } from "../../../src/render/types.js";
import { readValidState } from "../../../src/sync/plan-project.js";
import { resolveProjectConfig } from "../../../src/sync/project-config.js";
import type { DesiredState, LockFile } from "../../../src/types.js";
import type { TestProject } from "../../support/project.js";

/** Items that share a parent and a source-locale title (or name): what a lost create would leave. */
export function findDuplicates(state: EmulatorSnapshot, sourceLocale = "en"): string[] {
  const seen = new Map<string, number>();
  for (const c of state.collections) {
    const key = `collection ${c.parentId ?? "-"} ${c.locales[sourceLocale]?.name ?? ""}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const a of state.articles) {
    const key = `article ${a.parentId ?? "-"} ${a.locales[sourceLocale]?.title ?? ""}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key, count]) => `${key} x${count}`);
}

/** The desired state of a project folder, as push sees it. */
export async function readDesired(project: TestProject): Promise<DesiredState> {
  const config = await resolveProjectConfig({ cwd: project.dir, env: project.env });
  return (await readValidState(config)).desired;
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] ?? "").replace(/&amp;/g, "&"));
}

function expectLinks(stored: string, wanted: readonly string[], lock: LockFile, where: string): void {
  const got = hrefsOf(stored);
  expect(got.length, `${where}: number of links`).toBe(wanted.length);
  wanted.forEach((href, index) => {
    const actual = got[index] ?? "";
    if (!href.startsWith(ARTICLE_LINK_SCHEME)) {
      expect(actual, `${where}: link ${index}`).toBe(href);
      return;
    }
    const [targetKey = "", anchor] = href.slice(ARTICLE_LINK_SCHEME.length).split("#");
    const targetId = lock.articles[targetKey]?.id;
    expect(actual, `${where}: link to ${targetKey}`).toContain(`/articles/${targetId}-`);
    if (anchor !== undefined) expect(actual.endsWith(`#${anchor}`), `${where}: anchor of the link to ${targetKey}`).toBe(true);
  });
}

/** Asserts that the emulator holds exactly the project's help center and that the lock names it. */
export async function expectConverged(project: TestProject): Promise<void> {
  const desired = await readDesired(project);
  const lock = await project.readLock();
  const state = project.emulator.state.dump();
  expect(findDuplicates(state, desired.sourceLocale)).toEqual([]);
  expect(state.collections).toHaveLength(desired.collections.length);
  expect(state.articles).toHaveLength(desired.articles.length);
  expect(Object.keys(lock.collections).sort()).toEqual(desired.collections.map((c) => c.key).sort());
  expect(Object.keys(lock.articles).sort()).toEqual(desired.articles.map((a) => a.key).sort());

  const collectionId = (key: string | null): number | null => (key === null ? null : Number(lock.collections[key]?.id));
  for (const collection of desired.collections) {
    const stored = state.collections.find((c) => c.id === collectionId(collection.key));
    expect(stored, `collection ${collection.key}`).toBeDefined();
    expect(stored?.parentId, `parent of ${collection.key}`).toBe(collectionId(collection.parentKey));
    expect(Object.keys(stored?.locales ?? {}).sort()).toEqual(Object.keys(collection.locales).sort());
    for (const [locale, text] of Object.entries(collection.locales)) expect(stored?.locales[locale]?.name).toBe(text.name);
  }
  for (const article of desired.articles) {
    const stored: StoredArticle | undefined = state.articles.find((a) => String(a.id) === lock.articles[article.key]?.id);
    expect(stored, `article ${article.key}`).toBeDefined();
    expect(stored?.parentId, `parent of ${article.key}`).toBe(collectionId(article.parentKey));
    expect(Object.keys(stored?.locales ?? {}).sort(), `locales of ${article.key}`).toEqual(Object.keys(article.locales).sort());
    for (const [locale, text] of Object.entries(article.locales)) {
      const where = `${article.key} (${locale})`;
      const remote = stored?.locales[locale];
      expect(remote?.title, where).toBe(text.title);
      expect(remote?.state, where).toBe(text.state);
      // The desired state keeps a digest of the visible text and the hrefs, not the HTML.
      expect(digestText(toVisibleText(remote?.body ?? "")), where).toBe(text.textDigest);
      expectLinks(remote?.body ?? "", text.hrefs, lock, where);
    }
  }
}
