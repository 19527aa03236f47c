/**
 * Links between articles of the help center, read back as relative `.md` paths. Intercom stores
 * absolute article URLs whose slug follows the title, so a URL is matched exactly first, then by
 * the article id in its path (`/articles/123-old-title`) on the help center's own host.
 */
import path from "node:path";
import type { RemoteState } from "../types.js";

// `/articles/<id>` or `/articles/<id>-<slug>`, optionally with a trailing slash.
const ARTICLE_PATH = /\/articles\/(\d+)(?:-[^/]*)?\/?$/;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Maps an Intercom article URL (no fragment) to the key of the article it points at. */
export type ArticleKeyLookup = (url: string) => string | undefined;

/**
 * Builds the URL -> key lookup for the articles that have keys. Hosts are learnt from the help
 * center URL and from the articles' own URLs (a custom domain shows up there).
 */
export function createArticleKeyLookup(remote: RemoteState, keysById: ReadonlyMap<string, string>): ArticleKeyLookup {
  const byUrl = new Map<string, string>();
  const hosts = new Set<string>();
  const helpCenterHost = hostOf(remote.helpCenter.url);
  if (helpCenterHost !== undefined) hosts.add(helpCenterHost);
  for (const article of remote.articles) {
    const key = keysById.get(article.id);
    if (key === undefined) continue;
    for (const locale of Object.values(article.locales)) {
      if (locale.url === "") continue;
      byUrl.set(locale.url, key);
      const host = hostOf(locale.url);
      if (host !== undefined) hosts.add(host);
    }
  }
  return (url) => {
    const exact = byUrl.get(url);
    if (exact !== undefined) return exact;
    const host = hostOf(url);
    if (host === undefined || !hosts.has(host)) return undefined;
    const id = ARTICLE_PATH.exec(new URL(url).pathname)?.[1];
    return id === undefined ? undefined : keysById.get(id);
  };
}

/**
 * The relative path from the article `fromKey` to the article `toKey`, as written in markdown.
 * Translations mirror the content dir, so the same path works from every locale folder.
 */
export function relativeArticlePath(fromKey: string, toKey: string): string {
  const fromFolder = path.posix.dirname(fromKey);
  return path.posix.relative(fromFolder === "." ? "" : fromFolder, `${toKey}.md`);
}
