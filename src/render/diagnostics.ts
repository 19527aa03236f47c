import type { TalliedRenderCode } from "../errors/catalog-render.js";
import { diagnostic, type Diagnostic, type ErrorCode, type ErrorDetails } from "../errors/sync-error.js";

/** How many line numbers an aggregated warning lists before it says "and N more". */
export const MAX_LINES_LISTED = 5;

interface Tally {
  code: TalliedRenderCode;
  subject: string;
  /** The tag the subject belongs to, for codes that name it (a dropped style). */
  tag: string | undefined;
  lines: number[];
  count: number;
}

/**
 * Collects a file's findings. Lines come in as 0-based body lines (markdown-it's `map`) and are
 * converted to 1-based file lines here, once.
 *
 * Unsupported syntax that repeats (MkDocs blocks, `{ #id }` attributes, Jinja, unknown HTML tags)
 * is tallied: one warning per code and subject per file, with the count and the first lines,
 * because a page with 60 admonitions should not print 60 identical warnings. Errors and removals
 * of unsafe HTML are reported one by one, since each needs its own fix.
 */
export class RenderDiagnostics {
  private readonly file: string;
  private readonly firstLine: number;
  private readonly single: Diagnostic[] = [];
  private readonly tallies = new Map<string, Tally>();

  constructor(file: string, bodyStartLine: number) {
    this.file = file;
    this.firstLine = bodyStartLine;
  }

  /** Records one finding at a 0-based body line. */
  add<C extends ErrorCode>(code: C, bodyLine: number, details: ErrorDetails<C>): void {
    this.single.push(diagnostic(code, details, { file: this.file, line: this.firstLine + bodyLine }));
  }

  /** Counts one occurrence of a repeated construct; reported once per code and subject. */
  tally(code: TalliedRenderCode, subject: string, bodyLine: number, tag?: string): void {
    const key = `${code}\u0000${subject}\u0000${tag ?? ""}`;
    let entry = this.tallies.get(key);
    if (entry === undefined) {
      entry = { code, subject, tag, lines: [], count: 0 };
      this.tallies.set(key, entry);
    }
    entry.count += 1;
    if (entry.lines.length < MAX_LINES_LISTED) entry.lines.push(this.firstLine + bodyLine);
  }

  /** Every finding, ordered by line (stable), so output is the same on every run. */
  finish(): Diagnostic[] {
    const all = [...this.single];
    for (const entry of this.tallies.values()) {
      const details = entry.tag === undefined ? { subject: entry.subject } : { subject: entry.subject, tag: entry.tag };
      const found = diagnostic(entry.code, details, { file: this.file, line: entry.lines[0] ?? this.firstLine });
      all.push({ ...found, message: `${found.message} (${describeOccurrences(entry.count, entry.lines)})` });
    }
    return all
      .map((diagnostic, index) => ({ diagnostic, index }))
      .sort((a, b) => (a.diagnostic.location.line ?? 0) - (b.diagnostic.location.line ?? 0) || a.index - b.index)
      .map(({ diagnostic }) => diagnostic);
  }
}

function describeOccurrences(count: number, lines: readonly number[]): string {
  if (count === 1) return `line ${lines[0]}`;
  const listed = lines.join(", ");
  const more = count - lines.length;
  return `${count} times: lines ${listed}${more > 0 ? ` and ${more} more` : ""}`;
}
