import { VIDEO_EMBED_HOSTS } from "../intercom/html-allowlist.js";

// Page URL patterns a writer pastes, each with the embed URL Intercom's <iframe> needs.
const YOUTUBE_WATCH = /^https?:\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:[^#\s]*&)?v=([\w-]{6,})/i;
const YOUTUBE_SHORT = /^https?:\/\/youtu\.be\/([\w-]{6,})/i;
const VIMEO_PAGE = /^https?:\/\/(?:www\.)?vimeo\.com\/(\d+)(?:[/?#]|$)/i;
const LOOM_SHARE = /^https?:\/\/(?:www\.)?loom\.com\/share\/([\da-z]+)(?:[/?#]|$)/i;
const WISTIA_MEDIA = /^https?:\/\/(?:[\w-]+\.)?(?:wistia\.com|wi\.st)\/medias\/([\da-z]+)(?:[/?#]|$)/i;

// The inverse: embed URLs as stored, back to the page URL a writer would paste.
const YOUTUBE_EMBED = /^https:\/\/www\.youtube\.com\/embed\/([\w-]+)$/;
const VIMEO_EMBED = /^https:\/\/player\.vimeo\.com\/video\/(\d+)$/;
const LOOM_EMBED = /^https:\/\/www\.loom\.com\/embed\/([\da-z]+)$/;
const WISTIA_EMBED = /^https:\/\/fast\.wistia\.net\/embed\/iframe\/([\da-z]+)$/;

/** The provider's embed URL for a YouTube, Vimeo, Loom or Wistia page URL; undefined for others. */
export function toVideoEmbedUrl(url: string): string | undefined {
  let match = YOUTUBE_WATCH.exec(url) ?? YOUTUBE_SHORT.exec(url);
  if (match !== null) return `https://www.youtube.com/embed/${match[1]}`;
  match = VIMEO_PAGE.exec(url);
  if (match !== null) return `https://player.vimeo.com/video/${match[1]}`;
  match = LOOM_SHARE.exec(url);
  if (match !== null) return `https://www.loom.com/embed/${match[1]}`;
  match = WISTIA_MEDIA.exec(url);
  if (match !== null) return `https://fast.wistia.net/embed/iframe/${match[1]}`;
  return undefined;
}

/** The page URL that `toVideoEmbedUrl` turns into this embed URL; undefined for other iframes. */
export function toVideoPageUrl(embedUrl: string): string | undefined {
  let match = YOUTUBE_EMBED.exec(embedUrl);
  if (match !== null) return `https://www.youtube.com/watch?v=${match[1]}`;
  match = VIMEO_EMBED.exec(embedUrl);
  if (match !== null) return `https://vimeo.com/${match[1]}`;
  match = LOOM_EMBED.exec(embedUrl);
  if (match !== null) return `https://www.loom.com/share/${match[1]}`;
  match = WISTIA_EMBED.exec(embedUrl);
  if (match !== null) return `https://fast.wistia.com/medias/${match[1]}`;
  return undefined;
}

/** Whether an iframe `src` points at a video host Intercom accepts (https only). */
export function isVideoEmbedSrc(src: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(src);
  } catch {
    return false;
  }
  return parsed.protocol === "https:" && VIDEO_EMBED_HOSTS.includes(parsed.hostname.toLowerCase());
}

/** The `<iframe>` the renderer writes for an embed URL. */
export function formatVideoIframe(embedUrl: string): string {
  return `<iframe src="${embedUrl}" frameborder="0" allowfullscreen></iframe>`;
}
