import { CALLOUT_CLASS } from "../intercom/html-allowlist.js";

/** The GitHub alert types, plus `quote` for a plain blockquote. */
export type CalloutKind = "note" | "tip" | "important" | "warning" | "caution" | "quote";

interface CalloutColours {
  background: string;
  border: string;
}

/**
 * One fixed colour pair per callout kind. Intercom has no blockquote and no alert types, only a
 * coloured callout box; the colours are how `htmlToMarkdown` tells the kinds apart again, so they
 * must stay unique and must not change (a change rewrites every article on the next push).
 */
export const CALLOUT_COLOURS: Readonly<Record<CalloutKind, CalloutColours>> = {
  note: { background: "#e8f1fd", border: "#3a7bd5" },
  tip: { background: "#e6f6ec", border: "#2e9d5b" },
  important: { background: "#f1eafd", border: "#7c4dcc" },
  warning: { background: "#fdf3dc", border: "#d99a06" },
  caution: { background: "#fde8e8", border: "#d93636" },
  quote: { background: "#f3f4f6", border: "#c5c9d0" },
};

/** The `[!TYPE]` marker of each GitHub alert kind. */
export const ALERT_MARKERS: Readonly<Record<Exclude<CalloutKind, "quote">, string>> = {
  note: "NOTE",
  tip: "TIP",
  important: "IMPORTANT",
  warning: "WARNING",
  caution: "CAUTION",
};

const ALERT_LINE = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$/i;

/** The alert kind named by a blockquote's first line (`[!TIP]`), if it is one. */
export function parseAlertMarker(firstLine: string): Exclude<CalloutKind, "quote"> | undefined {
  const match = ALERT_LINE.exec(firstLine.trim());
  if (match === null) return undefined;
  return match[1]!.toLowerCase() as Exclude<CalloutKind, "quote">;
}

/** The `style` attribute of a callout of this kind, byte for byte. */
export function formatCalloutStyle(kind: CalloutKind): string {
  const colours = CALLOUT_COLOURS[kind];
  return `background-color: ${colours.background}; border-color: ${colours.border};`;
}

/** The opening tag of a callout `<div>` of this kind. */
export function formatCalloutOpenTag(kind: CalloutKind): string {
  return `<div class="${CALLOUT_CLASS}" style="${formatCalloutStyle(kind)}">`;
}

const BACKGROUND_DECLARATION = /background-color\s*:\s*([^;]+)/i;

/**
 * The callout kind whose background colour a stored `style` attribute carries. Unknown colours
 * (a callout styled in Intercom's editor) read as a plain quote.
 */
export function findCalloutKind(style: string): CalloutKind {
  const match = BACKGROUND_DECLARATION.exec(style);
  const background = match?.[1]?.trim().toLowerCase();
  for (const [kind, colours] of Object.entries(CALLOUT_COLOURS) as [CalloutKind, CalloutColours][]) {
    if (colours.background === background) return kind;
  }
  return "quote";
}

const STYLE_DECLARATION = /^\s*(background-color|border-color)\s*:\s*(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)\s*$/i;

/**
 * Keeps only the colour declarations of a raw callout `style` attribute: Intercom's callout takes
 * a background and a border colour, and anything else in a style attribute is a risk.
 */
export function sanitizeCalloutStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(";")) {
    const match = STYLE_DECLARATION.exec(declaration);
    if (match !== null) kept.push(`${match[1]!.toLowerCase()}: ${match[2]!.toLowerCase()};`);
  }
  return kept.join(" ");
}
