/** Runs the command line in this process with both outputs captured: what CLI-level tests share. */
import { Writable } from "node:stream";
import { main } from "../../src/cli/program.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * `intercom-sync ...args` in `cwd` with `env` (and nothing else of this process's environment;
 * colours off unless `env` sets NO_COLOR otherwise); resolves with the exit code and both outputs.
 */
export async function runCliInProcess(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const stdout = collect();
  const stderr = collect();
  const env = { NO_COLOR: "1", ...options.env };
  const code = await main(["node", "intercom-sync", ...args], { cwd: options.cwd, env, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
