/**
 * `preview --out DIR`: the same pages as the server, written as files that link each other
 * relatively (no server, no live reload), with the images they show copied beside them.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { staticFileOf, type PageRef } from "./page-paths.js";
import { resolveAsset } from "./project-files.js";
import { listPages, renderPage, type SiteBuild } from "./render-site.js";
import { PREVIEW_CSS } from "./styles.js";
import { escapeHtml } from "../render/escape.js";

export interface StaticSiteResult {
  pages: number;
  assets: number;
}

async function writeAt(outDir: string, file: string, text: string): Promise<void> {
  const target = path.join(outDir, ...file.split("/"));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

/** Writes every page, the stylesheet and the listed assets into `outDir` (created when missing). */
export async function writeStaticSite(build: SiteBuild, rootDir: string, outDir: string): Promise<StaticSiteResult> {
  const pages = listPages(build.site);
  for (const ref of pages) {
    const page = await renderPage(build, ref, "static");
    await writeAt(outDir, staticFileOf(ref), page.html);
  }
  await writeAt(outDir, staticFileOf({ kind: "style" }), PREVIEW_CSS);
  const home: PageRef = { kind: "home", locale: build.site.state.sourceLocale };
  const homeFile = staticFileOf(home);
  await writeAt(outDir, "index.html", `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${homeFile}"><title>${escapeHtml(build.site.title)}</title><a href="${homeFile}">Open the help center</a>\n`);
  let assets = 0;
  for (const file of build.site.assetSet) {
    const source = await resolveAsset(build.site, rootDir, file);
    if (source === null) continue;
    const target = path.join(outDir, ...staticFileOf({ kind: "asset", path: file }).split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    assets += 1;
  }
  return { pages: pages.length + 1, assets };
}
