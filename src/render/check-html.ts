import { Parser } from "htmlparser2";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from "../intercom/html-allowlist.js";
import { isVideoEmbedSrc } from "./video.js";

const ABSOLUTE_HTTP = /^https?:\/\//i;
const SAFE_HREF = /^(?:https?:|mailto:|tel:|intercom-sync:|#)/i;
const LIST_TAGS: ReadonlySet<string> = new Set(["ul", "ol"]);

/**
 * Lists what in an article body Intercom would answer with a 400: tags or attributes outside
 * the allowlist, nested tables, empty lists, relative or non-http image sources, iframes that
 * are not video embeds, and unsafe link URLs. An empty list means the HTML is safe to send.
 * Shared by the renderer's tests and anything else that wants to vet HTML before a write.
 */
export function findHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: { name: string; items: number }[] = [];
  let tables = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}> is not allowed`);
        const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
        for (const [key, value] of Object.entries(attributes)) {
          if (!allowed.includes(key)) problems.push(`attribute ${key} is not allowed on <${name}>`);
          if (key === "href" && !SAFE_HREF.test(value)) problems.push(`link URL "${value}" is not absolute http(s)`);
        }
        if (name === "img" && !ABSOLUTE_HTTP.test(attributes.src ?? "")) problems.push(`image source "${attributes.src ?? ""}" is not an absolute URL`);
        if (name === "iframe" && !isVideoEmbedSrc(attributes.src ?? "")) problems.push(`iframe source "${attributes.src ?? ""}" is not a video host`);
        if (name === "table" && tables++ > 0) problems.push("nested <table>");
        if (name === "li") {
          const list = [...stack].reverse().find((entry) => LIST_TAGS.has(entry.name));
          if (list !== undefined) list.items++;
        }
        stack.push({ name, items: 0 });
      },
      onclosetag(name) {
        const entry = stack.pop();
        if (name === "table") tables--;
        if (entry !== undefined && LIST_TAGS.has(entry.name) && entry.items === 0) problems.push(`empty <${entry.name}>`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
