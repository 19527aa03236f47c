import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorOptionsFromFlags } from "../../src/cli/commands/emulator.js";
import { repositoryRoot } from "../support/project.js";
import { runCliInProcess } from "../support/run-cli.js";

const help = async (...args: string[]): Promise<string> => {
  const run = await runCliInProcess([...args, "--help"], { cwd: repositoryRoot });
  expect(run.code).toBe(0);
  return run.stdout;
};

describe("--help", () => {
  it.each([
    ["check", ["--strict"], ["INTERCOM_SYNC_CACHE_DIR", "GITHUB_ACTIONS"]],
    ["plan", ["--out <file>", "--detailed-exitcode"], ["INTERCOM_ACCESS_TOKEN", "INTERCOM_API_URL", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT"]],
    ["push", ["--dry-run", "--force", "--stage"], ["INTERCOM_ACCESS_TOKEN", "INTERCOM_API_URL", "GITHUB_OUTPUT"]],
    ["pull", ["--force"], ["INTERCOM_ACCESS_TOKEN", "INTERCOM_API_URL"]],
    ["publish", ["--locale <code>", "--dry-run"], ["INTERCOM_ACCESS_TOKEN"]],
    ["stamp", ["--outdated"], ["NO_COLOR"]],
    ["init", ["--locales <codes>", "--yes"], ["NO_COLOR"]],
    ["emulator", ["--port <n>", "--token <token>"], ["NO_COLOR"]],
    ["preview", ["--port <n>", "--out <dir>", "--host <host>"], ["INTERCOM_SYNC_CACHE_DIR"]],
  ])("of %s shows its flags, the global flags and the environment it reads", async (command, flags, variables) => {
    const text = await help(command);
    for (const flag of flags) expect(text).toContain(flag);
    expect(text).toContain("Global Options:");
    for (const global of ["--config <file>", "--json", "--verbose", "--quiet"]) expect(text).toContain(global);
    expect(text).toContain("Environment:");
    for (const variable of variables) expect(text).toContain(variable);
  });

  it("does not call pull read-only: it writes files", async () => {
    const text = await help("pull");
    expect(text).not.toContain("read only");
    expect(text).toContain("writes local files");
  });

  it("lists init among the commands", async () => {
    expect(await help()).toMatch(/\n {2}init \[options\]/);
  });
});

describe("-V and --version", () => {
  it("print the package's version", async () => {
    const { version } = JSON.parse(await readFile(path.join(repositoryRoot, "package.json"), "utf8")) as { version: string };
    for (const flag of ["-V", "--version"]) {
      const run = await runCliInProcess([flag], { cwd: repositoryRoot });
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(version);
    }
  });
});

describe("emulator --token", () => {
  it("makes the emulator accept that token only", () => {
    expect(emulatorOptionsFromFlags({ port: "0", token: "s3cret" }).tokens).toEqual(["s3cret"]);
    expect(emulatorOptionsFromFlags({ port: "0" }).tokens).toBeUndefined();
  });
});
