import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { hasScript, runCliOnPty } from "../support/pty-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const QUESTION = "Translation locales, comma-separated (fr,de,pt-BR; empty for none): ";
const dir = useTempDir("init-tty");
const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" };

function initOnPty(type: string) {
  return runCliOnPty(builtCli(), ["init"], { cwd: dir(), env, answer: { after: QUESTION, type } });
}

describe.runIf(hasScript())("init on a terminal", () => {
  it("asks for the locales and writes their translations", async () => {
    const run = await initOnPty("fr,de\r");
    expect(run.output).toContain(QUESTION);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dir(), "locales")).sort()).toEqual(["de", "fr"]);
    expect(existsSync(path.join(dir(), "locales/fr/getting-started/welcome.md"))).toBe(true);
  });

  it("writes no translations for an empty answer", async () => {
    const run = await initOnPty("\r");
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir(), "content/getting-started/welcome.md"))).toBe(true);
    expect(existsSync(path.join(dir(), "locales"))).toBe(false);
  });

  it("refuses an unknown code and writes nothing", async () => {
    const run = await initOnPty("fr,xx\r");
    expect(run.code).toBe(1);
    expect(run.output).toContain('"xx" is not an Intercom locale code; nothing was written.');
    expect(readdirSync(dir())).toEqual([]);
  });

  it.each([
    ["Ctrl-D", "\u0004"],
    ["Ctrl-C", "\u0003"],
  ])("takes %s at the question as cancelled: exit 1, nothing written, no crash", async (_name, key) => {
    const run = await initOnPty(key);
    expect(run.code).toBe(1);
    expect(run.output).toContain("Init cancelled; nothing was written.");
    expect(run.output).not.toContain("This is a bug");
    expect(readdirSync(dir())).toEqual([]);
  });
});

describe("init without a terminal", () => {
  it("never asks: with stdin left open it still finishes, with no translations", async () => {
    const child = spawn(process.execPath, [builtCli(), "init"], { cwd: dir(), env, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(0);
    expect(output).not.toContain(QUESTION);
    expect(existsSync(path.join(dir(), "intercom-sync.config.ts"))).toBe(true);
    expect(existsSync(path.join(dir(), "locales"))).toBe(false);
  });
});
