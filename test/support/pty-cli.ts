/**
 * Runs the built CLI on a pseudo-terminal, as a person at a terminal would: util-linux `script`
 * gives the child a pty (stdin and stdout are TTYs), and what is written to `script`'s stdin is
 * typed into it. No native module is needed.
 */
import { spawn, spawnSync } from "node:child_process";

export interface PtyResult {
  code: number | null;
  /** Everything the terminal showed (stdout and stderr together, typed input echoed). */
  output: string;
}

/** True when `script` from util-linux is on the PATH. */
export function hasScript(): boolean {
  return spawnSync("script", ["--version"], { encoding: "utf8" }).stdout?.includes("util-linux") === true;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

export interface PtyOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Typed once the terminal shows `answer.after` (a question), as a person would answer it. */
  answer?: { after: string; type: string };
}

/** `node cli.js ...args` on a pty in `cwd` with `env`, answering a question if told to. */
export function runCliOnPty(cli: string, args: readonly string[], options: PtyOptions): Promise<PtyResult> {
  const command = [process.execPath, cli, ...args].map(shellQuote).join(" ");
  // -q: no banner; -f: flush as written; -e: exit with the child's code; -c: run this command.
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: options.cwd, env: { TERM: "xterm", ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  let answered = false;
  const onData = (chunk: string): void => {
    output += chunk;
    if (!answered && options.answer !== undefined && output.includes(options.answer.after)) {
      answered = true;
      child.stdin.write(options.answer.type);
    }
  };
  child.stdout.setEncoding("utf8").on("data", onData);
  child.stderr.setEncoding("utf8").on("data", onData);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      child.stdin.destroy();
      resolve({ code, output });
    });
  });
}
