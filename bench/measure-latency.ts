/**
 * First pushes against an emulator that answers slowly, as Intercom does (100-500 ms a request),
 * under a rate limit at Intercom's rate: how much of the allowed rate the push uses while it
 * writes, and how many requests are answered 429. Then the CPU a first push of 100 articles x 2
 * locales costs the CLI process itself (the emulator answers from a thread of the benchmark).
 */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createBenchProject } from "./bench-project.js";
import { BenchError } from "./bench-error.js";
import { measureStep, SCALED_RATE_LIMIT, type StartEmulator } from "./measure-push.js";
import type { StartupScripts } from "./measure-startup.js";
import { startBenchEmulator } from "./emulator-thread.js";

export interface LatencyPush {
  latencyMs: number;
  articles: number;
  requests: number;
  writes: number;
  rateLimited: number;
  wallMs: number;
  /** Writes per second between the first and the last answered write, over the allowed rate. */
  rateUtilisation: number;
}

export interface FirstPushCpu {
  articles: number;
  locales: number;
  requests: number;
  /** User + system CPU of the CLI process, start-up included. */
  cpuMs: number;
  wallMs: number;
}

const TOKEN = "bench-token";
const MS_PER_SECOND = 1000;

/** One first push of `articles` x 5 locales into an empty emulator answering in `latencyMs`. */
async function pushAtLatency(articles: number, latencyMs: number, startEmulator: StartEmulator): Promise<LatencyPush> {
  const project = await createBenchProject(articles);
  const emulator = await startEmulator({ rateLimit: { ...SCALED_RATE_LIMIT }, latencyMs });
  try {
    const env = { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_SYNC_CACHE_DIR: `${project.dir}/.bench-cache` };
    const allowed = (SCALED_RATE_LIMIT.limit * MS_PER_SECOND) / SCALED_RATE_LIMIT.windowMs;
    const step = await measureStep(project.dir, env, allowed);
    if (step.run.result?.ok !== true) throw new BenchError("bench/push-failed", `A push at ${latencyMs} ms latency did not succeed.`);
    return { latencyMs, articles, requests: step.requests, writes: step.writes, rateLimited: step.rateLimited, wallMs: step.wallMs, rateUtilisation: step.rateUtilisation };
  } finally {
    await emulator.close();
    await project.remove();
  }
}

/** First pushes at each latency; `articles` x 5 locales each time. */
export async function measureLatencyPushes(articles: number, latencies: readonly number[], startEmulator: StartEmulator = startBenchEmulator): Promise<LatencyPush[]> {
  const results: LatencyPush[] = [];
  for (const latencyMs of latencies) results.push(await pushAtLatency(articles, latencyMs, startEmulator));
  return results;
}

/** The CLI's CPU for a first push of `articles` x 2 locales, measured in a child process. */
export async function measureFirstPushCpu(articles: number, scripts: StartupScripts = {}, startEmulator: StartEmulator = startBenchEmulator): Promise<FirstPushCpu> {
  const cli = scripts.cli ?? fileURLToPath(new URL("../../dist/bin/intercom-sync.js", import.meta.url));
  const reportRss = scripts.reportRss ?? fileURLToPath(new URL("./report-peak-rss.js", import.meta.url));
  const project = await createBenchProject(articles, undefined, ["fr"]);
  const emulator = await startEmulator({});
  try {
    const env = { PATH: process.env.PATH, INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_SYNC_CACHE_DIR: `${project.dir}/.bench-cache`, NO_COLOR: "1" };
    const started = performance.now();
    // Not spawnSync: it would block the event loop the emulator answers on when it shares this thread.
    const child = await new Promise<{ status: number | null; stderr: string; stdout: string }>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", pathToFileURL(reportRss).href, cli, "push", "--json"], { cwd: project.dir, env });
      let stdout = "";
      let stderr = "";
      proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      proc.on("error", reject);
      proc.on("close", (status) => resolve({ status, stdout, stderr }));
    });
    const wallMs = performance.now() - started;
    if (child.status !== 0) throw new BenchError("bench/push-failed", `The first push of ${articles} x 2 exited ${child.status}: ${child.stderr.slice(-500)}`);
    const usage = JSON.parse(child.stderr.trim().split("\n").pop() ?? "{}") as { cpuMs: number };
    const report = JSON.parse(child.stdout) as { requests?: { total?: number } };
    return { articles, locales: 2, requests: report.requests?.total ?? 0, cpuMs: usage.cpuMs, wallMs };
  } finally {
    await emulator.close();
    await project.remove();
  }
}

