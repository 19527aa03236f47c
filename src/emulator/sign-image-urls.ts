/**
 * Intercom answers every read of an article with its CDN image URLs signed for that read
 * (`?expires=…&signature=…&req=…`; public exports of Intercom help centers carry such URLs, e.g.
 * https://github.com/catenda/help-center), while what it stores is the image itself: a body sent
 * with the bare CDN URL comes back signed. The emulator stores unsigned URLs and signs them here,
 * per response, so a client that compared signed URLs would see a change on every read, as it
 * would against Intercom.
 */
import { createHash } from "node:crypto";
import { isIntercomCdnUrl } from "../intercom/signed-urls.js";
import type { EmulatorStore } from "./store.js";

/** How long a signature the emulator issues stays valid; clients must not depend on it. */
const SIGNATURE_LIFETIME_SECONDS = 6 * 60 * 60;
const IMAGE_SOURCE = /(<img\b[^>]*?\bsrc=")([^"]+)(")/g;
const reads = new WeakMap<object, number>();

/** The stored body with every Intercom CDN image signed for one read. */
export function signImageUrls(store: Pick<EmulatorStore, "nowSeconds">, body: string): string {
  if (!body.includes("<img")) return body;
  const read = (reads.get(store) ?? 0) + 1;
  reads.set(store, read);
  const expires = store.nowSeconds() + SIGNATURE_LIFETIME_SECONDS;
  return body.replace(IMAGE_SOURCE, (match, start: string, src: string, end: string) => {
    if (!isIntercomCdnUrl(src) || src.includes("signature=")) return match;
    const signature = createHash("sha256").update(`${src}|${expires}|${read}`).digest("hex");
    const req = encodeURIComponent(Buffer.from(`${read}:${expires}`).toString("base64"));
    const separator = src.includes("?") ? "&amp;" : "?";
    return `${start}${src}${separator}expires=${expires}&amp;signature=${signature}&amp;req=${req}${end}`;
  });
}
