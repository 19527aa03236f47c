/**
 * The HTML Intercom accepts in an article body, shared by the renderer (which must never send
 * anything else) and the emulator (which answers 400 to anything else, as Intercom does).
 * Source: Intercom's "Allowed HTML for Articles" guide. `div` is there only as the wrapper
 * Intercom itself uses for callouts and image containers.
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
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "target", "rel", "class"],
  img: ["src", "alt", "title", "width", "height"],
  iframe: ["src", "width", "height", "frameborder", "allowfullscreen"],
  div: ["class", "style"],
  p: ["class"],
  h1: ["class", "id"],
  h2: ["class", "id"],
  th: ["colspan", "rowspan"],
  td: ["colspan", "rowspan"],
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
/** Class of the `<div>` Intercom wraps stored images in. */
export const IMAGE_CONTAINER_CLASS = "intercom-container";
