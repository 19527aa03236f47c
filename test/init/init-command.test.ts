import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { StatusReport } from "../../src/status/types.js";
import { startTestEmulator, TEST_TOKEN } from "../support/emulator.js";
import { runCliInProcess } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const dir = useTempDir("init");
const read = (file: string): Promise<string> => readFile(path.join(dir(), file), "utf8");

describe("init", () => {
  it("scaffolds an empty folder into a project that checks, plans and pushes", async () => {
    const run = await runCliInProcess(["init", "--locales", "fr,ja"], { cwd: dir() });
    expect(run.code).toBe(0);
    for (const file of [
      "intercom-sync.config.ts",
      "content/getting-started/_collection.md",
      "content/getting-started/welcome.md",
      "locales/fr/getting-started/_collection.md",
      "locales/fr/getting-started/welcome.md",
      "locales/ja/getting-started/welcome.md",
      ".github/workflows/intercom-sync.yml",
      ".gitignore",
    ]) {
      expect(run.stdout).toContain(`+ ${file}`);
    }
    expect(run.stdout).toContain("export INTERCOM_ACCESS_TOKEN=");
    expect(run.stdout).toContain("npx intercom-sync check");
    expect(run.stdout).toContain("npx intercom-sync pull");
    expect(await read("intercom-sync.config.ts")).toContain('locales: ["fr", "ja"],');
    expect(await read(".gitignore")).toContain(".intercom-sync-cache/\n");

    expect((await runCliInProcess(["check", "--strict"], { cwd: dir() })).code).toBe(0);
    // French is translated (stamped, up to date); Japanese is the English text waiting for a translator.
    const status = JSON.parse((await runCliInProcess(["status", "--json"], { cwd: dir() })).stdout) as StatusReport;
    expect(status.locales.map(({ locale, upToDate, unstamped }) => ({ locale, upToDate, unstamped }))).toEqual([
      { locale: "fr", upToDate: 1, unstamped: 0 },
      { locale: "ja", upToDate: 0, unstamped: 1 },
    ]);

    const emulator = await startTestEmulator();
    try {
      const env = { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TEST_TOKEN, INTERCOM_SYNC_CACHE_DIR: path.join(dir(), ".cache") };
      const plan = await runCliInProcess(["plan"], { cwd: dir(), env });
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain("getting-started/welcome");
      const push = await runCliInProcess(["push"], { cwd: dir(), env });
      expect(push.code, push.stderr).toBe(0);
      const { articles, collections } = emulator.state.dump();
      expect(articles.map((article) => Object.keys(article.locales).sort())).toEqual([["en", "fr", "ja"]]);
      expect(articles[0]?.locales.fr?.title).toBe("Bienvenue");
      expect(collections).toHaveLength(1);
      expect(JSON.parse(await read("intercom-sync.lock.json"))).toBeTruthy();
    } finally {
      await emulator.close();
    }
  });

  it("writes a workflow that checks and plans pull requests and pushes the default branch with the shipped action", async () => {
    await runCliInProcess(["init", "--yes"], { cwd: dir() });
    const workflow = parse(await read(".github/workflows/intercom-sync.yml")) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if: string; steps: { uses?: string; with?: { command?: string }; run?: string }[] }>;
    };
    expect(Object.keys(workflow.on)).toContain("pull_request");
    const commands = (job: string): (string | undefined)[] =>
      (workflow.jobs[job]?.steps ?? []).filter((step) => step.uses === "./node_modules/intercom-sync").map((step) => step.with?.command);
    expect(commands("plan")).toEqual(["check", "plan"]);
    expect(commands("push")).toEqual(["push"]);
    expect(workflow.jobs.push?.if).toContain("github.event.repository.default_branch");
    expect(workflow.jobs.push?.steps.at(-1)?.run).toContain("git add intercom-sync.lock.json");
    expect(await read("intercom-sync.config.ts")).toContain('// locales: ["fr", "de"],');
  });

  it("never overwrites: an existing project keeps its files, and gets only what is missing", async () => {
    await mkdir(path.join(dir(), "content"), { recursive: true });
    await writeFile(path.join(dir(), "intercom-sync.config.json"), '{ "sourceLocale": "en" }\n');
    await writeFile(path.join(dir(), "content/mine.md"), "---\ntitle: Mine\n---\nMy text.\n");
    await writeFile(path.join(dir(), ".gitignore"), "node_modules/\n.intercom-sync-cache/");
    const run = await runCliInProcess(["init", "--locales", "de"], { cwd: dir() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("= intercom-sync.config.json (exists, kept)");
    expect(run.stdout).toContain("+ .github/workflows/intercom-sync.yml");
    // No sample beside existing articles, and no translation of a sample that is not there.
    expect(run.stdout).not.toContain("welcome.md");
    expect(await read("intercom-sync.config.json")).toBe('{ "sourceLocale": "en" }\n');
    expect(await read(".gitignore")).toBe("node_modules/\n.intercom-sync-cache/\n\n# intercom-sync: the render cache CI keeps between runs, and the lock of a run in progress\nintercom-sync.lock.json.pid\n");

    const again = await runCliInProcess(["init", "--locales", "de"], { cwd: dir() });
    expect(again.stdout).toContain("Wrote 0 files");
  });

  it("puts the sample where an existing config says the content and translations are", async () => {
    await writeFile(path.join(dir(), "intercom-sync.config.json"), '{ "contentDir": "docs", "localesDir": "i18n" }\n');
    const run = await runCliInProcess(["init", "--locales", "fr"], { cwd: dir() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("+ docs/getting-started/welcome.md");
    expect(run.stdout).toContain("+ i18n/fr/getting-started/welcome.md");
    expect((await runCliInProcess(["check", "--strict"], { cwd: dir() })).code).toBe(0);
  });

  it("refuses a locale code Intercom does not have, writing nothing", async () => {
    const run = await runCliInProcess(["init", "--locales", "fr,pt_BR"], { cwd: dir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Did you mean pt-BR?");
    expect((await runCliInProcess(["status"], { cwd: dir() })).code).toBe(1);
    await expect(read("intercom-sync.config.ts")).rejects.toThrow();
  });

  it("refuses a path taken by a folder where a file goes, writing nothing", async () => {
    await mkdir(path.join(dir(), ".github/workflows/intercom-sync.yml"), { recursive: true });
    const run = await runCliInProcess(["init"], { cwd: dir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(".github/workflows/intercom-sync.yml exists and is not a file");
    await expect(read("intercom-sync.config.ts")).rejects.toThrow();
  });
});

describe("status in a folder that is not a project", () => {
  it("fails with a hint to run init", async () => {
    const run = await runCliInProcess(["status"], { cwd: dir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("There is no content folder (content) here");
    expect(run.stderr).toContain("intercom-sync init");
  });
});
