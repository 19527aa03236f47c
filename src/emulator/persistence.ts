/**
 * JSON persistence of the emulator state. A save writes a temporary file next to the target and
 * renames it over, so a crash never leaves a half-written file. Saves requested while one runs are
 * coalesced into one more save of the latest state.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../fs/write-file-atomic.js";
import { assertSnapshot } from "./seed.js";
import type { EmulatorSnapshot } from "./types.js";

/** Reads a snapshot file; null when it does not exist. Throws on a file that is not a snapshot. */
export async function readSnapshotFile(file: string): Promise<EmulatorSnapshot | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const value = JSON.parse(text) as unknown;
  assertSnapshot(value);
  return value;
}

/** Writes `snapshot` to `file` atomically (see writeFileAtomic). */
export async function writeSnapshotFile(file: string, snapshot: EmulatorSnapshot): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(snapshot, null, 2)}\n`, { makeDirs: true });
}

export interface SnapshotSaver {
  /** Resolves once a save that started after this call has finished. */
  save(): Promise<void>;
  /** Resolves when no save is running or pending. */
  idle(): Promise<void>;
}

/** A saver of `dump()` to `file`; without a file, saving does nothing. */
export function createSnapshotSaver(file: string | undefined, dump: () => EmulatorSnapshot): SnapshotSaver {
  if (file === undefined) return { save: async () => {}, idle: async () => {} };
  let running: Promise<void> | null = null;
  let pending: Promise<void> | null = null;

  const runOnce = async (): Promise<void> => {
    try {
      await writeSnapshotFile(file, dump());
    } finally {
      running = null;
    }
  };

  const save = (): Promise<void> => {
    if (!running) {
      running = runOnce();
      return running;
    }
    // One save is running with an older state: queue exactly one more for everyone who asks now.
    pending ??= running.catch(() => {}).then(() => {
      pending = null;
      return save();
    });
    return pending;
  };

  const idle = async (): Promise<void> => {
    while (running || pending) await (pending ?? running)?.catch(() => {});
  };

  return { save, idle };
}
