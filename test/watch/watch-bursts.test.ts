import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startWatchedProject, type WatchedProject } from "./session.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

const BURST_SIZE = 300;

let watched: WatchedProject | null = null;

afterEach(async () => {
  await watched?.close();
  watched = null;
});

function bulkArticle(index: number, edition: string): string {
  return `---\ntitle: Bulk article ${index}\n---\nThis is bulk article ${index}, ${edition}.\n`;
}

describe("watchProject under bursts", () => {
  // A first push of 300 articles, then 300 saves: longer than the default timeout on a busy machine.
  it(`turns ${BURST_SIZE} changed files (a checkout) into exactly one run`, { timeout: 90_000 }, async () => {
    watched = await startWatchedProject({
      // A wider quiet window than the default: the 300 saves must land inside it on a busy machine.
      watch: { debounceMs: 400 },
      setup: async (project) => {
        await mkdir(path.join(project.dir, "content/bulk"));
        await project.write("content/bulk/_collection.md", "---\nname: Bulk\n---\n");
        await Promise.all(Array.from({ length: BURST_SIZE }, (_, i) => project.write(`content/bulk/article-${i}.md`, bulkArticle(i, "first edition"))));
      },
    });
    const first = await watched.nextRun();
    expect(first.counts.created).toBeGreaterThanOrEqual(BURST_SIZE);
    await watched.settle();
    const before = watched.runs.length;

    await Promise.all(Array.from({ length: BURST_SIZE }, (_, i) => watched?.project.write(`content/bulk/article-${i}.md`, bulkArticle(i, "second edition"))));
    const run = await watched.nextRun();
    await watched.settle();

    expect(watched.runs.length).toBe(before + 1);
    expect(run.changedFiles).toHaveLength(BURST_SIZE);
    expect(run.counts.updated).toBe(BURST_SIZE);
    expect(run.rendered).toBe(BURST_SIZE);
  });

  it("makes exactly one more run for changes saved while a run is pushing", async () => {
    let onRunStart: ((index: number) => void) | null = null;
    // Latency keeps a run busy for a while; the saves below start as soon as it starts.
    watched = await startWatchedProject({ emulator: { latencyMs: 300 }, watch: { onRunStart: ({ index }) => onRunStart?.(index) } });
    const project = watched.project;
    await watched.nextRun();
    await watched.settle();
    const before = watched.runs.length;

    const welcome = await project.read("content/welcome.md");
    const install = await project.read("content/getting-started/install.md");
    const links = await project.read("content/writing/links.md");
    const savedDuringRun = new Promise<void>((resolve, reject) => {
      onRunStart = () => {
        onRunStart = null;
        Promise.all([
          project.write("content/getting-started/install.md", `${install.trimEnd()}\n\nEdited during a run.\n`),
          project.write("content/writing/links.md", `${links.trimEnd()}\n\nAlso edited during a run.\n`),
        ]).then(() => resolve(), reject);
      };
    });
    await project.write("content/welcome.md", welcome.replace("calm place", "calmer place"));
    await savedDuringRun;

    const during = await watched.nextRun();
    expect(during.changedFiles).toEqual(["content/welcome.md"]);
    const after = await watched.nextRun();
    expect(after.startedAt).toBeGreaterThanOrEqual(during.startedAt + during.durationMs);
    expect(after.changedFiles).toEqual(["content/getting-started/install.md", "content/writing/links.md"]);
    expect(after.counts.updated).toBe(2);
    await watched.settle();
    expect(watched.runs.length).toBe(before + 2);
  });

  it("picks up a folder moved into the tree with its files (collection and article)", async () => {
    watched = await startWatchedProject();
    await watched.nextRun();
    const outside = await createTempDir("watch-folder");
    try {
      await mkdir(path.join(outside, "guides"));
      await writeFile(path.join(outside, "guides/_collection.md"), "---\nname: Guides\n---\n");
      await writeFile(path.join(outside, "guides/first-steps.md"), "---\ntitle: First steps\n---\nStart here.\n");
      await cp(path.join(outside, "guides"), path.join(watched.project.dir, "content/guides"), { recursive: true });
    } finally {
      await removeTempDir(outside);
    }
    await watched.nextRun((r) => r.changes.some((change) => change.key === "guides/first-steps"));
    const state = watched.project.state();
    const collection = state.collections.find((c) => c.locales.en?.name === "Guides");
    expect(state.articles.find((a) => a.locales.en?.title === "First steps")?.parentId).toBe(collection?.id);
  });
});
