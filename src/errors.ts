/** Where a problem is: a path relative to the project root, with 1-based line and column. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export type Severity = "error" | "warning";

/**
 * One finding about the content tree or the configuration. `check` prints these grouped by file;
 * `push` refuses to write while any has severity "error".
 */
export interface Diagnostic {
  /** Permanent, greppable code such as `frontmatter/unknown-key`. */
  code: string;
  severity: Severity;
  /** What happened, in one sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
  location: SourceLocation;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/**
 * The one error type the tool throws on purpose. The CLI prints `message`, then `hint`, and exits 1;
 * anything else that escapes is a bug and is printed with its stack under `--verbose`.
 */
export class SyncError extends Error {
  override readonly name = "SyncError";
  readonly code: string;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  /** Findings behind a validation failure, when there are several. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: string,
    message: string,
    options: {
      hint?: string;
      location?: SourceLocation;
      diagnostics?: readonly Diagnostic[];
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.diagnostics = options.diagnostics ?? [];
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}
