import { defineEntry } from "./define-entry.js";

/** A construct that repeats: reported once per code and subject per file, with a count. */
type Tallied = { subject: string; tag?: string };

type LinkKind = "link" | "image";

/** Renderer codes: what turning a markdown body into Intercom HTML finds. */
export const RENDER_ERRORS = {
  "render/broken-link": defineEntry({
    severity: "error",
    summary: "A relative link points at a file that does not exist, or at a _collection.md.",
    message: (d: { target: "missing"; value: string; tried: readonly string[] } | { target: "collection"; value: string }) =>
      d.target === "missing"
        ? `Link target "${d.value}" not found (looked for ${d.tried.join(", ")})`
        : `Link "${d.value}" points at a collection file, which has no article URL`,
    hint: (d) => (d.target === "missing" ? "Fix the path, or remove the link." : "Link to an article in the collection instead."),
  }),
  "render/missing-image": defineEntry({
    severity: "error",
    summary: "A relative image path points at a file that does not exist.",
    message: (d: { value: string; tried: readonly string[] }) => `Image "${d.value}" not found (looked for ${d.tried.join(", ")})`,
    hint: "Fix the path, or add the file.",
  }),
  "render/asset-base-url-missing": defineEntry({
    severity: "error",
    summary: "A link or image is a relative file path, but assetBaseUrl is not configured.",
    message: (d: { kind: LinkKind; value: string }) => `The ${d.kind} "${d.value}" is a relative file path, but assetBaseUrl is not configured`,
    hint: "Set assetBaseUrl in intercom-sync.config.ts to the public URL your content folder is served from.",
  }),
  "render/path-outside-project": defineEntry({
    severity: "error",
    summary: "A link or image path leads outside the project.",
    message: (d: { kind: LinkKind; value: string }) => `The ${d.kind} "${d.value}" points outside the project`,
    hint: "Link to files inside the content or locales folder.",
  }),
  "render/outside-content": defineEntry({
    severity: "error",
    summary: "A link or image points at a project file outside the content and locales folders.",
    message: (d: { kind: LinkKind; value: string; file: string; contentDir: string }) =>
      `The ${d.kind} "${d.value}" points at ${d.file}, outside the content and locales folders`,
    hint: (d) => `Move the file under ${d.contentDir}/.`,
  }),
  "render/nesting-too-deep": defineEntry({
    severity: "error",
    summary: "Quotes or lists nest deeper than the parser allows; the text inside would be lost.",
    message: (d: { limit: number }) => `Blocks nest more than ${d.limit} levels deep here; the text inside would be lost`,
    hint: "Flatten the nested quotes or lists.",
  }),
  "render/heading-merged": defineEntry({
    severity: "warning",
    summary: "Two heading levels both become `<h2>` in Intercom (reported once per file).",
    message: (d: { deeper: string; kept: string }) => `${d.deeper} and ${d.kept} both become <h2> in Intercom`,
    hint: "Intercom has two heading levels; use at most two levels in the body, or accept the merge.",
  }),
  "render/unsupported-html": defineEntry({
    severity: "warning",
    summary: "An HTML tag Intercom does not support; the tag is removed and its text kept.",
    message: (d: Tallied) => `<${d.subject}> is not supported by Intercom; the tag was removed and its text kept`,
    hint: "Use markdown, or a tag Intercom supports (p, a, img, lists, tables, strong, em, s, code, pre).",
  }),
  "render/unsupported-style": defineEntry({
    severity: "warning",
    summary: "A style declaration Intercom does not show (anything but colours, sizes, borders, padding and alignment); it is not kept.",
    message: (d: Tallied) => `The style "${d.subject}" of <${d.tag ?? "?"}> is not kept: Intercom shows only colours, sizes, borders, padding and alignment`,
    hint: (d: Tallied) => (d.tag === "div" ? "A callout keeps its background-color and border-color only." : "Remove the declaration, or use a class Intercom supports (intercom-align-center)."),
  }),
  "render/unsafe-html": defineEntry({
    severity: "warning",
    summary: "A script, style, embedded object, on* attribute or non-video iframe was removed.",
    message: (d: { removed: "iframe"; src: string } | { removed: "element"; name: string } | { removed: "attribute"; name: string; attribute: string }) => {
      switch (d.removed) {
        case "iframe": return `Removed an <iframe> whose source is not a video host (${d.src || "no src"})`;
        case "element": return `Removed a <${d.name}> element and its content`;
        case "attribute": return `Removed the ${d.attribute} attribute of <${d.name}>`;
      }
    },
    hint: (d) => {
      switch (d.removed) {
        case "iframe": return "Only YouTube, Vimeo, Loom, Wistia and similar video embeds are accepted by Intercom.";
        case "element": return "Intercom does not accept scripts, styles or embedded objects in articles.";
        case "attribute": return "Intercom articles cannot run scripts.";
      }
    },
  }),
  "render/unsafe-url": defineEntry({
    severity: "warning",
    summary: "A link with a scheme other than http, https, mailto or tel was removed.",
    message: (d: { scheme: string }) => `Link to a "${d.scheme}:" URL was removed`,
    hint: "Only http, https, mailto and tel links are kept.",
  }),
  "render/unsupported-image-url": defineEntry({
    severity: "warning",
    summary: "An image source that is not an http(s) URL was removed.",
    message: (d: { value: string }) => `Image source "${d.value}" is not an http(s) URL; the image was removed`,
    hint: "Intercom only shows public absolute image URLs: use a relative path with assetBaseUrl, or an https URL.",
  }),
  "render/nested-table": defineEntry({
    severity: "warning",
    summary: "A table inside a table was flattened to text.",
    message: () => "A table inside a table was flattened to text",
    hint: "Intercom rejects nested tables: move the inner table out.",
  }),
  "render/empty-link": defineEntry({
    severity: "warning",
    summary: "A link or image with an empty target was removed.",
    message: (d: { kind: LinkKind }) => `A ${d.kind} has an empty target and was removed`,
    hint: "Add the URL or path, or remove the link.",
  }),
  "render/mkdocs-admonition": defineEntry({
    severity: "warning",
    summary: "A MkDocs admonition (/// tip) was turned into a callout.",
    message: (d: Tallied) => `MkDocs admonition "/// ${d.subject}" was turned into a callout`,
    hint: "Use a GitHub alert instead, e.g. \"> [!TIP]\" followed by \"> text\" lines.",
  }),
  "render/mkdocs-tab": defineEntry({
    severity: "warning",
    summary: "MkDocs content tabs (//// tab) became bold titles, one after the other.",
    message: (_d: Tallied) => "MkDocs content tabs (\"//// tab | ...\") have no Intercom equivalent; each tab became a bold title and its content",
    hint: "Write the variants one after the other under their own headings.",
  }),
  "render/mkdocs-include": defineEntry({
    severity: "warning",
    summary: "A MkDocs include ({* file *}) cannot be expanded and shows as text.",
    message: (_d: Tallied) => "MkDocs include \"{* file *}\" cannot be expanded and shows as text",
    hint: "Paste the code into a fenced code block (```).",
  }),
  "render/heading-attribute": defineEntry({
    severity: "warning",
    summary: "MkDocs heading attributes ({ #id }) were removed from the heading text.",
    message: (_d: Tallied) => "MkDocs heading attributes like { #id } were removed from the heading text",
    hint: "Delete them: Intercom gives headings its own ids, so links to #id anchors may not land.",
  }),
  "render/template-syntax": defineEntry({
    severity: "warning",
    summary: "Jinja template syntax ({{ }} or {% %}) in the text; it is not expanded.",
    message: (_d: Tallied) => "Jinja template syntax ({{ }} or {% %}) is not expanded and shows as text",
    hint: "Write the final text; Intercom does not run templates.",
  }),
  "render/template-url": defineEntry({
    severity: "warning",
    summary: "A link or image whose target is a template expression was unwrapped or removed.",
    message: (d: Tallied) =>
      d.subject === "image" ? "Image with a template expression as its source was removed" : "Link with a template expression as its target was unwrapped",
    hint: "Templates are not expanded: write the final URL or path.",
  }),
};

/** The renderer codes it tallies (see `RenderDiagnostics.tally`). */
export type TalliedRenderCode =
  | "render/unsupported-html"
  | "render/unsupported-style"
  | "render/mkdocs-admonition"
  | "render/mkdocs-tab"
  | "render/mkdocs-include"
  | "render/heading-attribute"
  | "render/template-syntax"
  | "render/template-url";
