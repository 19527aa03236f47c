/**
 * The one schedule rule that needs a clock: a `publish_at`/`unpublish_at` must be in the future
 * (Intercom answers 400 otherwise). A schedule that was pushed (the lock holds its digest) and whose
 * time has since passed is not an error: it has happened or is about to, the file causes no write,
 * and the key is only stale. Pure: the caller passes the time.
 */
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { hashField, settingsOf } from "../digest/field-hashes.js";
import type { DesiredState, LockFile } from "../types.js";

export function checkScheduleTimes(desired: DesiredState, lock: LockFile | null, nowSeconds: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of desired.articles) {
    const source = article.locales[desired.sourceLocale];
    const schedule = source?.schedule;
    if (source === undefined || schedule === undefined || schedule.seconds > nowSeconds) continue;
    const key = schedule.kind === "publish" ? "publish_at" : "unpublish_at";
    // The schedule's digest as hashArticleFields records it.
    const pushed = lock?.articles[article.key]?.locales[desired.sourceLocale]?.fields?.schedule === hashField(settingsOf(source).schedule);
    const code = pushed ? "settings/schedule-passed" : "settings/schedule-in-past";
    out.push(diagnostic(code, { key, at: schedule.at }, { file: source.file, line: schedule.line }));
  }
  return out;
}
