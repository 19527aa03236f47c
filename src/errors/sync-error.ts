import { describeError, ERROR_CATALOG, type ErrorCode, type ErrorDetails, type Finding } from "./catalog.js";

export type { ErrorCode, ErrorDetails, Finding } from "./catalog.js";

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
  code: ErrorCode;
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

/** A diagnostic for a catalog code: severity, message and hint come from its entry. */
export function diagnostic<C extends ErrorCode>(code: C, details: ErrorDetails<C>, location: SourceLocation): Diagnostic {
  const { message, hint } = describeError(code, details);
  const made: Diagnostic = { code, severity: ERROR_CATALOG[code].severity, message, location };
  if (hint !== undefined) made.hint = hint;
  return made;
}

/** A diagnostic for a finding decided earlier (see `Finding`). */
export function diagnosticOf(finding: Finding, location: SourceLocation): Diagnostic {
  return diagnostic(finding.code, finding.details, location);
}

export interface SyncErrorOptions {
  location?: SourceLocation;
  /** Findings behind a validation failure, when there are several. */
  diagnostics?: readonly Diagnostic[];
  cause?: unknown;
}

/**
 * The one error type the tool throws on purpose. The CLI prints `message`, then `hint`, and exits 1;
 * anything else that escapes is a bug and is printed with its stack under `--verbose`. The code
 * must be in the catalog, whose builders make the message and hint from `details`.
 */
export class SyncError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = "SyncError";
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  /** Findings behind a validation failure, when there are several. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: C, details: ErrorDetails<C>, options: SyncErrorOptions = {}) {
    const { message, hint } = describeError(code, details);
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = hint;
    this.location = options.location;
    this.diagnostics = options.diagnostics ?? [];
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

/**
 * Stops a run over bad input: throws `content/invalid` with every one of `diagnostics` attached
 * (warnings too) when any is an error (sync semantics 1: nothing is written).
 */
export function stopOnContentErrors(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((found) => found.severity === "error").length;
  if (errors > 0) throw new SyncError("content/invalid", { count: errors }, { diagnostics });
}
