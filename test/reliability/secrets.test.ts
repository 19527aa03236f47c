import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator.js";
import { builtCli } from "../support/built-cli.js";
import { runCli, type ChildResult } from "../support/child-cli.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

/** The token every run uses; no byte the tool produces may contain it, or a telling piece of it. */
const SENTINEL = `sk-SENTINEL-${randomBytes(24).toString("hex")}`;
const SENTINEL_PIECE = SENTINEL.slice(20, 40);

const cli = builtCli();
let project: TestProject;
let summaryDir: string;
let refusing: TestEmulator;
let echo: Server;
let echoUrl: string;
const outputs: { name: string; result: ChildResult }[] = [];

/** A hostile server: every answer quotes the request back, its Authorization header included. */
function startEchoServer(status: number): Promise<Server> {
  const server = createServer((req, res) => {
    const quoted = `${req.method} ${req.url} Authorization: ${req.headers.authorization ?? ""}`;
    const body = JSON.stringify({ type: "error.list", request_id: req.headers.authorization, errors: [{ code: "bad_request", message: quoted, field: quoted }] });
    res.writeHead(status, { "content-type": "application/json", "x-request-id": String(req.headers.authorization) });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function envFor(apiUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    INTERCOM_API_URL: apiUrl,
    INTERCOM_ACCESS_TOKEN: SENTINEL,
    NO_COLOR: "1",
    GITHUB_ACTIONS: "true",
    GITHUB_STEP_SUMMARY: path.join(summaryDir, "summary.md"),
  };
}

async function record(name: string, args: string[], apiUrl = project.emulator.url): Promise<ChildResult> {
  const result = await runCli(cli, args, { cwd: project.dir, env: envFor(apiUrl) });
  outputs.push({ name, result });
  return result;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  summaryDir = await createTempDir("summary");
  [project, refusing, echo] = await Promise.all([
    createTestProject({ tree: { generate: { seed: 5, articles: 12, locales: ["fr"] } }, token: SENTINEL }),
    startTestEmulator({ tokens: ["another-token"] }),
    startEchoServer(400),
  ]);
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await project?.close();
  await refusing?.close();
  await new Promise<void>((resolve) => (echo ? echo.close(() => resolve()) : resolve()));
  await removeTempDir(summaryDir);
});

describe("the access token", () => {
  it("never appears in anything the tool prints or writes, whatever the command or failure", async () => {
    expect((await record("check", ["check"])).code).toBe(0);
    expect((await record("plan --out", ["plan", "--out", "plan.json", "--verbose"])).code).toBe(0);
    expect((await record("plan --json", ["--json", "plan", "--verbose"])).code).toBe(0);
    const verbose = await record("push --verbose", ["--verbose", "push"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/GET \/help_center\/collections\?page=1&per_page=\d+ 200/);
    expect((await record("push --json", ["--json", "push"])).code).toBe(0);
    const refused = await record("401", ["--verbose", "push"], refusing.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The access token was refused (401)");
    const echoed = await record("400 echoing the request", ["--verbose", "push"], echoUrl);
    expect(echoed.code).toBe(1);
    expect(echoed.stderr).toMatch(/rejected GET .* with 400/);
    expect((await record("400 echoed, --json", ["--json", "--verbose", "plan"], echoUrl)).code).toBe(1);
    expect((await record("no server", ["--verbose", "push"], "http://127.0.0.1:9"))).toMatchObject({ code: 1 });

    const files = [...(await listFiles(project.dir)), ...(await listFiles(summaryDir))];
    expect(files.some((file) => file.endsWith("plan.json"))).toBe(true);
    expect(files.some((file) => file.endsWith("intercom-sync.lock.json"))).toBe(true);
    expect(files.some((file) => file.endsWith("summary.md"))).toBe(true);
    const leaks: string[] = [];
    for (const { name, result } of outputs) {
      for (const [stream, text] of [["stdout", result.stdout], ["stderr", result.stderr]] as const) {
        if (text.includes(SENTINEL_PIECE)) leaks.push(`${name} ${stream}`);
      }
    }
    for (const file of files) {
      if ((await readFile(file)).includes(SENTINEL_PIECE)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
    // The redaction is what kept the echo out, not a missing echo.
    expect(outputs.find((o) => o.name === "400 echoing the request")?.result.stderr).toContain("Authorization: Bearer ***");
  }, 120_000);
});
