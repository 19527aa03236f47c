/**
 * Brings Intercom's redirects into the files a pull plans: each file of an item lists in
 * `redirect_from` the redirects that target that item in its locale. A redirect created or deleted
 * in Intercom does not change the item's `updated_at`, so a file pull would keep as it is gets its
 * `redirect_from` line rewritten when only that differs. Skipped files are left alone. Pure.
 */
import type { DesiredState, LockFile } from "../types.js";
import { displayRedirectSource, mergeRedirectEntries, resolveEntry, setRedirectFrom } from "./redirect-front-matter.js";
import type { PullFile } from "./types.js";

export interface PulledRedirect {
  fromUrl: string;
  locale: string;
  targetType: "article" | "collection";
  targetId: string;
}

function currentEntries(local: DesiredState, file: PullFile): string[] {
  if (file.type === "article") return local.articles.find((a) => a.key === file.key)?.locales[file.locale]?.redirectFrom?.items ?? [];
  return local.collections.find((c) => c.key === file.key)?.locales[file.locale]?.redirectFrom?.items ?? [];
}

/** The planned files with `redirect_from` set from Intercom's redirects. */
export function applyRedirectsToFiles(
  files: readonly PullFile[],
  input: { redirects: readonly PulledRedirect[]; local: DesiredState; lock: LockFile; helpCenterUrl: string; existing: ReadonlyMap<string, string> },
): PullFile[] {
  const byTarget = new Map<string, string[]>();
  for (const redirect of input.redirects) {
    const id = `${redirect.targetType}:${redirect.targetId}:${redirect.locale}`;
    byTarget.set(id, [...(byTarget.get(id) ?? []), redirect.fromUrl]);
  }
  return files.map((file) => {
    if (file.outcome === "skipped") return file;
    const remoteUrls = byTarget.get(`${file.type}:${file.id}:${file.locale}`) ?? [];
    const current = currentEntries(input.local, file);
    const keyUrl = (key: string): string | undefined => input.lock.urls?.[key]?.[file.locale];
    const entries = mergeRedirectEntries(current, remoteUrls, (entry) => resolveEntry(entry, input.helpCenterUrl, keyUrl), (url) => displayRedirectSource(url, input.helpCenterUrl));
    if (file.outcome === "unchanged") {
      const text = input.existing.get(file.file);
      if (text === undefined || entries.join("\n") === current.join("\n")) return file;
      return { ...file, text: setRedirectFrom(text, entries), outcome: "updated", reason: "redirects changed in Intercom" };
    }
    return entries.length === 0 ? file : { ...file, text: setRedirectFrom(file.text, entries) };
  });
}
