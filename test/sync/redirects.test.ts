import { afterEach, describe, expect, it } from "vitest";
import { callApi } from "../support/http.js";
import { createPushedProject, createTestProject, expectRequestsConform, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const BASE = "https://intercom.help/emulator";
const REDIRECTS = "/help_center/help_centers/1/redirects";

/** Sets (or removes, with null) `redirect_from` in a file's front matter. */
async function setRedirects(p: TestProject, file: string, entries: readonly string[] | null): Promise<void> {
  const text = (await p.read(file)).replace(/^redirect_from:.*\n/m, "");
  const line = entries === null ? "" : `redirect_from: [${entries.map((entry) => JSON.stringify(entry)).join(", ")}]\n`;
  await p.write(file, text.replace(/^---\n/, `---\n${line}`));
}

function redirectsOf(p: TestProject): { fromUrl: string; targetId: number; targetType: string; locale: string }[] {
  return (p.state().redirects ?? []).map(({ fromUrl, targetId, targetType, locale }) => ({ fromUrl, targetId, targetType, locale }));
}

async function idOf(p: TestProject, key: string, table: "articles" | "collections" = "articles"): Promise<number> {
  const lock = JSON.parse(await p.read("intercom-sync.lock.json")) as Record<string, Record<string, { id: string }>>;
  return Number(lock[table]?.[key]?.id);
}

describe("redirect_from", () => {
  it("creates a redirect per entry (paths, URLs, collections, translations), then sends nothing the second time", async () => {
    project = await createPushedProject();
    await setRedirects(project, "content/writing/links.md", ["/old-links", `${BASE}/en/legacy-links`]);
    await setRedirects(project, "locales/fr/writing/links.md", ["/fr/anciens-liens"]);
    await setRedirects(project, "content/writing/_collection.md", ["/writing-old"]);
    const run = await project.cli("push");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Redirects: 4 created, 0 deleted.");
    const writes = project.takeWrites();
    expect(writes.every((w) => w.method === "POST" && w.path === REDIRECTS)).toBe(true);
    expectRequestsConform(writes);
    const links = await idOf(project, "writing/links");
    expect(redirectsOf(project)).toEqual(
      expect.arrayContaining([
        { fromUrl: `${BASE}/old-links`, targetId: links, targetType: "article", locale: "en" },
        { fromUrl: `${BASE}/en/legacy-links`, targetId: links, targetType: "article", locale: "en" },
        { fromUrl: `${BASE}/fr/anciens-liens`, targetId: links, targetType: "article", locale: "fr" },
        { fromUrl: `${BASE}/writing-old`, targetId: await idOf(project, "writing", "collections"), targetType: "collection", locale: "en" },
      ]),
    );
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("deletes a removed entry's redirect, and moves an entry between files with one delete and one create", async () => {
    project = await createPushedProject();
    await setRedirects(project, "content/writing/links.md", ["/old-links", "/older-links"]);
    await project.cli("push");
    project.takeWrites();

    await setRedirects(project, "content/writing/links.md", ["/old-links"]);
    await setRedirects(project, "content/writing/markdown.md", ["/older-links"]);
    const plan = await project.cli("plan");
    expect(plan.stdout).toContain(`- redirect ${BASE}/older-links`);
    expect(plan.stdout).toContain(`+ redirect ${BASE}/older-links → article writing/markdown (en)`);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes.map((w) => w.method)).toEqual(["DELETE", "POST"]);
    expect(redirectsOf(project)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromUrl: `${BASE}/old-links`, targetId: await idOf(project, "writing/links") }),
        expect.objectContaining({ fromUrl: `${BASE}/older-links`, targetId: await idOf(project, "writing/markdown") }),
      ]),
    );

    await setRedirects(project, "content/writing/links.md", null);
    await setRedirects(project, "content/writing/markdown.md", null);
    await project.cli("push");
    expect(project.takeWrites().map((w) => w.method)).toEqual(["DELETE", "DELETE"]);
    expect(redirectsOf(project)).toEqual([]);
    expect(JSON.parse(await project.read("intercom-sync.lock.json"))).not.toHaveProperty("redirects");
  });

  it("redirects a removed article's last URL to the article that names its key", async () => {
    project = await createPushedProject();
    const attachments = await idOf(project, "writing/attachments");
    const listed = await callApi(project.emulator.url, "GET", `/articles/${attachments}`);
    const enUrl = String(listed.body.translated_content.en.url);
    for (const file of ["content/writing/attachments.md", "locales/fr/writing/attachments.md", "locales/de/writing/attachments.md"]) await project.remove(file);
    expect((await project.cli("push")).code).toBe(0);
    // The unpublished article's URL stays known to the lock after its file is gone.
    expect(JSON.parse(await project.read("intercom-sync.lock.json")).urls["writing/attachments"].en).toBe(enUrl);
    project.takeWrites();

    await setRedirects(project, "content/writing/markdown.md", ["writing/attachments"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([
      { method: "POST", path: REDIRECTS, body: { from_url: enUrl, locale: "en", target_type: "article", target_id: String(await idOf(project, "writing/markdown")) } },
    ]);
    await project.cli("push");
    expect(project.takeWrites()).toEqual([]);
  });

  it("reports a 409 for a URL that redirects elsewhere, naming the file and the URL, and still creates the others", async () => {
    project = await createPushedProject();
    const welcome = await idOf(project, "welcome");
    const foreign = await callApi(project.emulator.url, "POST", REDIRECTS, { body: { from_url: `${BASE}/taken`, locale: "en", target_type: "article", target_id: String(welcome) } });
    expect(foreign.status).toBe(200);
    await setRedirects(project, "content/writing/links.md", ["/taken", "/free"]);
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${BASE}/taken already redirects elsewhere in Intercom`);
    expect(run.stdout).toContain("content/writing/links.md:2");
    expect(redirectsOf(project).map((r) => r.fromUrl).sort()).toEqual([`${BASE}/free`, `${BASE}/taken`]);
    expect(redirectsOf(project).find((r) => r.fromUrl === `${BASE}/taken`)?.targetId).toBe(welcome);
    // The foreign redirect is never deleted, even when the entry goes away.
    project.takeWrites();
    await setRedirects(project, "content/writing/links.md", ["/free"]);
    await project.cli("push");
    expect(project.takeWrites()).toEqual([]);
  });

  it("refuses a URL outside the help center before any write, naming file and line", async () => {
    project = await createPushedProject();
    await setRedirects(project, "content/writing/links.md", ["https://elsewhere.example/old"]);
    await project.write("content/writing/links.md", `${await project.read("content/writing/links.md")}\nChanged too.\n`);
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("content/writing/links.md:2");
    expect(run.stdout).toContain("outside the help center's URL space");
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("check and redirect_from", () => {
  it("reports a malformed entry and a URL listed in two files, with file and line", async () => {
    project = await createTestProject();
    await setRedirects(project, "content/writing/links.md", ["not a url"]);
    await setRedirects(project, "content/writing/markdown.md", ["/same"]);
    await setRedirects(project, "content/welcome.md", ["/same/"]);
    await setRedirects(project, "content/troubleshooting/sign-in.md", ["writing/markdown"]);
    const run = await project.cli("check");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/content\/writing\/links\.md\n\s+2:1\s+error\s+frontmatter\/invalid-redirect\s+"redirect_from" entry "not a url" is neither a path/);
    expect(run.stdout).toMatch(/redirect\/duplicate\s+"\/same\/?" is in redirect_from here and in content\/(welcome|writing\/markdown)\.md:2/);
    expect(run.stdout).toContain('redirect_from names "writing/markdown", an article that is still in the tree');
  });
});

describe("pull and redirects", () => {
  it("writes Intercom's redirects into the targets' front matter; a push and a second pull then change nothing", async () => {
    project = await createPushedProject();
    const welcome = await idOf(project, "welcome");
    const writing = await idOf(project, "writing", "collections");
    const create = (body: Record<string, string>) => callApi(project?.emulator.url ?? "", "POST", REDIRECTS, { body });
    await create({ from_url: `${BASE}/old-welcome`, locale: "en", target_type: "article", target_id: String(welcome) });
    await create({ from_url: `${BASE}/fr/ancien-accueil`, locale: "fr", target_type: "article", target_id: String(welcome) });
    await create({ from_url: `${BASE}/old-writing`, locale: "en", target_type: "collection", target_id: String(writing) });
    project.takeWrites();

    const pulled = await project.cli("pull");
    expect(pulled.code).toBe(0);
    expect(await project.read("content/welcome.md")).toMatch(/^---\ntitle: .*\n(.*\n)*redirect_from:\n {2}- \/old-welcome\n---\n/);
    expect(await project.read("locales/fr/welcome.md")).toContain("redirect_from:\n  - /fr/ancien-accueil\n");
    expect(await project.read("content/writing/_collection.md")).toContain("redirect_from:\n  - /old-writing\n");
    expect(await project.read("content/writing/links.md")).not.toContain("redirect_from");

    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    const before = await project.read("content/welcome.md");
    const again = await project.cli("pull", "--json");
    expect(again.code).toBe(0);
    expect(await project.read("content/welcome.md")).toBe(before);
    expect((JSON.parse(again.stdout) as { summary: { updated: number; created: number } }).summary).toMatchObject({ updated: 0, created: 0 });

    // A redirect deleted in Intercom leaves the file's list too.
    const lock = JSON.parse(await project.read("intercom-sync.lock.json")) as { redirects: Record<string, { id: string }> };
    const owned = lock.redirects[`${BASE}/old-welcome`]?.id ?? "";
    await callApi(project.emulator.url, "DELETE", `${REDIRECTS}/${owned}`);
    await project.cli("pull");
    expect(await project.read("content/welcome.md")).not.toContain("redirect_from");
  });
});
