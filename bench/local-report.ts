import { resourceUsage } from "node:process";
import type { PipelineSteps } from "./local-pipeline.js";

/** How often the RSS sampler looks, besides the kernel's own high-water mark. */
export const RSS_SAMPLE_INTERVAL_MS = 50;
const BYTES_PER_MB = 1024 * 1024;
const KB_PER_MB = 1024;

/** What one local pipeline run reports (from a child process or in-process). */
export interface LocalChildReport {
  files: number;
  errors: number;
  /** Files served by the render cache. */
  cacheHits: number;
  steps: PipelineSteps;
  totalMs: number;
  /** Peak resident set size of the process, MiB. */
  peakRssMb: number;
}

export interface RssSampler {
  /** Stops sampling; returns the peak RSS seen in MiB (the larger of samples and `maxRSS`). */
  stop(): number;
}

/**
 * Samples `process.memoryUsage.rss()` on a timer. The kernel's `maxRSS` is the authority for the
 * whole process; the samples cover platforms where it is not reported.
 */
export function startRssSampler(intervalMs = RSS_SAMPLE_INTERVAL_MS): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return Math.max(peak / BYTES_PER_MB, resourceUsage().maxRSS / KB_PER_MB);
    },
  };
}
