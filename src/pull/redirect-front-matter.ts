/**
 * `redirect_from` in the files pull writes: Intercom's redirects that target an item, in the
 * item's file for the redirect's locale. An entry the file already has in another form (a key, a
 * URL for a path) is kept as written when it resolves to the same URL. Pure.
 */
import { stringify } from "yaml";
import { normaliseRedirectSource, redirectForm } from "../model/collect-redirects.js";

/** `/old/page` for a URL under the help center's URL, else the URL itself. */
export function displayRedirectSource(url: string, helpCenterUrl: string): string {
  const base = helpCenterUrl.replace(/\/+$/, "");
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url;
}

/** The absolute URL an entry stands for, or undefined (a key whose URL is not known). */
export function resolveEntry(entry: string, helpCenterUrl: string, keyUrl: (key: string) => string | undefined): string | undefined {
  const form = redirectForm(entry);
  if (form === "path") return `${helpCenterUrl.replace(/\/+$/, "")}${entry}`;
  return form === "url" ? entry : keyUrl(entry);
}

/** The entries a file should list: its own where they match Intercom's, Intercom's others after them. */
export function mergeRedirectEntries(current: readonly string[], remoteUrls: readonly string[], resolve: (entry: string) => string | undefined, display: (url: string) => string): string[] {
  const wanted = new Set(remoteUrls.map(normaliseRedirectSource));
  const kept = current.filter((entry) => {
    const url = resolve(entry);
    return url !== undefined && wanted.has(normaliseRedirectSource(url));
  });
  const covered = new Set(kept.map((entry) => normaliseRedirectSource(resolve(entry) ?? "")));
  const added = remoteUrls.filter((url) => !covered.has(normaliseRedirectSource(url))).map(display);
  return [...kept, ...[...new Set(added)].sort()];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

/** The text with its front matter's `redirect_from` set to `entries` (removed when empty). */
export function setRedirectFrom(text: string, entries: readonly string[]): string {
  const match = FRONT_MATTER.exec(text);
  const inner = match?.[1] ?? "";
  const rest = match === null ? text : text.slice(match[0].length);
  const lines = inner.split("\n").filter((line, index, all) => index < all.length - 1 || line !== "");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (!/^redirect_from\s*:/.test(line)) {
      kept.push(line);
      continue;
    }
    // A block list continues on indented or `- ` lines.
    while (i + 1 < lines.length && /^(\s+|-\s)/.test(lines[i + 1] ?? "")) i += 1;
  }
  const block = entries.length === 0 ? "" : stringify({ redirect_from: [...entries] }, { lineWidth: 0 });
  const body = [...kept.map((line) => `${line}\n`), block].join("");
  return `---\n${body}---\n${rest}`;
}
