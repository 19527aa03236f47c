/**
 * A secret is hidden where it appears as a token of its own, never where its letters happen to
 * occur inside ordinary text: with a token `any`, "company" stays "company".
 *
 * The rule: an occurrence counts when no letter or digit touches it on either side (a real access
 * token is a run of letters, digits and `_-+/=.`, printed after "Bearer ", inside quotes, at the
 * end of a URL or a line, never glued to a word). A secret of 20 characters or more is hidden
 * wherever it occurs, even glued to other text: Intercom's access tokens are about 60 characters of
 * base64, which ordinary text never contains by chance, and a leak through concatenation
 * (`token=abc…xyz123`) must still be hidden.
 */
const ANYWHERE_FROM_LENGTH = 20;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A function replacing every occurrence of the `secrets` in a text by `mask`. */
export function createRedactor(secrets: readonly string[], mask: string): (text: string) => string {
  const patterns = secrets
    .filter((secret) => secret.length > 0)
    // Longest first, so a secret containing another is hidden whole.
    .sort((a, b) => b.length - a.length)
    .map((secret) => (secret.length >= ANYWHERE_FROM_LENGTH ? escapeRegExp(secret) : `(?<![\\p{L}\\p{N}])${escapeRegExp(secret)}(?![\\p{L}\\p{N}])`));
  if (patterns.length === 0) return (text) => text;
  const pattern = new RegExp(patterns.join("|"), "gu");
  return (text) => text.replace(pattern, () => mask);
}
