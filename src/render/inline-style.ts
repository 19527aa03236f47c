/**
 * The inline styles a raw table, cell or image may keep. Intercom's editor writes colours, widths,
 * borders and padding on tables and cells, and `height: auto` on sized images; those survive a
 * pull and a push. Anything else in a style attribute (positions, `url(...)`, expressions) is a
 * risk and is dropped.
 */
const KEPT_PROPERTIES: ReadonlySet<string> = new Set([
  "background-color", "color", "width", "min-width", "max-width", "height", "text-align", "vertical-align",
  "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style", "border-width",
  "border-radius", "border-collapse", "border-spacing",
  "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
]);
const DECLARATION = /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/i;
// Colours, lengths, keywords: letters, digits, `#`, `.`, `%`, `-`, spaces, commas and rgb()/rgba().
const SAFE_VALUE = /^(?:[#\w.%\s,-]|rgba?\([\d\s.,%]+\))+$/i;

/** Keeps the known, safe declarations of a style attribute, written as `name: value;` pairs. */
export function sanitizeInlineStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(";")) {
    const match = DECLARATION.exec(declaration);
    if (match === null) continue;
    const name = match[1]!.toLowerCase();
    const value = match[2]!;
    if (KEPT_PROPERTIES.has(name) && SAFE_VALUE.test(value)) kept.push(`${name}: ${value};`);
  }
  return kept.join(" ");
}

/** Property names of `style` that the sanitized `kept` style lost (for a warning). */
export function listDroppedProperties(style: string, kept: string): string[] {
  const keptNames = new Set(kept.split(";").map((declaration) => declaration.split(":", 1)[0]!.trim()).filter(Boolean));
  const dropped: string[] = [];
  for (const declaration of style.split(";")) {
    const name = declaration.split(":", 1)[0]!.trim().toLowerCase();
    if (name !== "" && !keptNames.has(name)) dropped.push(name);
  }
  return dropped;
}
