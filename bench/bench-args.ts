export interface BenchArgs {
  json: boolean;
  quick: boolean;
}

/** Reads `--json` and `--quick`; anything else gives the usage message instead. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | string {
  const args: BenchArgs = { json: false, quick: false };
  for (const arg of argv) {
    if (arg === "--json") args.json = true;
    else if (arg === "--quick") args.quick = true;
    else return `Unknown option ${arg}. Usage: npm run bench [-- --json] [--quick]`;
  }
  return args;
}
