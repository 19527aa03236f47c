import { access, stat } from "node:fs/promises";

/** True when something (a file or a folder) is at `file`. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** What is at `file`: a folder, anything else (a file), or nothing. */
export async function pathKind(file: string): Promise<"file" | "folder" | "missing"> {
  try {
    return (await stat(file)).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}
