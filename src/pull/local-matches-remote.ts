/**
 * Whether a local file the lock does not know already says what Intercom says, compared the way
 * push compares before adopting an item: normalised text and the visible text of the body, never
 * the HTML (Intercom rewrites it). Such a file is kept as written and recorded in the lock.
 */
import { digestText } from "../digest/body-summary.js";
import { normaliseText, toVisibleText } from "../digest/visible-text.js";
import type { DesiredArticleLocale, DesiredCollectionLocale, RemoteArticleLocale, RemoteCollectionLocale } from "../types.js";

/** Same title, description, visible body text and state. */
export function articleMatchesRemote(local: DesiredArticleLocale, remote: RemoteArticleLocale): boolean {
  return (
    normaliseText(local.title) === normaliseText(remote.title) &&
    normaliseText(local.description) === normaliseText(remote.description) &&
    local.state === remote.state &&
    local.textDigest === digestText(toVisibleText(remote.body))
  );
}

/** Same name and description. */
export function collectionMatchesRemote(local: DesiredCollectionLocale, remote: RemoteCollectionLocale): boolean {
  return normaliseText(local.name) === normaliseText(remote.name) && normaliseText(local.description) === normaliseText(remote.description);
}
