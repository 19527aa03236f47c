// The render module's public surface: markdown -> Intercom HTML, and back for `pull`.
export { renderMarkdown } from "./render-markdown.js";
export { htmlToMarkdown } from "./html-to-markdown.js";
export { findHtmlProblems } from "./check-html.js";
export { CALLOUT_COLOURS, type CalloutKind } from "./callouts.js";
export { toVideoEmbedUrl, toVideoPageUrl } from "./video.js";
export { ARTICLE_LINK_SCHEME } from "./types.js";
export type { HtmlToMarkdownOptions, ProjectFiles, RenderContext, RenderResult } from "./types.js";
