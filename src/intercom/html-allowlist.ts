/**
 * The HTML Intercom accepts in an article body, shared by the renderer (which must never send
 * anything else) and the emulator (which answers 400 to anything else, as Intercom does).
 * Source: Intercom's "Allowed HTML for Articles" guide. `div` is there only as the wrappers
 * Intercom's editor itself writes (callouts, image and button containers, tables, videos).
 */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  "p", "br", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6", // h3-h6 are accepted and flattened to h2 when stored
  "a", "img",
  "ul", "ol", "li",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td",
  "iframe",
  "pre", "code",
  "b", "strong", "i", "em", "s",
  "div",
]);

/** Attributes the renderer keeps per tag; it drops every other attribute. */
// `style` on tables, cells and images: Intercom's editor stores cell colours, widths and borders
// (and `height: auto` on sized images) as inline styles, and keeps them when they come back
// through the API; an export of a real help center shows them on every cell
// (https://github.com/catenda/help-center). Only the declarations `sanitizeInlineStyle` keeps pass.
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "target", "rel", "class"],
  img: ["src", "alt", "title", "width", "height", "style"],
  iframe: ["src", "width", "height", "frameborder", "allowfullscreen"],
  div: ["class", "style"],
  p: ["class"],
  h1: ["class", "id"],
  h2: ["class", "id"],
  table: ["role", "style"],
  th: ["colspan", "rowspan", "style"],
  td: ["colspan", "rowspan", "style"],
  code: ["class"],
  ol: ["start"],
};

/** Hosts whose embed URLs Intercom accepts in an `<iframe>`. */
export const VIDEO_EMBED_HOSTS: readonly string[] = [
  "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com",
  "www.loom.com", "fast.wistia.net", "fast.wistia.com", "play.vidyard.com", "streamable.com",
];

/** Class of the `<div>` Intercom uses for a callout block. */
export const CALLOUT_CLASS = "intercom-interblocks-callout";
/** Class of the `<div>` Intercom wraps stored images (and buttons) in. */
export const IMAGE_CONTAINER_CLASS = "intercom-container";
/** Class of the `<div>` Intercom's editor wraps tables in. */
export const TABLE_CONTAINER_CLASS = "intercom-interblocks-table-container";
/** Class of the `<div>` Intercom wraps video iframes in (developer docs, "The Article model"). */
export const VIDEO_CONTAINER_CLASS = "intercom-h2b-video";
/** Class that shows a link as a button (Intercom's "Formatting your articles with the Articles API"). */
export const BUTTON_CLASS = "intercom-h2b-button";
/** The `<div>` classes Intercom's editor writes; a `<div>` with none of them means nothing there. */
export const BLOCK_CONTAINER_CLASSES: readonly string[] = [CALLOUT_CLASS, IMAGE_CONTAINER_CLASS, TABLE_CONTAINER_CLASS, VIDEO_CONTAINER_CLASS];
/** Alignment classes of Intercom's "Supported CSS"; left is the default and means no alignment. */
export const ALIGN_CLASSES: readonly string[] = ["intercom-align-left", "intercom-align-center", "intercom-align-right", "intercom-align-justify"];
