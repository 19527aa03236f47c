import type { RenderContext } from "../../src/render/types.js";

/** Files of the small project most render tests use. */
export const PROJECT_FILES = [
  "content/welcome.md",
  "content/guide/install.md",
  "content/guide/setup.md",
  "content/guide/_collection.md",
  "content/guide/index.md",
  "content/guide/images/screen.png",
  "content/guide/manual.pdf",
  "content/images/logo.png",
  "locales/fr/guide/install.md",
  "locales/fr/guide/images/ecran.png",
  "README.md",
];

/** A render context for `file`, with overrides. */
export function buildContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    file: "content/guide/install.md",
    locale: "en",
    bodyStartLine: 1,
    assetBaseUrl: "https://cdn.example.com/help/",
    project: { contentDir: "content", localesDir: "locales", files: new Set(PROJECT_FILES) },
    ...overrides,
  };
}

/** The context of the French translation of `content/guide/install.md`. */
export function buildTranslationContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return buildContext({ file: "locales/fr/guide/install.md", locale: "fr", sourceFile: "content/guide/install.md", ...overrides });
}
