/**
 * Small builders for planner tests: a desired tree, and the remote + lock that a successful push
 * of that tree would leave behind (`syncedWorld`), which tests then edit to set up a scenario.
 */
import { hashBodyAt } from "../../src/digest/body-digest.js";
import { summariseBody } from "../../src/digest/body-summary.js";
import { hashArticleFields, hashCollectionFields, combineFieldHashes } from "../../src/digest/field-hashes.js";
import { lookupUrl, resolveLinks } from "../../src/render/resolve-links.js";
import type { PlanInput, PlanOptions } from "../../src/plan/types.js";
import type {
  ArticleState,
  DesiredArticle,
  DesiredArticleLocale,
  DesiredCollection,
  DesiredState,
  LockEntry,
  LockFile,
  RemoteArticle,
  RemoteCollection,
  RemoteState,
} from "../../src/types.js";

export const SYNCED_AT = 1_000;

interface ArticleText {
  title?: string;
  description?: string;
  /** Rendered HTML (placeholders included). */
  body?: string;
  state?: ArticleState;
  authorId?: number | null;
  links?: string[];
  sourceHash?: string;
}

function articleLocale(key: string, locale: string, text: ArticleText, sourceLocale = "en"): DesiredArticleLocale {
  const file = locale === sourceLocale ? `content/${key}.md` : `locales/${locale}/${key}.md`;
  const html = text.body ?? `<p>Body of ${key} (${locale})</p>`;
  // As the model builds it when asked to keep the HTML: the summary, plus the HTML itself.
  const out: DesiredArticleLocale = {
    file,
    title: text.title ?? `Title of ${key}`,
    description: text.description ?? "",
    ...summariseBody(html),
    html,
    state: text.state ?? "published",
    authorId: text.authorId ?? null,
    links: text.links ?? [],
  };
  if (text.sourceHash !== undefined) out.sourceHash = text.sourceHash;
  return out;
}

/** A desired article with an `en` source and optional translations. */
export function article(key: string, en: ArticleText = {}, translations: Record<string, ArticleText> = {}): DesiredArticle {
  const slash = key.lastIndexOf("/");
  const locales: Record<string, DesiredArticleLocale> = { en: articleLocale(key, "en", en) };
  for (const [locale, text] of Object.entries(translations)) {
    locales[locale] = articleLocale(key, locale, { title: `${locales.en?.title ?? key} (${locale})`, ...text });
  }
  return { key, parentKey: slash === -1 ? null : key.slice(0, slash), locales, sourceTextHash: "src-v1" };
}

/** A desired collection named after its folder, with optional translated names. */
export function collection(key: string, name?: string, translations: Record<string, string> = {}): DesiredCollection {
  const slash = key.lastIndexOf("/");
  const locales: DesiredCollection["locales"] = {
    en: { file: `content/${key}/_collection.md`, name: name ?? `Collection ${key}`, description: "" },
  };
  for (const [locale, translated] of Object.entries(translations)) {
    locales[locale] = { file: `locales/${locale}/${key}/_collection.md`, name: translated, description: "" };
  }
  return { key, parentKey: slash === -1 ? null : key.slice(0, slash), locales };
}

export function desiredState(parts: { collections?: DesiredCollection[]; articles?: DesiredArticle[]; locales?: string[] }): DesiredState {
  return { sourceLocale: "en", locales: parts.locales ?? ["en"], collections: parts.collections ?? [], articles: parts.articles ?? [] };
}

export function emptyRemote(locales: string[] = ["en", "fr", "de"]): RemoteState {
  return {
    helpCenter: { id: "hc1", identifier: "acme", displayName: "Acme", url: "https://help.example.com", isDefault: true, locales },
    collections: [],
    articles: [],
  };
}

export function urlFor(id: string, locale: string): string {
  return `https://help.example.com/${locale}/articles/${id}`;
}

/** The remote and lock a push of `desired` leaves: ids c1.. and a1.., HTML lightly rewritten. */
export function syncedWorld(desired: DesiredState, enabled?: string[]): { remote: RemoteState; lock: LockFile } {
  const remote = emptyRemote(enabled);
  const lock: LockFile = { version: 1, helpCenterId: "hc1", collections: {}, articles: {} };
  const ids = new Map<string, string>();
  desired.collections.forEach((c, index) => ids.set(c.key, `c${index + 1}`));
  const urls: Record<string, Record<string, string>> = {};
  desired.articles.forEach((a, index) => {
    const id = `a${index + 1}`;
    ids.set(`article:${a.key}`, id);
    urls[a.key] = Object.fromEntries(Object.keys(a.locales).map((locale) => [locale, urlFor(id, locale)]));
  });
  for (const c of desired.collections) {
    const id = ids.get(c.key) ?? "";
    const rc: RemoteCollection = {
      id,
      parentId: c.parentKey === null ? null : (ids.get(c.parentKey) ?? null),
      helpCenterId: "hc1",
      defaultLocale: "en",
      updatedAt: SYNCED_AT,
      url: null,
      locales: {},
    };
    const entry: LockEntry = { id, locales: {} };
    for (const [locale, text] of Object.entries(c.locales)) {
      rc.locales[locale] = { name: text.name, description: text.description };
      const fields = hashCollectionFields(text);
      entry.locales[locale] = { hash: combineFieldHashes(fields), updatedAt: SYNCED_AT, fields };
    }
    lock.collections[c.key] = entry;
    remote.collections.push(rc);
  }
  for (const a of desired.articles) {
    const id = ids.get(`article:${a.key}`) ?? "";
    const ra: RemoteArticle = {
      id,
      parentId: a.parentKey === null ? null : (ids.get(a.parentKey) ?? null),
      defaultLocale: "en",
      updatedAt: SYNCED_AT,
      locales: {},
    };
    const entry: LockEntry = { id, locales: {} };
    for (const [locale, text] of Object.entries(a.locales)) {
      const { body } = resolveLinks(text.html ?? "", locale, lookupUrl(urls, "en"));
      ra.locales[locale] = {
        title: text.title,
        description: text.description,
        // Intercom adds classes to paragraphs: the planner must not compare markup.
        body: body.replace(/<p>/g, '<p class="no-margin">'),
        state: text.state,
        authorId: text.authorId ?? 7,
        updatedAt: SYNCED_AT,
        url: urlFor(id, locale),
      };
      const bodyHash = hashBodyAt({ digest: text.digest, placeholders: text.hrefs }, locale, lookupUrl(urls, "en"));
      const fields = hashArticleFields({ ...text, bodyHash });
      entry.locales[locale] = { hash: combineFieldHashes(fields), updatedAt: SYNCED_AT, fields };
    }
    lock.articles[a.key] = entry;
    remote.articles.push(ra);
  }
  return { remote, lock };
}

export function planOptions(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return { onDelete: "unpublish", force: false, defaultAuthorId: 7, outdatedTranslations: "push", ...overrides };
}

export function planInput(desired: DesiredState, world: { remote: RemoteState; lock: LockFile }, options: Partial<PlanOptions> = {}): PlanInput {
  return { desired, remote: world.remote, lock: world.lock, options: planOptions(options) };
}

/** The state with the HTML dropped, as the composer gets it from a read that keeps summaries only. */
export function withoutHtml(desired: DesiredState): DesiredState {
  const copy = structuredClone(desired);
  for (const item of copy.articles) for (const locale of Object.values(item.locales)) delete locale.html;
  return copy;
}
