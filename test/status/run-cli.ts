import { runCliInProcess, type CliRun } from "../support/run-cli.js";

export type { CliRun };

/** Runs the CLI in-process with colours off; `args` come after the program name. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliInProcess(args, { cwd, env: { NO_COLOR: "1", ...env } });
}
