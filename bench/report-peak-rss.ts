/**
 * Preloaded into a measured process (`node --import`): at exit, writes its peak RSS and the CPU it
 * used as one JSON line on stderr, so the benchmark can read what the process itself used.
 */
process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`\n${JSON.stringify({ peakRssMb: usage.maxRSS / 1024, cpuMs })}\n`);
});
