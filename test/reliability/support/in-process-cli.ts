/** Runs the command line in this process with captured output: for scenarios that need no kill. */
import { Writable } from "node:stream";
import { main } from "../../../src/cli/program.js";
import type { ChildResult } from "./child-cli.js";

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      append(chunk.toString("utf8"));
      callback();
    },
  });
}

/** `intercom-sync ...args` in `cwd` with `env`; resolves with the exit code and both outputs. */
export async function runInProcess(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "intercom-sync", ...args], {
    cwd: options.cwd,
    env: options.env,
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  });
  return { code, signal: null, stdout, stderr };
}
