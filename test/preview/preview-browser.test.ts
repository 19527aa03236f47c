/// <reference lib="dom" />
/**
 * The preview in a real browser: Debian's chromium driven by playwright-core (no browser is ever
 * downloaded). Without /usr/bin/chromium (or PREVIEW_CHROMIUM) every test here is skipped, with a
 * warning on stderr. Screenshots go to test-artifacts/preview/ (not committed); they are checked
 * by the elements on the page, not by pixels.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSyncError } from "../../src/errors/sync-error.js";
import { previewProject, writePreviewSite, type PreviewSession } from "../../src/sync/preview-project.js";
import { repositoryRoot } from "../support/project.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";
import { createPreviewProject } from "./preview-fixture.js";

const CHROMIUM = process.env.PREVIEW_CHROMIUM ?? "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
const ARTIFACTS = path.join(repositoryRoot, "test-artifacts", "preview");
// Set to a path to write the README's screenshot there (run once by hand, then commit it).
const README_SHOT = process.env.PREVIEW_README_SCREENSHOT;
// A closed network: without these chromium waits on connections it will never get.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

if (!hasBrowser) {
  process.stderr.write(`\n⚠ ${CHROMIUM} not found: the preview's browser tests are SKIPPED. Install it (apt-get install -y chromium) or set PREVIEW_CHROMIUM.\n\n`);
}

/** The raw path is sent as is (no URL normalisation), as a hostile client would. */
function getStatus(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Takes a screenshot artifact after checking the elements that make the page what it is. */
async function shoot(page: Page, name: string, structure: Record<string, number>): Promise<void> {
  for (const [selector, least] of Object.entries(structure)) {
    expect(await page.locator(selector).count(), `${name}: ${selector}`).toBeGreaterThanOrEqual(least);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasBrowser)("preview in a browser", () => {
  let dir: string;
  let profile: string;
  let session: PreviewSession;
  let browser: BrowserContext;
  let page: Page;
  const url = (pathname: string): string => new URL(pathname, session.url).href;

  beforeAll(async () => {
    dir = await createPreviewProject();
    profile = await createTempDir("chromium-profile");
    await mkdir(ARTIFACTS, { recursive: true });
    session = await previewProject({ cwd: dir, port: 0, debounceMs: 20, env: {} });
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1000, height: 700 } });
    // Nothing leaves the machine: the video's player and the like are refused at once.
    await browser.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await session?.close();
    if (dir !== undefined) await removeTempDir(dir);
    if (profile !== undefined) await removeTempDir(profile);
  });

  it("redirects / to the source locale's home, which lists the collections tree with names and descriptions", async () => {
    await page.goto(session.url);
    expect(new URL(page.url()).pathname).toBe("/en/");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator(".hc-header .hc-name").textContent()).toBe("Help Center");
    expect(await page.locator('.hc-collection[data-key="getting-started"] > a').first().textContent()).toBe("Getting started");
    expect(await page.locator('.hc-collection[data-key="getting-started/advanced"] > p').textContent()).toBe("Offline mode, self-hosted sync and single sign-on.");
    await shoot(page, "home", { ".hc-header .hc-name": 1, ".hc-locales a": 4, ".hc-collection": 4, ".hc-collections .hc-collections .hc-collection": 1, ".hc-articles li": 1 });
  });

  it("opens a collection with breadcrumbs and its articles", async () => {
    await page.click('.hc-collection[data-key="getting-started"] > a');
    expect(new URL(page.url()).pathname).toBe("/en/collections/getting-started");
    expect(await page.locator("h1.hc-title").textContent()).toBe("Getting started");
    expect(await page.locator(".hc-breadcrumbs li").count()).toBe(1);
    expect(await page.locator('.hc-articles li[data-key="getting-started/tour"]').count()).toBe(1);
  });

  it("shows an article with push's HTML: a callout, a table and an image served from the files", async () => {
    await page.click('.hc-articles li[data-key="getting-started/tour"] a');
    expect(new URL(page.url()).pathname).toBe("/en/articles/getting-started/tour");
    expect(await page.locator("h1.hc-title").textContent()).toBe("A tour of the editor");
    expect(await page.locator(".hc-description").textContent()).toBe("Callouts, tables, images and links in one page.");
    expect(await page.locator(".hc-breadcrumbs li").count()).toBe(2);
    const callout = page.locator(".intercom-content .intercom-interblocks-callout");
    expect(await callout.textContent()).toContain("Unsaved notes are lost");
    expect(await callout.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
    expect(await page.locator(".intercom-content table tbody tr").count()).toBe(2);
    const image = page.locator(".intercom-content img");
    expect(await image.getAttribute("src")).toBe("/files/content/getting-started/images/plan-output.png");
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const button = page.locator(".intercom-content a.intercom-h2b-button");
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(51, 75, 250)");
    const video = page.locator(".intercom-content iframe");
    expect(await video.getAttribute("src")).toBe("https://www.youtube.com/embed/dQw4w9WgXcQ");
    expect(await video.evaluate((el) => Math.round(el.getBoundingClientRect().width / el.getBoundingClientRect().height * 100))).toBe(178);
    await shoot(page, "article", { ".hc-header": 1, ".hc-breadcrumbs li": 2, "h1.hc-title": 1, ".hc-description": 1, ".intercom-content .intercom-interblocks-callout": 1, ".intercom-content table": 1, ".intercom-content img": 1, ".intercom-content iframe": 1, ".intercom-content .intercom-h2b-button": 1 });
    if (README_SHOT !== undefined) await page.screenshot({ path: README_SHOT });
  });

  it("follows a link between articles to the target's preview page", async () => {
    await page.click('.intercom-content a:has-text("Your first notebook")');
    expect(new URL(page.url()).pathname).toBe("/en/articles/getting-started/first-notebook");
    expect(await page.locator("h1.hc-title").textContent()).toBe("Your first notebook");
  });

  it("switches locale from the switcher, which marks missing and outdated translations", async () => {
    await page.goto(url("/en/articles/getting-started/install"));
    expect(await page.locator('.hc-locales a[data-locale="fr"]').getAttribute("data-mark")).toBe("outdated");
    expect(await page.locator('.hc-locales a[data-locale="he"]').getAttribute("data-mark")).toBe("missing");
    await page.click('.hc-locales a[data-locale="fr"]');
    expect(new URL(page.url()).pathname).toBe("/fr/articles/getting-started/install");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.locator("h1.hc-title").textContent()).toBe("Installer Lumen");
    expect(await page.locator('[data-notice="outdated"]').count()).toBe(1);
    // No French tour: the English source, marked, with the French frame around it.
    await page.goto(url("/fr/articles/getting-started/tour"));
    expect(await page.locator('[data-notice="missing"]').count()).toBe(1);
    expect(await page.locator("h1.hc-title").textContent()).toBe("A tour of the editor");
    expect(await page.locator('.intercom-content a:has-text("Your first notebook")').getAttribute("href")).toBe("/fr/articles/getting-started/first-notebook");
  });

  it("renders a Hebrew page right to left", async () => {
    await page.goto(url("/he/articles/welcome"));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("he");
    expect(await page.locator(".intercom-content").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    // The Hebrew home falls back to the source for the collections it has no file for, marked.
    await page.goto(url("/he/"));
    expect(await page.locator('.hc-collection[data-key="getting-started"] > [data-mark="missing"]').count()).toBe(1);
  });

  it("shows a page's check findings with file:line", async () => {
    await page.goto(url("/en/articles/writing/attachments"));
    const finding = page.locator(".hc-findings li").first();
    expect(await finding.textContent()).toMatch(/content\/writing\/attachments\.md:\d+/);
    expect(await finding.getAttribute("data-code")).toBe("render/broken-link");
  });

  it("opens the translation dashboard: counts as status, the outdated article with a diff of the source's text, links to pages", async () => {
    await page.goto(url("/translations"));
    const fr = page.locator('tr[data-locale="fr"]');
    expect(await fr.locator('[data-count="outdated"]').textContent()).toBe("1");
    expect(await fr.locator('[data-count="missing"]').textContent()).toBe("2");
    expect(await page.locator('tr[data-locale="he"] [data-count="translated"]').textContent()).toBe("1/11");
    const outdated = page.locator('section[data-locale="fr"] li.hc-outdated');
    expect(await outdated.locator('.hc-diff[data-diff="known"] ins').textContent()).toContain("ChromeOS");
    await shoot(page, "dashboard", { "table tbody tr": 3, "section[data-locale]": 3, ".hc-diff ins": 1, "section[data-locale] a": 5 });
    await outdated.locator("h4 a").first().click();
    expect(new URL(page.url()).pathname).toBe("/fr/articles/getting-started/install");
  });

  it("updates an open page within a second of a save, and shows a broken file's error instead of failing", async () => {
    await page.goto(url("/en/articles/getting-started/tour"));
    await page.waitForSelector('html[data-live="connected"]');
    const file = path.join(dir, "content/getting-started/tour.md");
    const original = await readFile(file, "utf8");
    try {
      await writeFile(file, original.replace("title: A tour of the editor", "title: A tour of the new editor"));
      await page.waitForFunction(() => document.querySelector("h1.hc-title")?.textContent === "A tour of the new editor");
      await page.waitForSelector('html[data-live="connected"]');
      await writeFile(file, original.replace("title: A tour of the editor", "title: [unclosed"));
      // The article is gone from the tree: its page says why, with the file and line.
      await page.waitForFunction(() => document.querySelector('[data-findings] li[data-code^="frontmatter"]') !== null);
      expect(await page.locator(".hc-findings").first().textContent()).toMatch(/content\/getting-started\/tour\.md:\d+/);
      expect((await page.goto(url("/en/")))?.status()).toBe(200);
    } finally {
      await writeFile(file, original);
    }
    await page.waitForSelector('html[data-live="connected"]');
    await page.waitForSelector('.hc-articles li[data-key="welcome"]');
    await session.idle();
    await page.goto(url("/en/articles/getting-started/tour"));
    expect(await page.locator("h1.hc-title").textContent()).toBe("A tour of the editor");
  });

  it("serves project images only, never a path outside the tree or a file that is not an asset", async () => {
    await symlink("/etc/hostname", path.join(dir, "content/getting-started/images/escape.png"));
    await session.idle();
    expect(await getStatus(session.port, "/files/content/getting-started/images/plan-output.png")).toBe(200);
    expect(await getStatus(session.port, "/files/../intercom-sync.config.json")).toBe(404);
    expect(await getStatus(session.port, "/files/content/..%2f..%2fetc/hostname")).toBe(404);
    expect(await getStatus(session.port, "/files/intercom-sync.config.json")).toBe(404);
    expect(await getStatus(session.port, "/files/content/welcome.md")).toBe(404);
    expect(await getStatus(session.port, "/files/content/getting-started/images/escape.png")).toBe(404);
    // A page of another site whose name resolves to 127.0.0.1 gets nothing.
    expect(await getStatus(session.port, "/en/", { host: "attacker.example" })).toBe(403);
    expect(await getStatus(session.port, "/en/", { host: `localhost:${session.port}` })).toBe(200);
  });

  it("listens on 127.0.0.1 by default, and a port in use is a clear error", async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const second = previewProject({ cwd: dir, port: session.port, env: {} });
    await expect(second).rejects.toSatisfy((error) => isSyncError(error) && error.code === "preview/port-in-use" && error.message.includes(String(session.port)));
  });

  it("writes the same site as static files with relative links, readable from any folder", async () => {
    const out = await createTempDir("preview-out");
    try {
      const result = await writePreviewSite({ cwd: dir, outDir: out, env: {} });
      expect(result.pages).toBeGreaterThan(40);
      await page.goto(pathToFileURL(path.join(out, "index.html")).href);
      await page.waitForURL(/\/en\/index\.html$/);
      await page.click('.hc-collection[data-key="getting-started"] > a');
      await page.click('.hc-articles li[data-key="getting-started/tour"] a');
      expect(await page.locator("h1.hc-title").textContent()).toBe("A tour of the editor");
      expect(await page.locator(".intercom-content img").evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
      expect(await page.locator(".hc-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(51, 75, 250)");
      await page.click('.hc-locales a[data-locale="fr"]');
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    } finally {
      await removeTempDir(out);
    }
  });
});
