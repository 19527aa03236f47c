import { readFile, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emulatorOptionsFromFlags } from "../../src/cli/commands/emulator.js";
import { countTree } from "../support/count-tree.js";
import { createTestProject, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

describe("check", () => {
  it("passes on the example project and reports the counts", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    const run = await project.cli("check");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Checked ${tree.files} files: ${tree.collections} collections, ${tree.articles} articles, ${tree.translations} translations in ${tree.locales} locales.`,
    );
    expect(run.stdout).toContain("No problems found.");
  });

  it("exits 1 naming file and line, with GitHub annotations under Actions", async () => {
    project = await createTestProject({ extraEnv: { GITHUB_ACTIONS: "true" } });
    await project.write("content/writing/broken.md", "---\ntitle: Broken\nstate: publish\n---\nSee [nowhere](nowhere.md).\n");
    const run = await project.cli("check");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("content/writing/broken.md");
    expect(run.stdout).toMatch(/did you mean "published"/i);
    expect(run.stdout).toMatch(/::error file=content\/writing\/broken\.md,line=5/);
  });

  it("prints one JSON document with --json", async () => {
    project = await createTestProject();
    await project.write("content/writing/odd.md", "---\ntitle: Odd\ntitel: typo\n---\nText.\n");
    const run = await project.cli("check", "--json");
    const report = JSON.parse(run.stdout) as { ok: boolean; warnings: number; diagnostics: { code: string; file: string; line?: number }[] };
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "frontmatter/unknown-key", file: "content/writing/odd.md", line: 3 }));
  });
});

describe("plan", () => {
  it("exits 2 with --detailed-exitcode while changes are pending, 0 once pushed", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    const pending = await project.cli("plan", "--detailed-exitcode");
    expect(pending.code).toBe(2);
    expect(pending.stdout).toContain("+ article welcome");
    expect(pending.stdout).toContain(`Plan: ${tree.collections + tree.articles} to create,`);
    expect(project.takeWrites()).toEqual([]);
    await project.cli("push");
    const settled = await project.cli("plan", "--detailed-exitcode");
    expect(settled.code).toBe(0);
    expect(settled.stdout).toContain("No changes.");
  });

  it("writes the plan as JSON with --out and to the step summary under GitHub Actions", async () => {
    const summary = path.join(await import("node:os").then((os) => os.tmpdir()), `summary-${process.pid}-${Date.now()}.md`);
    await writeFile(summary, "");
    project = await createTestProject({ extraEnv: { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary } });
    const tree = await countTree(project.dir);
    const run = await project.cli("plan", "--out", "plan.json");
    expect(run.code).toBe(0);
    const plan = JSON.parse(await project.read("plan.json")) as { summary: { create: number } };
    expect(plan.summary.create).toBe(tree.collections + tree.articles);
    expect(await readFile(summary, "utf8")).toContain("welcome");
  });
});

describe("push", () => {
  it("writes nothing with --dry-run", async () => {
    project = await createTestProject();
    const run = await project.cli("push", "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Dry run: nothing was sent to Intercom.");
    expect(project.takeWrites()).toEqual([]);
  });

  it("prints the result as JSON with --json", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    const run = await project.cli("push", "--json");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { result: { counts: { created: number }; ok: boolean } };
    expect(output.result.ok).toBe(true);
    expect(output.result.counts.created).toBe(tree.collections + tree.articles);
  });

  it("reports the requests it made and what finding lost creates cost, in the summary and with --json", async () => {
    project = await createTestProject();
    // The first two writes are collection creates: applied, their responses lost.
    project.emulator.dropNextWrites(2);
    const run = await project.cli("push", "--json");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as {
      requests: { total: number; retries: number };
      result: { recovery: { lost: number; found: number; resent: number; requests: number; looks: number } };
    };
    expect(output.result.recovery).toMatchObject({ lost: 2, found: 2, resent: 0 });
    expect(output.result.recovery.requests).toBeGreaterThan(0);
    expect(output.requests.total).toBe(project.emulator.requests.length);
    expect(project.state().collections).toHaveLength(4);

    project.emulator.dropNextWrites(1);
    await project.write("content/writing/late.md", "---\ntitle: Late\n---\nAdded later.\n");
    const human = await project.cli("push");
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Requests: \d+ \(0 retries, 1 to find 1 create whose response was lost \(1 found, 0 sent again\)\)\./);
  });

  it("announces a wait longer than a second on stderr without --verbose, saying what it waits for", async () => {
    // Intercom's clock 1.5 s ahead of this one: a spent window resets between 1.5 and 2.5 s from now.
    project = await createTestProject({ emulator: { clock: () => Date.now() + 1_500, rateLimit: { limit: 100_000, windowMs: 1_000 } } });
    project.emulator.failNext(1, 429);
    const run = await project.cli("push");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Waiting [12]\.\d s for the rate limit to reset\.$/m);
    expect(run.stderr.match(/^Waiting /gm)).toHaveLength(1);
  });

  it("fails on a host that refuses every connection with the network error, after a few short retries", async () => {
    project = await createTestProject();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    project.env.INTERCOM_API_URL = `http://127.0.0.1:${port}`;
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failed before Intercom answered \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
    // Only a wait over a second is announced, and each names the refused connection.
    for (const line of run.stderr.split("\n").filter((l) => l.startsWith("Waiting "))) {
      expect(line).toMatch(/^Waiting [12]\.\d s before retry 4 of 4 of GET \S+: connection refused\.$/);
    }
  });

  it("refuses to write anything when one file is broken", async () => {
    project = await createTestProject();
    await project.write("locales/fr/writing/links.md", "---\ntitle: [unclosed\n---\nx\n");
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("locales/fr/writing/links.md");
    expect(run.stderr).toContain("nothing was sent to Intercom");
    expect(project.takeWrites()).toEqual([]);
  });

  it("explains a missing token", async () => {
    project = await createTestProject();
    delete project.env.INTERCOM_ACCESS_TOKEN;
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("INTERCOM_ACCESS_TOKEN is not set");
  });

  it("refuses a plain http:// API URL that is not loopback", async () => {
    project = await createTestProject();
    project.env.INTERCOM_API_URL = "http://api.example.com";
    const run = await project.cli("plan");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/http:\/\//);
  });

  it("stops before any write when a locale is not enabled on the help center", async () => {
    project = await createTestProject({ emulator: { seed: { locales: ["en", "fr"] } } });
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/Locale "de" is not enabled/);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("emulator flags", () => {
  it("map onto emulator options", () => {
    const options = emulatorOptionsFromFlags({ port: "0", rateLimit: "100", rateWindowMs: "1000", errorRate: "0.1", latencyMs: "5-20", dropRate: "0.05", locales: "en,fr" });
    expect(options).toMatchObject({
      port: 0,
      rateLimit: { limit: 100, windowMs: 1000 },
      errorRate: 0.1,
      latencyMs: [5, 20],
      dropAfterWriteRate: 0.05,
      seed: { locales: ["en", "fr"] },
    });
    expect(() => emulatorOptionsFromFlags({ port: "x" })).toThrow(/--port/);
  });
});
