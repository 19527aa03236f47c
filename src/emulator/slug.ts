/**
 * Lower-case, dash-separated slug of a title or heading, as Intercom puts in URLs and heading ids.
 * Letters of any script survive (a Japanese title keeps its characters); accents are dropped.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
