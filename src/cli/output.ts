import pc from "picocolors";
import { createRedactor } from "../errors/redact-secret.js";

export type Colors = ReturnType<typeof pc.createColors>;

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Values that must never be printed (the access token); replaced by "***" in every line. */
  secrets: readonly string[];
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

/**
 * The one place that writes to the terminal. Human text goes to stdout (stderr for errors and
 * warnings); with `--json`, stdout carries exactly one JSON document and nothing else.
 * Every line passes through `redact`, so a secret cannot leak through any message, however built.
 */
export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly colors: Colors;
  readonly isTTY: boolean;
  private readonly redactSecrets: (text: string) => string;
  private readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  private progressShown = false;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.redactSecrets = createRedactor(options.secrets, "***");
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    const env = options.env ?? process.env;
    this.isTTY = Boolean(this.stdout.isTTY);
    const colorEnabled = this.isTTY && !("NO_COLOR" in env) && env.TERM !== "dumb";
    this.colors = pc.createColors(colorEnabled || "FORCE_COLOR" in env);
  }

  /** The stream warnings go to (questions are asked there, so a piped stdout stays clean). */
  get errorStream(): NodeJS.WritableStream {
    return this.stderr;
  }

  /** Replaces every secret in `text` by "***" (as a token of its own: see createRedactor). */
  redact(text: string): string {
    return this.redactSecrets(text);
  }

  /** Normal human output (suppressed by --quiet and --json). */
  info(text: string): void {
    if (this.json || this.quiet) return;
    this.writeLine(this.stdout, text);
  }

  /** Output that --quiet keeps (summaries, the plan itself); suppressed by --json. */
  result(text: string): void {
    if (this.json) return;
    this.writeLine(this.stdout, text);
  }

  warn(text: string): void {
    if (this.quiet) return;
    this.writeLine(this.stderr, text);
  }

  error(text: string): void {
    this.writeLine(this.stderr, text);
  }

  debug(text: string): void {
    if (!this.verbose) return;
    this.writeLine(this.stderr, this.colors.dim(text));
  }

  /** Raw lines for CI systems (GitHub annotations): printed even with --json, to stderr then. */
  annotation(text: string): void {
    this.writeLine(this.json ? this.stderr : this.stdout, text);
  }

  /** The single JSON document of a `--json` run. */
  printJson(value: unknown): void {
    this.stdout.write(this.redact(JSON.stringify(value, null, 2)) + "\n");
  }

  /** One JSON document on one line, for commands that report a stream of events (`watch --json`). */
  printJsonLine(value: unknown): void {
    this.stdout.write(this.redact(JSON.stringify(value)) + "\n");
  }

  /**
   * A progress line that rewrites itself; only on a TTY, never with --json or --quiet. Cut to the
   * terminal's width: a line that wrapped could not be rewritten in place.
   */
  progress(text: string): void {
    if (!this.isTTY || this.json || this.quiet) return;
    const columns = (this.stdout as { columns?: number }).columns;
    const line = this.redact(text);
    this.stdout.write(`\r\x1b[2K${columns !== undefined && columns > 1 && line.length >= columns ? line.slice(0, columns - 1) : line}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    this.stdout.write("\r\x1b[2K");
    this.progressShown = false;
  }

  private writeLine(stream: NodeJS.WritableStream, text: string): void {
    this.clearProgress();
    stream.write(this.redact(text) + "\n");
  }
}
