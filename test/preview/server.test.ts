import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { ContentFile, ContentTree } from "../../src/content/types.js";
import { buildDesiredState } from "../../src/load/build-desired-state.js";
import { memorySource } from "../../src/load/memory-source.js";
import { EVENTS_PATH } from "../../src/preview/layout.js";
import { startPreviewServer, type PreviewServer } from "../../src/preview/preview-server.js";
import type { SiteBuild } from "../../src/preview/render-site.js";
import { buildSiteModel } from "../../src/preview/site-model.js";

async function smallSite(): Promise<SiteBuild> {
  const markdown: ContentFile[] = [{ file: "content/hello.md", locale: "en", relativePath: "hello.md", text: "---\ntitle: Hello\n---\nHi.\n" }];
  const tree: ContentTree = { sourceLocale: "en", contentDir: "content", localesDir: "locales", locales: [], markdown, unreadable: [], assets: [], diagnostics: [] };
  const built = await buildDesiredState(memorySource(tree), { defaultState: "published", assetBaseUrl: null });
  const site = buildSiteModel({ state: built.state, diagnostics: built.diagnostics, assets: [], contentDir: "content", localesDir: "locales", assetBaseUrl: null, title: "Help" });
  return { site, loadBody: built.loadBody, outdatedChange: async () => ({ kind: "unknown", reason: "none" }) };
}

function call(port: number, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("preview server", () => {
  let server: PreviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("redirects / to the source locale's home, serves pages, and answers GET and HEAD only", async () => {
    const build = await smallSite();
    server = await startPreviewServer({ port: 0, rootDir: process.cwd(), current: () => build });
    const home = await call(server.port, "GET", "/");
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe("/en/");
    const article = await call(server.port, "GET", "/en/articles/hello");
    expect(article.status).toBe(200);
    expect(article.body).toContain("<p>Hi.</p>");
    expect((await call(server.port, "HEAD", "/en/articles/hello")).body).toBe("");
    expect((await call(server.port, "POST", "/en/")).status).toBe(405);
    expect((await call(server.port, "GET", "/en/articles/nope")).status).toBe(404);
  });

  it("tells open pages to reload over server-sent events", async () => {
    const build = await smallSite();
    const running = await startPreviewServer({ port: 0, rootDir: process.cwd(), current: () => build });
    server = running;
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: running.port, path: EVENTS_PATH }, (res) => {
        expect(res.headers["content-type"]).toBe("text/event-stream");
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes(": connected")) running.notifyReload();
          if (text.includes("event: reload")) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on("error", reject);
      req.end();
    });
    expect(received).toContain("event: reload\ndata: {}\n\n");
  });
});
