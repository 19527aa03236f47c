import { unsignUrl } from "../intercom/signed-urls.js";
import type { RenderDiagnostics } from "./diagnostics.js";
import type { RawHtmlSanitizer } from "./raw-html.js";
import { resolveReference, type ReferenceKind } from "./resolve-reference.js";
import type { RenderContext } from "./types.js";

/** Everything one render call accumulates while it walks the tokens. */
export interface RenderState {
  context: RenderContext;
  diagnostics: RenderDiagnostics;
  sanitizer: RawHtmlSanitizer;
  /** Linked article keys in first-seen order. */
  links: string[];
  /** The same keys, for constant-time "seen already?" checks on link-heavy pages. */
  linkSet: Set<string>;
  /** Callout titles from MkDocs admonitions, by 0-based body line. */
  titles: ReadonlyMap<number, string>;
  /** Nesting depth of markdown tables at the current token. */
  tableDepth: number;
  /** Last line a template expression was counted on, so one line counts once. */
  lastTemplateLine: number;
}

/**
 * Resolves a link or image URL for the output, recording article links and reporting problems.
 * Returns undefined when the reference must go (the link is unwrapped, the image dropped).
 */
export function rewriteUrl(state: RenderState, kind: ReferenceKind, raw: string, bodyLine: number): string | undefined {
  const reference = resolveReference(raw, kind, state.context);
  switch (reference.kind) {
    case "keep":
      // Push sends Intercom's own CDN images unsigned, whatever the markdown holds. The signature
      // is per read and expires (a signed URL sent today is a dead URL in the stored body
      // tomorrow), while the bare CDN path names the image for good:
      // Intercom uploads every <img> source it is sent and serves it from an Intercom link it
      // signs itself ("Allowed HTML for Articles",
      // https://developers.intercom.com/docs/guides/help-center/supported-html; "Formatting
      // your articles with the Articles API",
      // https://www.intercom.com/help/en/articles/4103903-formatting-your-articles-with-the-articles-api).
      // Unsigned, the rendered body (and so its digest) is also the same whatever signature a
      // pasted URL carried, so a new signature is never a change.
      return unsignUrl(reference.url);
    case "asset":
      return reference.url;
    case "article":
      if (!state.linkSet.has(reference.key)) {
        state.linkSet.add(reference.key);
        state.links.push(reference.key);
      }
      return reference.url;
    case "remove":
      state.diagnostics.add(reference.finding.code, bodyLine, reference.finding.details);
      return undefined;
    case "template":
      state.diagnostics.tally("render/template-url", kind, bodyLine);
      return undefined;
  }
}

const TEMPLATE_TEXT = /\{\{|\{%/;

/** Counts a Jinja expression or tag left in the text (once per line). */
export function noteTemplateText(state: RenderState, text: string, bodyLine: number): void {
  if (bodyLine === state.lastTemplateLine || !TEMPLATE_TEXT.test(text)) return;
  state.lastTemplateLine = bodyLine;
  state.diagnostics.tally("render/template-syntax", "jinja", bodyLine);
}
