import { afterEach, describe, expect, it } from "vitest";
import { startWatchedProject, type WatchedProject } from "./session.js";

const CONFIG_FILE = "intercom-sync.config.json";

const baseConfig = {
  sourceLocale: "en",
  locales: ["fr", "de"],
  defaultState: "published",
  assetBaseUrl: "https://assets.lumen-notes.example/help/",
  onDelete: "unpublish",
};

let watched: WatchedProject | null = null;

afterEach(async () => {
  await watched?.close();
  watched = null;
});

describe("watchProject and the config", () => {
  it("reloads a changed config and pushes what it changes", async () => {
    watched = await startWatchedProject({ config: baseConfig });
    await watched.nextRun();
    watched.project.takeWrites();

    await watched.project.write(CONFIG_FILE, JSON.stringify({ ...baseConfig, assetBaseUrl: "https://cdn.lumen-notes.example/" }, null, 2));
    // A save may be seen half-written first (an empty file); the run that counts is the reload.
    const run = await watched.nextRun((r) => r.config === "reloaded");

    expect(run.status).toBe("pushed");
    expect(run.remoteRefreshed).toBe(true);
    // Only the articles with images change: their image URLs now start with the new base.
    expect(run.counts.updated).toBeGreaterThan(0);
    const bodies = watched.project.state().articles.flatMap((article) => Object.values(article.locales).map((locale) => locale.body));
    expect(bodies.some((body) => body.includes("https://cdn.lumen-notes.example/"))).toBe(true);
    expect(bodies.some((body) => body.includes("https://assets.lumen-notes.example/"))).toBe(false);
  });

  it("keeps the previous config when the new one is broken, says why, and keeps syncing", async () => {
    watched = await startWatchedProject({ config: baseConfig });
    await watched.nextRun();
    watched.project.takeWrites();

    await watched.project.write(CONFIG_FILE, "{ \"sourceLocale\": ");
    const broken = await watched.nextRun();
    expect(broken.config).toBe("failed");
    expect(broken.status).toBe("failed");
    expect(broken.error?.message).toMatch(/not reloaded/);
    expect(broken.error?.message).toMatch(/previous config stays in force/);
    expect(watched.project.takeWrites()).toEqual([]);

    await watched.project.write(CONFIG_FILE, JSON.stringify({ ...baseConfig, onDelete: "sometimes" }));
    const invalid = await watched.nextRun((r) => r.diagnostics.length > 0);
    expect(invalid.config).toBe("failed");
    expect(invalid.diagnostics.some((d) => d.message.includes("onDelete"))).toBe(true);

    const text = await watched.project.read("content/welcome.md");
    await watched.project.write("content/welcome.md", text.replace("calm place", "calmer place"));
    const content = await watched.nextRun((r) => r.changedFiles.includes("content/welcome.md"));
    expect(content.config).toBeUndefined();
    expect(content.status).toBe("pushed");
    expect(content.counts.updated).toBe(1);
  });
});
