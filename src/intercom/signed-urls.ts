/**
 * Intercom serves the images (and attachments) of an article from its CDN with an expiring
 * signature in the query, `?expires=…&signature=…&req=…`, which it issues anew when the body is
 * read (public exports of Intercom help centers carry such URLs, e.g.
 * https://github.com/catenda/help-center). The signature says nothing about the image, so `pull`
 * writes these URLs without it and every comparison uses the unsigned form.
 */
const SIGNED_HOST = /^(?:downloads\.intercomcdn\.com|(?:[\w-]+\.)?intercom-attachments(?:-\d+)?\.com)$/i;
const SIGNATURE_PARAMETERS: ReadonlySet<string> = new Set(["expires", "signature", "req"]);
const HOST = /^https?:\/\/([^/?#]+)/i;

/** Whether a URL points at Intercom's own CDN for article files. */
export function isIntercomCdnUrl(url: string): boolean {
  const host = HOST.exec(url)?.[1];
  return host !== undefined && SIGNED_HOST.test(host);
}

/**
 * The URL without its per-read signature (`expires`, `signature`, `req`), other bytes untouched;
 * URLs off Intercom's CDN come back as they are.
 */
export function unsignUrl(url: string): string {
  if (!isIntercomCdnUrl(url)) return url;
  const queryAt = url.indexOf("?");
  if (queryAt === -1) return url;
  const hashAt = url.indexOf("#", queryAt);
  const query = url.slice(queryAt + 1, hashAt === -1 ? undefined : hashAt);
  const fragment = hashAt === -1 ? "" : url.slice(hashAt);
  const kept = query.split("&").filter((pair) => pair !== "" && !SIGNATURE_PARAMETERS.has(pair.split("=", 1)[0]!.toLowerCase()));
  return `${url.slice(0, queryAt)}${kept.length === 0 ? "" : `?${kept.join("&")}`}${fragment}`;
}
