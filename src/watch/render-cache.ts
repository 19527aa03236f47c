import type { Diagnostic } from "../errors.js";
import { summarisingRenderer } from "../model/prepare-file.js";
import type { RenderedBody } from "../model/types.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { ProjectFiles, RenderContext } from "../render/types.js";

/** What a cached renderer returns: the real renderer's result, or the model's summary of it. */
export interface CacheableRender {
  links: string[];
  diagnostics: Diagnostic[];
}

/**
 * A memoising renderer for the watcher: rendering is the costly part of building the desired
 * state, and between two saves almost every body is unchanged. An entry is kept per file and render
 * context and reused while the markdown is the same; relative links and images also depend on
 * which files exist, so the whole cache starts over when the set of project files changes.
 */
export interface RenderCache<R extends CacheableRender = RenderedBody> {
  render: (markdown: string, context: RenderContext) => R;
  /**
   * Ends a build: entries not used since the previous `sweep` are dropped, so edits made during
   * a long session do not pile up. Returns how many bodies were rendered (not cached) in the build.
   */
  sweep(): number;
  clear(): void;
}

/** Everything but the markdown: short, so lookups stay cheap however long the bodies are. */
function contextKey(context: RenderContext): string {
  const { file, locale, sourceFile, bodyStartLine, assetBaseUrl, project } = context;
  return JSON.stringify([file, locale, sourceFile ?? null, bodyStartLine, assetBaseUrl, project.contentDir, project.localesDir]);
}

function copyResult<R extends CacheableRender>(result: R): R {
  return { ...result, links: [...result.links], diagnostics: result.diagnostics.map((d) => ({ ...d, location: { ...d.location } })) };
}

interface Entry<R> {
  markdown: string;
  result: R;
}

/**
 * Wraps `render` with a cache. The default renders straight to the model's summaries, so the
 * session keeps digests rather than HTML and a cached body is not summarised again.
 */
export function createRenderCache<R extends CacheableRender = RenderedBody>(
  render: (markdown: string, context: RenderContext) => R = summarisingRenderer(renderMarkdown) as unknown as (markdown: string, context: RenderContext) => R,
): RenderCache<R> {
  // One entry per file and context; the markdown is compared, not hashed (an unchanged body is
  // the very same string the parse cache handed out, so the comparison is immediate).
  let current = new Map<string, Entry<R>>();
  let previous = new Map<string, Entry<R>>();
  let rendered = 0;
  // Each build makes one ProjectFiles set; its fingerprint is computed once per set.
  const fingerprints = new WeakMap<ReadonlySet<string>, string>();
  let filesFingerprint: string | null = null;

  function fingerprintOf(project: ProjectFiles): string {
    let value = fingerprints.get(project.files);
    if (value === undefined) {
      value = [...project.files].sort().join("\n");
      fingerprints.set(project.files, value);
    }
    return value;
  }

  function clear(): void {
    current = new Map();
    previous = new Map();
  }

  return {
    render(markdown, context) {
      const files = fingerprintOf(context.project);
      if (files !== filesFingerprint) {
        clear();
        filesFingerprint = files;
      }
      const key = contextKey(context);
      let entry = current.get(key) ?? previous.get(key);
      if (entry === undefined || entry.markdown !== markdown) {
        entry = { markdown, result: render(markdown, context) };
        rendered += 1;
      }
      current.set(key, entry);
      return copyResult(entry.result);
    },
    sweep() {
      previous = current;
      current = new Map();
      const count = rendered;
      rendered = 0;
      return count;
    },
    clear() {
      clear();
      filesFingerprint = null;
    },
  };
}
