/**
 * The one way the tool replaces a file: the text goes to a temp file in the same folder (same file
 * system, so the rename is atomic), is flushed to disk, then renamed over the target; the folder is
 * flushed too, so the rename survives a power cut. A crash at any point leaves the old file or the
 * new one, never a mix. Used for the lock, the files `pull` writes and the emulator's state.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface WriteFileAtomicOptions {
  /** Create the folders the file needs. Default false. */
  makeDirs?: boolean;
}

/** Replaces `file` with `text` (UTF-8) atomically and durably. */
export async function writeFileAtomic(file: string, text: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  if (options.makeDirs === true) await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await fs.open(temp, "wx");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort only: the rename already happened.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
