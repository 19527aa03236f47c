/**
 * Preloaded into a measured process (`node --import`): at exit, writes its peak RSS and the CPU it
 * used as one JSON line on stderr, so the benchmark can read what the process itself used.
 *
 * On Linux the peak comes from /proc/self/status (VmHWM): `getrusage`'s ru_maxrss survives
 * fork and exec, so a child started by a large benchmark process would report the parent's peak.
 */
import { readFileSync } from "node:fs";

function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match !== null) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`\n${JSON.stringify({ peakRssMb: peakRssMb(), cpuMs })}\n`);
});
