import type { RenderMarkdown } from "../model/build-article-locale.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { ProjectFiles, RenderContext, RenderResult } from "../render/types.js";

/**
 * A memoising renderer for the watcher: rendering is the costly part of building the desired
 * state, and between two saves almost every body is unchanged. An entry is kept per file and render
 * context and reused while the markdown is the same; relative links and images also depend on
 * which files exist, so the whole cache starts over when the set of project files changes.
 */
export interface RenderCache {
  render: RenderMarkdown;
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

function copyResult(result: RenderResult): RenderResult {
  return { html: result.html, links: [...result.links], diagnostics: result.diagnostics.map((d) => ({ ...d, location: { ...d.location } })) };
}

interface Entry {
  markdown: string;
  result: RenderResult;
}

/** Wraps `render` (default: the real renderer) with a cache. */
export function createRenderCache(render: RenderMarkdown = renderMarkdown): RenderCache {
  // One entry per file and context; the markdown is compared, not hashed (an unchanged body is
  // the very same string the parse cache handed out, so the comparison is immediate).
  let current = new Map<string, Entry>();
  let previous = new Map<string, Entry>();
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
