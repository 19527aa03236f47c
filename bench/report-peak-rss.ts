/**
 * Preloaded into a measured process (`node --import`): at exit, writes its peak RSS as one JSON line
 * on stderr, so the benchmark can read what the process itself used.
 */
process.on("exit", () => {
  process.stderr.write(`\n${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
