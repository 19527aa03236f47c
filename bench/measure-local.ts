import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadConfig } from "../src/config/load-config.js";
import { BenchError } from "./bench-error.js";
import { createBenchProject } from "./bench-project.js";
import { runLocalPipeline, type PipelineSteps } from "./local-pipeline.js";
import { startRssSampler, type LocalChildReport } from "./local-report.js";

const run = promisify(execFile);
/** Room for the child's one JSON line (and any warning Node prints). */
const CHILD_MAX_BUFFER = 16 * 1024 * 1024;
const MS_PER_SECOND = 1000;
/** The render cache's folder inside the generated project (removed with it). */
const CACHE_FOLDER = ".bench-cache";

/** One run of the local pipeline. */
export interface LocalRun {
  steps: PipelineSteps;
  totalMs: number;
  filesPerSecond: number;
  peakRssMb: number;
  /** Files served by the render cache. */
  cacheHits: number;
}

export interface LocalResult {
  articles: number;
  /** Markdown files read (all locales). */
  files: number;
  bytes: number;
  /** With an empty render cache (the run fills it): a first run, or CI without a restored cache. */
  cold: LocalRun;
  /** With the cache the cold run left: every later run on the same machine. */
  warm: LocalRun;
  /** True when measured in child processes of their own (the RSS is then each run's alone). */
  isolated: boolean;
}

/** The compiled child script, or null when running from TypeScript sources (tests). */
async function findChildScript(): Promise<string | null> {
  const url = new URL("./local-child.js", import.meta.url);
  try {
    await access(url);
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

async function measureInChild(script: string, dir: string, cacheDir: string): Promise<LocalChildReport> {
  const { stdout } = await run(process.execPath, [script, dir, cacheDir], { maxBuffer: CHILD_MAX_BUFFER });
  const line = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as LocalChildReport;
  } catch (error) {
    throw new BenchError("bench/child-output", `The local benchmark child printed no report: ${line.slice(0, 200)}`, { cause: error });
  }
}

async function measureInProcess(dir: string, cacheDir: string): Promise<LocalChildReport> {
  const config = await loadConfig({ cwd: dir, env: {} });
  const sampler = startRssSampler();
  const result = await runLocalPipeline(config, { cache: cacheDir });
  return { files: result.files, errors: result.errors, cacheHits: result.cacheHits, steps: result.steps, totalMs: result.totalMs, peakRssMb: sampler.stop() };
}

function perSecond(files: number, ms: number): number {
  return ms > 0 ? Math.round((files * MS_PER_SECOND) / ms) : 0;
}

function toRun(report: LocalChildReport): LocalRun {
  return { steps: report.steps, totalMs: report.totalMs, filesPerSecond: perSecond(report.files, report.totalMs), peakRssMb: report.peakRssMb, cacheHits: report.cacheHits };
}

/**
 * The local pipeline on a generated tree of `articles` articles x 5 locales, twice: cold (empty
 * render cache) then warm (the cache the cold run wrote), each timed per step, with the peak RSS
 * of a child process that does only that.
 * @throws BenchError `bench/invalid-tree` when the generated tree does not validate.
 */
export async function measureLocal(articles: number, options: { isolate?: boolean } = {}): Promise<LocalResult> {
  const project = await createBenchProject(articles);
  try {
    const cacheDir = path.join(project.dir, CACHE_FOLDER);
    const script = options.isolate === false ? null : await findChildScript();
    const measure = (): Promise<LocalChildReport> => (script === null ? measureInProcess(project.dir, cacheDir) : measureInChild(script, project.dir, cacheDir));
    const cold = await measure();
    const warm = await measure();
    if (cold.errors > 0) {
      throw new BenchError("bench/invalid-tree", `The generated tree of ${articles} articles has ${cold.errors} error(s).`, {
        hint: "Run `intercom-sync check` on a generated tree to see them; the generator and the checker disagree.",
      });
    }
    return { articles, files: cold.files, bytes: project.stats.bytes, cold: toRun(cold), warm: toRun(warm), isolated: script !== null };
  } finally {
    await project.remove();
  }
}
