import path from "node:path";
import type { ProjectOptions } from "../sync/project-config.js";
import { Output } from "./output.js";

/** Flags every command accepts. */
export interface GlobalFlags {
  config?: string;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

/** What a command needs from the process: where it runs, its environment, and the output. */
export interface CommandContext {
  cwd: string;
  /** The project root: the config file's folder (file paths in findings are relative to it). */
  rootDir: string;
  env: NodeJS.ProcessEnv;
  out: Output;
  project: ProjectOptions;
  /** True under GitHub Actions: annotations and the step summary are written. */
  github: boolean;
  /** Where answers to a question come from; absent when there is no way to ask (tests, embedding). */
  stdin?: ProcessIo["stdin"];
  /** Milliseconds, for the progress bar's time left. */
  now: () => number;
}

export interface ProcessIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The terminal's input, for questions (`push` asks before risky writes). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The clock (default Date.now). */
  now?: () => number;
}

export function createContext(flags: GlobalFlags, io: ProcessIo): CommandContext {
  const out = new Output({
    json: flags.json ?? false,
    quiet: flags.quiet ?? false,
    verbose: flags.verbose ?? false,
    // The token is redacted from every line printed, whatever path a message took.
    secrets: [io.env.INTERCOM_ACCESS_TOKEN ?? ""],
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
  });
  return {
    cwd: io.cwd,
    rootDir: flags.config ? path.dirname(path.resolve(io.cwd, flags.config)) : io.cwd,
    env: io.env,
    out,
    project: { cwd: io.cwd, configFile: flags.config, env: io.env },
    github: io.env.GITHUB_ACTIONS === "true",
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    now: io.now ?? Date.now,
  };
}
