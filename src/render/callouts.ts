import { CALLOUT_CLASS } from "../intercom/html-allowlist.js";

/** The GitHub alert types, plus `quote` for a plain blockquote. */
export type CalloutKind = "note" | "tip" | "important" | "warning" | "caution" | "quote";

interface CalloutColours {
  background: string;
  border: string;
}

/**
 * One fixed colour pair per callout kind: the five colours of Intercom's callout editor (grey,
 * blue, green, yellow, red), so a callout written in markdown looks like one made in Intercom and
 * a callout made in Intercom reads back as an alert. The pairs are the ones Intercom's editor
 * stores, as listed alike by independent public exporters of Intercom articles (GitHub code
 * search for `#fed9db80`, e.g. converters mapping `#e3e7fa80` to "blue"). GitHub's IMPORTANT
 * (purple) has no editor colour and keeps a purple pair of its own. The colours are how
 * `htmlToMarkdown` tells the kinds apart again, so they must stay unique.
 */
export const CALLOUT_COLOURS: Readonly<Record<CalloutKind, CalloutColours>> = {
  note: { background: "#e3e7fa80", border: "#334bfa33" },
  tip: { background: "#d7efdc80", border: "#1bb15733" },
  important: { background: "#f1eafd", border: "#7c4dcc" },
  warning: { background: "#feedaf80", border: "#fbc91633" },
  caution: { background: "#fed9db80", border: "#fd3a5733" },
  quote: { background: "#e8e8e880", border: "#73737633" },
};

/**
 * Backgrounds earlier versions wrote (before the editor's colours were used): still read back as
 * their kind, so pulling an article pushed by an older version gives the same markdown.
 */
const LEGACY_BACKGROUNDS: Readonly<Record<string, CalloutKind>> = {
  "#e8f1fd": "note",
  "#e6f6ec": "tip",
  "#fdf3dc": "warning",
  "#fde8e8": "caution",
  "#f3f4f6": "quote",
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
 * The callout kind whose background colour a stored `style` attribute carries; undefined for any
 * other colour (set through the API), which `htmlToMarkdown` then keeps as written.
 */
export function findCalloutKind(style: string): CalloutKind | undefined {
  const match = BACKGROUND_DECLARATION.exec(style);
  const background = match?.[1]?.trim().toLowerCase();
  if (background === undefined) return undefined;
  for (const [kind, colours] of Object.entries(CALLOUT_COLOURS) as [CalloutKind, CalloutColours][]) {
    if (colours.background === background) return kind;
  }
  return LEGACY_BACKGROUNDS[background];
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
