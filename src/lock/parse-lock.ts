import { SyncError } from "../errors/sync-error.js";
import { LOCK_VERSION, type LockFile } from "../types.js";
import { lockFileSchema } from "./lock-schema.js";

const MERGE_MARKER = /^(<{7}|={7}|>{7})( |$)/m;

/**
 * Parses and validates the text of a lock file. `file` names it in errors. Pure.
 * A lock from a newer version of the tool is refused rather than half understood.
 */
export function parseLock(text: string, file: string): LockFile {
  const marker = MERGE_MARKER.exec(text);
  if (marker) {
    throw new SyncError("lock/merge-conflict", { file }, {
      location: { file, ...lineAndColumn(text, marker.index) },
    });
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyncError("lock/invalid-json", { file, reason: message }, {
      location: { file, ...lineAndColumn(text, readErrorOffset(message, text)) },
    });
  }

  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > LOCK_VERSION) {
    throw new SyncError("lock/newer-version", { file, version, supported: LOCK_VERSION }, { location: { file } });
  }

  const parsed = lockFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join(".")}` : "";
    throw new SyncError("lock/invalid", { file, where, reason: issue?.message ?? "unexpected shape" }, { location: { file } });
  }
  return parsed.data;
}

/** Character offset of a `JSON.parse` error: "at position N", else the end of the text. */
function readErrorOffset(message: string, text: string): number {
  const match = /at position (\d+)/.exec(message);
  return match?.[1] !== undefined ? Number(match[1]) : text.length;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
