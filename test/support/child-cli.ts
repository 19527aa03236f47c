/** Runs the built CLI as a child process, so it can be killed, interrupted or raced for real. */
import { spawn, type ChildProcess } from "node:child_process";

export interface ChildResult {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ChildCli {
  child: ChildProcess;
  /** Resolves when the process has exited and its output is closed. */
  done: Promise<ChildResult>;
}

/** Starts `node cli.js ...args` in `cwd` with exactly `env` (plus nothing inherited). */
export function spawnCli(cli: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildCli {
  const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the CLI to completion. */
export function runCli(cli: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildResult> {
  return spawnCli(cli, args, options).done;
}
