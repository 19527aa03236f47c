import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadConfig } from "../config/load-config.js";
import { SyncError } from "../errors.js";
import { createBenchProject } from "./bench-project.js";
import { runLocalPipeline, type PipelineSteps } from "./local-pipeline.js";
import { startRssSampler, type LocalChildReport } from "./local-report.js";

const run = promisify(execFile);
/** Room for the child's one JSON line (and any warning Node prints). */
const CHILD_MAX_BUFFER = 16 * 1024 * 1024;
const MS_PER_SECOND = 1000;

export interface LocalResult {
  articles: number;
  /** Markdown files read (all locales). */
  files: number;
  bytes: number;
  steps: PipelineSteps;
  totalMs: number;
  filesPerSecond: number;
  /** Per step, files per second of that step alone. */
  stepFilesPerSecond: PipelineSteps;
  peakRssMb: number;
  /** True when measured in a child process of its own (the RSS is then this size's alone). */
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

async function measureInChild(script: string, dir: string): Promise<LocalChildReport> {
  const { stdout } = await run(process.execPath, [script, dir], { maxBuffer: CHILD_MAX_BUFFER });
  const line = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as LocalChildReport;
  } catch (error) {
    throw new SyncError("bench/child-output", `The local benchmark child printed no report: ${line.slice(0, 200)}`, { cause: error });
  }
}

async function measureInProcess(dir: string): Promise<LocalChildReport> {
  const config = await loadConfig({ cwd: dir, env: {} });
  const sampler = startRssSampler();
  const result = await runLocalPipeline(config);
  return { files: result.files, errors: result.errors, steps: result.steps, totalMs: result.totalMs, peakRssMb: sampler.stop() };
}

function perSecond(files: number, ms: number): number {
  return ms > 0 ? Math.round((files * MS_PER_SECOND) / ms) : 0;
}

/**
 * The local pipeline on a generated tree of `articles` articles x 5 locales: read, parse, render,
 * build and hash, timed per step, with the peak RSS of a child process that does only that.
 * @throws SyncError `bench/invalid-tree` when the generated tree does not validate.
 */
export async function measureLocal(articles: number, options: { isolate?: boolean } = {}): Promise<LocalResult> {
  const project = await createBenchProject(articles);
  try {
    const script = options.isolate === false ? null : await findChildScript();
    const report = script === null ? await measureInProcess(project.dir) : await measureInChild(script, project.dir);
    if (report.errors > 0) {
      throw new SyncError("bench/invalid-tree", `The generated tree of ${articles} articles has ${report.errors} error(s).`, {
        hint: "Run `intercom-sync check` on a generated tree to see them; the generator and the checker disagree.",
      });
    }
    const stepFilesPerSecond = Object.fromEntries(
      Object.entries(report.steps).map(([step, ms]) => [step, perSecond(report.files, ms)]),
    ) as unknown as PipelineSteps;
    return {
      articles,
      files: report.files,
      bytes: project.stats.bytes,
      steps: report.steps,
      totalMs: report.totalMs,
      filesPerSecond: perSecond(report.files, report.totalMs),
      stepFilesPerSecond,
      peakRssMb: report.peakRssMb,
      isolated: script !== null,
    };
  } finally {
    await project.remove();
  }
}
