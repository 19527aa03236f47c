import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import type { GeneratedTree } from "../../bench/types.js";
import { isBenchError } from "../../bench/bench-error.js";
import {
  extractReferences, headingAnchors, isAbsoluteUrl, isArticlePath, parseFrontMatter, resolveReference,
  sourceArticles, textOf, translationArticles,
} from "./tree-helpers.js";

const LOCALES = ["fr", "de", "es", "ja"];

function sameBytes(a: GeneratedTree, b: GeneratedTree): boolean {
  if (a.files.length !== b.files.length) return false;
  return a.files.every((file, index) => {
    const other = b.files[index];
    if (other === undefined || other.path !== file.path) return false;
    return Buffer.from(file.content).equals(Buffer.from(other.content));
  });
}

describe("generateHelpCenter", () => {
  const tree = generateHelpCenter({ seed: 42, articles: 300, locales: LOCALES, translationRatio: 0.5 });
  const paths = new Set(tree.files.map((file) => file.path));

  describe("determinism", () => {
    it("gives byte-identical files for the same options", () => {
      const again = generateHelpCenter({ seed: 42, articles: 300, locales: LOCALES, translationRatio: 0.5 });
      expect(sameBytes(tree, again)).toBe(true);
      expect(again.stats).toEqual(tree.stats);
    });

    it("gives different content for a different seed", () => {
      const other = generateHelpCenter({ seed: 43, articles: 300, locales: LOCALES, translationRatio: 0.5 });
      expect(sameBytes(tree, other)).toBe(false);
      const bodies = new Set(sourceArticles(tree).map(textOf));
      expect(sourceArticles(other).filter((file) => bodies.has(textOf(file)))).toHaveLength(0);
    });

    it("keeps the source files unchanged when only the locales or ratio change", () => {
      const fewer = generateHelpCenter({ seed: 42, articles: 300, locales: ["de"], translationRatio: 0.1 });
      const source = (t: GeneratedTree) => t.files.filter((file) => file.path.startsWith("content/"));
      expect(source(fewer).map((file) => [file.path, Buffer.from(file.content).toString("base64")]))
        .toEqual(source(tree).map((file) => [file.path, Buffer.from(file.content).toString("base64")]));
    });
  });

  describe("counts", () => {
    it("generates exactly the requested number of source articles, a few of them top-level", () => {
      expect(sourceArticles(tree)).toHaveLength(300);
      expect(tree.stats.articles).toBe(300);
      const topLevel = sourceArticles(tree).filter((file) => file.path.split("/").length === 2);
      expect(topLevel.length).toBe(tree.stats.topLevelArticles);
      expect(topLevel.length).toBeGreaterThanOrEqual(1);
      expect(topLevel.length).toBeLessThanOrEqual(6);
    });

    it("translates the given share of articles in every locale, at the source's path", () => {
      for (const locale of LOCALES) {
        const translations = translationArticles(tree, locale);
        expect(translations).toHaveLength(150);
        expect(tree.stats.translations[locale]).toBe(150);
        for (const file of translations) expect(paths.has(file.path.replace(`locales/${locale}/`, "content/"))).toBe(true);
      }
    });

    it("picks a different set of translated articles per locale", () => {
      const keys = (locale: string) => translationArticles(tree, locale).map((file) => file.path.split("/").slice(2).join("/"));
      expect(keys("fr")).not.toEqual(keys("de"));
    });

    it("translates every article in every locale by default, and none at ratio 0", () => {
      const full = generateHelpCenter({ seed: 7, articles: 40, locales: ["fr", "pt-BR"] });
      expect(translationArticles(full, "fr")).toHaveLength(40);
      expect(translationArticles(full, "pt-BR")).toHaveLength(40);
      const none = generateHelpCenter({ seed: 7, articles: 40, locales: ["fr"], translationRatio: 0 });
      expect(none.files.filter((file) => file.path.startsWith("locales/"))).toHaveLength(0);
    });

    it("reports stats that match the files", () => {
      const collections = tree.files.filter((file) => /^content\/.*_collection\.md$/.test(file.path));
      expect(collections).toHaveLength(tree.stats.collections);
      expect(tree.files.filter((file) => file.path.endsWith(".png"))).toHaveLength(tree.stats.images);
      expect(tree.stats.files).toBe(tree.files.length);
      expect(tree.stats.bytes).toBe(tree.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0));
      expect(paths.size).toBe(tree.files.length);
    });

    it("handles zero and one article", () => {
      expect(generateHelpCenter({ seed: 1, articles: 0, locales: ["fr"] }).files.map((file) => file.path))
        .toEqual(["intercom-sync.config.ts"]);
      const one = generateHelpCenter({ seed: 1, articles: 1, locales: ["fr"] });
      expect(sourceArticles(one)).toHaveLength(1);
      expect(extractReferences(textOf(sourceArticles(one)[0])).filter((ref) => !isAbsoluteUrl(ref.target) && ref.kind === "link"))
        .toHaveLength(0);
    });
  });

  describe("layout", () => {
    it("never nests collections deeper than maxDepth", () => {
      // A hundred articles fill every level up to 3 with this seed.
      for (const maxDepth of [0, 1, 2, 3]) {
        const shallow = generateHelpCenter({ seed: 5, articles: 100, locales: ["fr"], maxDepth });
        const folderDepths = shallow.files
          .filter((file) => isArticlePath(file.path) && file.path.startsWith("content/"))
          .map((file) => file.path.split("/").length - 2);
        expect(Math.max(...folderDepths)).toBe(maxDepth);
        expect(shallow.stats.depth).toBe(maxDepth);
      }
    });

    it("gives every content folder a _collection.md, in the source and in each locale", () => {
      for (const file of tree.files) {
        if (!file.path.endsWith(".md") || file.path.split("/").length < 3) continue;
        const root = file.path.startsWith("content/") ? "content" : file.path.split("/").slice(0, 2).join("/");
        const dirs = posix.dirname(file.path).slice(root.length + 1).split("/").filter(Boolean);
        dirs.forEach((_, depth) => {
          expect(paths.has(`${root}/${dirs.slice(0, depth + 1).join("/")}/_collection.md`)).toBe(true);
        });
      }
    });

    it("names files with unique kebab-case slugs, a few of them unicode", () => {
      const names = tree.files.filter((file) => file.path.endsWith(".md")).map((file) => posix.basename(file.path));
      for (const name of names) {
        expect(name).toMatch(/^(?:_collection|[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*)\.md$/u);
      }
      expect(names.some((name) => /[^\p{ASCII}]/u.test(name))).toBe(true);
      const keys = sourceArticles(tree).map((file) => file.path.slice("content/".length, -".md".length));
      const collectionKeys = tree.files
        .filter((file) => /^content\/.*_collection\.md$/.test(file.path))
        .map((file) => posix.dirname(file.path).slice("content/".length));
      expect(new Set([...keys, ...collectionKeys]).size).toBe(keys.length + collectionKeys.length);
    });

    it("writes a plain-object config with the source locale, locales and asset base URL", () => {
      const config = textOf(tree.files[0]);
      expect(tree.files[0]?.path).toBe("intercom-sync.config.ts");
      expect(config).toBe(
        'export default {\n  sourceLocale: "en",\n  locales: ["fr","de","es","ja"],\n' +
          '  assetBaseUrl: "https://assets.example.com/",\n  defaultState: "published",\n};\n',
      );
    });
  });

  describe("front matter", () => {
    it("parses as YAML with the required fields in every markdown file", () => {
      for (const file of tree.files.filter((candidate) => candidate.path.endsWith(".md"))) {
        const { data, content } = parseFrontMatter(textOf(file));
        const isCollection = file.path.endsWith("/_collection.md");
        const isSource = file.path.startsWith("content/");
        if (isCollection) {
          expect(Object.keys(data).sort()).toEqual(["description", "name"]);
          expect(content.trim()).toBe("");
        } else {
          expect(Object.keys(data).sort()).toEqual(isSource ? ["description", "state", "title"] : ["description", "title"]);
          expect(content.trim().length).toBeGreaterThan(0);
        }
        for (const value of Object.values(data)) expect(typeof value === "string" && value.length > 0).toBe(true);
        if (isSource && !isCollection) expect(["published", "draft"]).toContain(data.state);
      }
    });

    it("pseudo-translates titles, with CJK characters in Japanese", () => {
      const source = new Map(sourceArticles(tree).map((file) => [file.path, parseFrontMatter(textOf(file)).data.title]));
      for (const locale of LOCALES) {
        for (const file of translationArticles(tree, locale)) {
          const title = parseFrontMatter(textOf(file)).data.title;
          expect(title).not.toBe(source.get(file.path.replace(`locales/${locale}/`, "content/")));
          if (locale === "ja") expect(title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
        }
      }
    });
  });

  describe("bodies", () => {
    it("resolves every relative link and image to a file in the tree", () => {
      let relative = 0;
      for (const file of tree.files.filter((candidate) => isArticlePath(candidate.path))) {
        for (const reference of extractReferences(parseFrontMatter(textOf(file)).content)) {
          if (isAbsoluteUrl(reference.target)) continue;
          relative += 1;
          const resolved = resolveReference(file.path, reference.target, paths);
          expect(resolved, `${file.path} -> ${reference.target}`).not.toBeNull();
          expect(resolved?.endsWith(reference.kind === "image" ? ".png" : ".md")).toBe(true);
        }
      }
      expect(relative).toBeGreaterThan(1000);
    });

    it("points #anchors at headings that exist in the target article", () => {
      let anchors = 0;
      for (const file of sourceArticles(tree)) {
        for (const reference of extractReferences(textOf(file))) {
          const [target, anchor] = reference.target.split("#");
          if (anchor === undefined || isAbsoluteUrl(reference.target)) continue;
          anchors += 1;
          const resolved = resolveReference(file.path, target ?? "", paths);
          const body = textOf(tree.files.find((candidate) => candidate.path === resolved));
          expect(headingAnchors(body).has(anchor), `${file.path} -> ${reference.target}`).toBe(true);
        }
      }
      expect(anchors).toBeGreaterThan(50);
    });

    it("links across folders with ../ paths and to absolute URLs", () => {
      const targets = sourceArticles(tree).flatMap((file) => extractReferences(textOf(file)).map((ref) => ref.target));
      expect(targets.some((target) => target.startsWith("../"))).toBe(true);
      expect(targets.some((target) => target.startsWith("https://"))).toBe(true);
    });

    it("uses the markdown features a help center needs", () => {
      const all = sourceArticles(tree).map(textOf).join("\n");
      const features: Record<string, RegExp> = {
        h2: /^## \S/m,
        h3: /^### \S/m,
        bullets: /^- \S/m,
        numbered: /^1\. \S/m,
        table: /^\| --- \|/m,
        fencedCode: /^```[a-z]*\n/m,
        inlineCode: /[^`]`[^`\n]+`[^`]/,
        bold: /\*\*[^*\n]+\*\*/,
        italic: /(?<!\*)\*[^*\n]+\*(?!\*)/,
        alert: /^> \[!(NOTE|TIP|IMPORTANT|WARNING)\]$/m,
        image: /!\[[^\]]*\]\([^)]+\.png\)/,
        video: /^https:\/\/(www\.youtube\.com|vimeo\.com|www\.loom\.com)\/\S+$/m,
      };
      for (const [name, pattern] of Object.entries(features)) expect(pattern.test(all), name).toBe(true);
    });

    it("sizes most bodies between 1 and 8 KB, with a few larger ones", () => {
      const sizes = sourceArticles(tree).map((file) => Buffer.byteLength(parseFrontMatter(textOf(file)).content));
      const ordinary = sizes.filter((size) => size >= 1000 && size <= 9000);
      expect(ordinary.length / sizes.length).toBeGreaterThan(0.9);
      expect(sizes.filter((size) => size > 12_000).length).toBeGreaterThanOrEqual(1);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000);
    });

    it("keeps links, images and code identical in translations", () => {
      for (const file of translationArticles(tree, "ja").slice(0, 30)) {
        const source = textOf(tree.files.find((candidate) => candidate.path === file.path.replace("locales/ja/", "content/")));
        const targets = (text: string) => extractReferences(parseFrontMatter(text).content).map((ref) => ref.target);
        expect(targets(textOf(file))).toEqual(targets(source));
        const code = (text: string) => text.match(/^```[\s\S]*?^```$/gm) ?? [];
        expect(code(textOf(file))).toEqual(code(source));
      }
    });
  });

  describe("options", () => {
    it("rejects unknown locales, the source locale among translations and a bad ratio, all at once", () => {
      let error: unknown;
      try {
        generateHelpCenter({ seed: 1, articles: 10, locales: ["en", "pt_BR"], translationRatio: 2 });
      } catch (caught) {
        error = caught;
      }
      expect(isBenchError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain('"pt_BR" is not an Intercom locale code');
      expect(message).toContain("must not include the source locale");
      expect(message).toContain("translationRatio");
    });
  });

  describe("scale", () => {
    // Ten thousand files: seconds of work alone, longer on a busy machine.
    it("generates 2,000 articles in 4 locales with consistent counts", { timeout: 120_000 }, () => {
      const big = generateHelpCenter({ seed: 2000, articles: 2000, locales: LOCALES });
      const { stats } = big;
      expect(stats.articles).toBe(2000);
      for (const locale of LOCALES) expect(stats.translations[locale]).toBe(2000);
      const collectionFiles = stats.collections + LOCALES.reduce((sum, locale) => sum + (stats.collectionTranslations[locale] ?? 0), 0);
      expect(big.files).toHaveLength(1 + 2000 * (1 + LOCALES.length) + collectionFiles + stats.images);
      expect(new Set(big.files.map((file) => file.path)).size).toBe(big.files.length);
      expect(stats.depth).toBe(3);
    });
  });
});
