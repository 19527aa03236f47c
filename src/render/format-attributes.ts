import { escapeHtml } from "./escape.js";

const IMAGE_ATTRIBUTE_ORDER = ["src", "alt", "title", "width", "height", "style"];

/** Writes attributes as HTML; a bare `allowfullscreen` stays bare, as markdown-it writes it. */
export function formatAttributes(attributes: readonly [string, string][]): string {
  let out = "";
  for (const [key, value] of attributes) out += value === "" && key === "allowfullscreen" ? ` ${key}` : ` ${key}="${escapeHtml(value)}"`;
  return out;
}

/** Writes img attributes in markdown-it's order, with an alt, so raw and markdown images agree. */
export function formatImageAttributes(attributes: [string, string][]): string | undefined {
  if (!attributes.some(([key]) => key === "src")) return undefined;
  if (!attributes.some(([key]) => key === "alt")) attributes.push(["alt", ""]);
  attributes.sort(([a], [b]) => IMAGE_ATTRIBUTE_ORDER.indexOf(a) - IMAGE_ATTRIBUTE_ORDER.indexOf(b));
  return formatAttributes(attributes);
}
