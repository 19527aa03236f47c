import { access } from "node:fs/promises";

/** True when something (a file or a folder) is at `file`. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
