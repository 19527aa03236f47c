/** Runs the command line in this process with captured output: for scenarios that need no kill. */
import { runCliInProcess } from "../../support/run-cli.js";
import type { ChildResult } from "./child-cli.js";

/** `intercom-sync ...args` in `cwd` with `env`; resolves with the exit code and both outputs. */
export async function runInProcess(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildResult> {
  return { ...(await runCliInProcess(args, options)), signal: null };
}
