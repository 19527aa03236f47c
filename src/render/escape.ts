const HTML_SPECIAL_TEST = /[&<>"]/;
const HTML_SPECIAL = /[&<>"]/g;
const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text or an attribute value the way markdown-it does, so both sources agree byte for byte. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL_TEST.test(text) ? text.replace(HTML_SPECIAL, (char) => HTML_ESCAPES[char]!) : text;
}
