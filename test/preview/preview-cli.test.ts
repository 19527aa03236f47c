import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { visibleSourceText } from "../../src/preview/source-history.js";
import { repositoryRoot } from "../support/project.js";
import { runCliInProcess } from "../support/run-cli.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("intercom-sync preview", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await createTempDir("preview-cli");
    await cp(path.join(repositoryRoot, "content"), path.join(dir, "content"), { recursive: true });
    await cp(path.join(repositoryRoot, "locales"), path.join(dir, "locales"), { recursive: true });
    await writeFile(path.join(dir, "intercom-sync.config.json"), JSON.stringify({ locales: ["fr", "de"], assetBaseUrl: "https://assets.example/help/" }));
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it("--out writes the site as static files, with the images, and says how many", async () => {
    const run = await runCliInProcess(["preview", "--out", "site", "--title", "Lumen Help"], { cwd: dir, env: {} });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 47 pages and copied 1 file to site\.$/m);
    const home = await readFile(path.join(dir, "site/fr/index.html"), "utf8");
    expect(home).toContain('<html lang="fr" dir="ltr">');
    expect(home).toContain("<title>Français | Lumen Help</title>");
    expect(home).toContain('href="collections/getting-started.html"');
    await expect(readFile(path.join(dir, "site/files/content/getting-started/images/plan-output.png"))).resolves.toBeInstanceOf(Buffer);
  });

  it("refuses --out inside the content folder, writing nothing", async () => {
    const run = await runCliInProcess(["preview", "--out", "content/site"], { cwd: dir, env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--out content/site is inside content/: the written pages would become part of the help center's files.");
    await expect(readFile(path.join(dir, "content/site/index.html"))).rejects.toThrow();
  });

  it("says clearly when the port is in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const { port } = blocker.address() as { port: number };
    try {
      const run = await runCliInProcess(["preview", "--port", String(port)], { cwd: dir, env: {} });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).toContain("--port N");
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("rejects a port out of range", async () => {
    const run = await runCliInProcess(["preview", "--port", "70000"], { cwd: dir, env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--port must be a number from 0 to 65535");
  });
});

describe("intercom-sync preview --out in a project below the repository's root", () => {
  it("diffs an outdated translation against the committed source it was stamped with", async () => {
    const repo = await createTempDir("preview-repo");
    const git = (...args: string[]) => promisify(execFile)("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], { cwd: repo });
    try {
      const dir = path.join(repo, "help");
      await mkdir(path.join(dir, "content"), { recursive: true });
      await mkdir(path.join(dir, "locales/fr"), { recursive: true });
      await writeFile(path.join(dir, "intercom-sync.config.json"), "{}");
      const v1 = "---\ntitle: Export\n---\nExport your notes as PDF.\n";
      await writeFile(path.join(dir, "content/export.md"), v1);
      const { hash } = visibleSourceText(v1, "content/export.md", "content", "locales");
      await writeFile(path.join(dir, "locales/fr/export.md"), `---\ntitle: Exporter\nsource_hash: ${hash}\n---\nExportez vos notes en PDF.\n`);
      await git("init", "-q");
      await git("add", ".");
      await git("commit", "-qm", "v1");
      await writeFile(path.join(dir, "content/export.md"), "---\ntitle: Export\n---\nExport your notes as PDF or Markdown.\n");
      const run = await runCliInProcess(["preview", "--out", "../site"], { cwd: dir, env: {} });
      expect(run.code).toBe(0);
      const dashboard = await readFile(path.join(repo, "site/translations.html"), "utf8");
      expect(dashboard).toContain("Export your notes as PDF <ins>or Markdown</ins>.");
      expect(dashboard).toMatch(/Source text changed since commit [0-9a-f]{8} \(\d{4}-\d{2}-\d{2}\)/);
    } finally {
      await removeTempDir(repo);
    }
  });
});
