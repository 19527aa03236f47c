import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readLock } from "../../src/lock/read-write-lock.js";
import type { WatchCloseResult } from "../../src/watch/types.js";
import { watchProject } from "../../src/sync/watch-project.js";
import { countTree } from "../support/count-tree.js";
import { expectRequestsConform, repositoryRoot } from "../support/project.js";
import { startWatchedProject, type WatchedProject } from "./session.js";

let watched: WatchedProject | null = null;

afterEach(async () => {
  await watched?.close();
  watched = null;
});

async function start(options: Parameters<typeof startWatchedProject>[0] = {}): Promise<WatchedProject> {
  watched = await startWatchedProject(options);
  const first = await watched.nextRun();
  expect(first.trigger).toBe("start");
  expect(first.status).toBe("pushed");
  watched.project.takeWrites();
  return watched;
}

async function articleId(w: WatchedProject, key: string): Promise<string> {
  const lock = await readLock(path.join(w.project.dir, "intercom-sync.lock.json"));
  const id = lock.articles[key]?.id;
  if (id === undefined) throw new Error(`${key} is not in the lock`);
  return id;
}

describe("watchProject", () => {
  it("pushes everything once at start, then a save sends one write for that file", async () => {
    const w = await start();
    const tree = await countTree(w.project.dir);
    const before = w.runs[0];
    expect(before?.counts.created).toBe(tree.collections + tree.articles);

    const text = await w.project.read("content/welcome.md");
    await w.project.write("content/welcome.md", text.replace("one calm place", "one quiet place"));
    const run = await w.nextRun();

    expect(run).toMatchObject({ trigger: "change", status: "pushed", changedFiles: ["content/welcome.md"], remoteRefreshed: false });
    expect(run.changes).toEqual([{ type: "article", key: "welcome", action: "update", locales: ["en"] }]);
    // Only the changed body was rendered again; the others came from the cache.
    expect(run.rendered).toBe(1);
    const writes = w.project.takeWrites();
    expect(writes.map((write) => `${write.method} ${write.path}`)).toEqual([`PUT /articles/${await articleId(w, "welcome")}`]);
    expectRequestsConform(writes);
    // Incremental: no listing of the remote after the first one.
    const listings = w.project.emulator.requests.filter((request) => request.method === "GET" && request.path === "/articles");
    expect(listings).toHaveLength(1);
  });

  it("applies tags and audiences from a save, and a later save does not send them again", async () => {
    const w = await start({ emulator: { seed: { tags: ["Billing"], audiences: ["VIP customers"] } } });
    const id = await articleId(w, "writing/links");
    const text = await w.project.read("content/writing/links.md");
    await w.project.write("content/writing/links.md", text.replace(/^---\n/, "---\ntags: [Billing, Setup]\naudiences: [VIP customers]\n"));
    expect((await w.nextRun()).status).toBe("pushed");
    const first = w.project.takeWrites().map((write) => `${write.method} ${write.path}`);
    expect(first).toEqual([`POST /articles/${id}/tags`, "POST /tags", `POST /articles/${id}/tags`, `PUT /articles/${id}`]);

    const next = await w.project.read("content/writing/links.md");
    await w.project.write("content/writing/links.md", next.replace("Link notes to each other", "Link your notes to each other"));
    expect((await w.nextRun()).status).toBe("pushed");
    expect(w.project.takeWrites().map((write) => `${write.method} ${write.path}`)).toEqual([`PUT /articles/${id}`]);
  });

  it("takes an editor's save by rename (temp file renamed over the original) as one change", async () => {
    const w = await start();
    const file = path.join(w.project.dir, "content/writing/links.md");
    const text = await w.project.read("content/writing/links.md");
    const temp = path.join(w.project.dir, "content/writing/links.md.tmp~");
    await writeFile(temp, `${text.trimEnd()}\n\nOne more paragraph.\n`);
    await rename(temp, file);

    const run = await w.nextRun((r) => r.status === "pushed");
    expect(run.changes.map((change) => `${change.action} ${change.key}`)).toEqual(["update writing/links"]);
    expect(w.project.takeWrites().map((write) => write.method)).toEqual(["PUT"]);
    const id = await articleId(w, "writing/links");
    const stored = w.project.state().articles.find((article) => String(article.id) === id);
    expect(stored?.locales.en?.body).toContain("One more paragraph.");
  });

  it("reports a broken save with file:line:column, keeps watching, and pushes the next good save", async () => {
    const w = await start();
    const good = await w.project.read("content/welcome.md");
    await w.project.write("content/welcome.md", "---\ntitle: [unclosed\n---\nBody\n");
    const bad = await w.nextRun();
    expect(bad.status).toBe("invalid");
    const error = bad.diagnostics.find((d) => d.severity === "error");
    expect(error?.location.file).toBe("content/welcome.md");
    expect(error?.location.line).toBeGreaterThanOrEqual(1);
    expect(error?.location.column).toBeGreaterThanOrEqual(1);
    expect(w.project.takeWrites()).toEqual([]);

    await w.project.write("content/welcome.md", good.replace("Welcome to Lumen", "Welcome to Lumen!"));
    const fixed = await w.nextRun();
    expect(fixed.status).toBe("pushed");
    expect(fixed.counts.updated).toBe(1);
    expect(w.project.takeWrites()).toHaveLength(1);
  });

  it("creates a new folder's collection before the article in it", async () => {
    const w = await start();
    await mkdir(path.join(w.project.dir, "content/recipes"));
    await w.project.write("content/recipes/_collection.md", "---\nname: Recipes\n---\n");
    await w.project.write("content/recipes/daily-notes.md", "---\ntitle: Daily notes\n---\nOne note a day.\n");

    const run = await w.nextRun((r) => r.changes.some((change) => change.key === "recipes/daily-notes"));
    expect(run.status).toBe("pushed");
    // The folder and its files may arrive as one batch or two; either way the collection comes first.
    const changes = w.runs.slice(1).flatMap((r) => r.changes.map((change) => `${change.action} ${change.type} ${change.key}`));
    expect(changes).toEqual(["create collection recipes", "create article recipes/daily-notes"]);
    const writes = w.project.takeWrites();
    const order = writes.map((write) => write.path);
    expect(order.indexOf("/help_center/collections")).toBeLessThan(order.indexOf("/articles"));
    const collection = w.project.state().collections.find((c) => c.locales.en?.name === "Recipes");
    const article = w.project.state().articles.find((a) => a.locales.en?.title === "Daily notes");
    expect(article?.parentId).toBe(collection?.id);
  });

  it("unpublishes the article of a deleted file", async () => {
    const w = await start();
    const id = await articleId(w, "troubleshooting/sign-in");
    await w.project.remove("content/troubleshooting/sign-in.md");
    const run = await w.nextRun((r) => r.changes.some((change) => change.key === "troubleshooting/sign-in"));
    expect(run.counts.unpublished).toBe(1);
    const stored = w.project.state().articles.find((article) => String(article.id) === id);
    expect(Object.values(stored?.locales ?? {}).every((locale) => locale.state === "draft")).toBe(true);
  });

  it("lists Intercom again after a write that failed with not-found, and converges", async () => {
    const w = await start();
    w.project.emulator.failNext(1, 404);
    const text = await w.project.read("content/writing/markdown.md");
    await w.project.write("content/writing/markdown.md", `${text.trimEnd()}\n\nEdited once.\n`);
    const failed = await w.nextRun();
    expect(failed.status).toBe("failed");
    expect(failed.failures).toHaveLength(1);

    await w.project.write("content/writing/markdown.md", `${text.trimEnd()}\n\nEdited twice.\n`);
    const retried = await w.nextRun();
    expect(retried.remoteRefreshed).toBe(true);
    expect(retried.status).toBe("pushed");
    expect(retried.counts.updated).toBe(1);
  });

  it("refreshes from Intercom on demand and reports an edit made there", async () => {
    const w = await start();
    const id = await articleId(w, "welcome");
    w.project.emulator.editInEditor(id, "de", { title: "Willkommen!" });
    w.session.refresh();
    const run = await w.nextRun();
    expect(run).toMatchObject({ trigger: "refresh", remoteRefreshed: true });
    expect(run.changes).toEqual([expect.objectContaining({ key: "welcome", action: "drift", locales: ["de"] })]);
    expect(w.project.takeWrites()).toEqual([]);
  });
});

describe("closing a watch session", () => {
  it("stops a running push between requests, saves the lock, frees the folder, and the next session converges", async () => {
    let closeNow: (() => void) | null = null;
    // The session's project is a copy of the example project.
    const tree = await countTree(repositoryRoot);
    watched = await startWatchedProject({
      emulator: { latencyMs: 50 },
      watch: { onWrite: () => closeNow?.() },
    });
    const w = watched;
    const result = await new Promise<WatchCloseResult>((resolve) => {
      closeNow = () => {
        closeNow = null;
        void w.session.close().then(resolve);
      };
    });
    expect(result.interrupted).toBe(true);
    expect(w.runs[0]?.status).toBe("interrupted");
    const lock = await readLock(path.join(w.project.dir, "intercom-sync.lock.json"));
    const recorded = Object.keys(lock.collections).length + Object.keys(lock.articles).length;
    expect(recorded).toBeGreaterThan(0);
    expect(recorded).toBeLessThan(tree.collections + tree.articles);

    // A second session in the same folder can start (the run lock was released) and finishes the job.
    const again = await watchProject({ cwd: w.project.dir, env: w.project.env });
    try {
      await again.idle();
    } finally {
      await again.close();
    }
    const state = w.project.state();
    expect(state.articles).toHaveLength(tree.articles);
    expect(state.collections).toHaveLength(tree.collections);
  });
});
