import { open } from "node:fs/promises";
import { decodeFileText, type DecodeResult } from "./decode-file-text.js";

/** Markdown files larger than this are refused without being read: no article is this big. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

/**
 * Reads one markdown file and decodes it (see decodeFileText). The size is checked on the open
 * handle before reading, so a huge file costs one `fstat`, not its contents.
 *
 * @param absolutePath where to read
 * @param file the project-relative path diagnostics name
 */
export async function readTextFile(absolutePath: string, file: string, maxBytes = MAX_MARKDOWN_BYTES): Promise<DecodeResult> {
  let handle;
  try {
    handle = await open(absolutePath, "r");
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return {
        diagnostic: {
          code: "content/too-large",
          severity: "error",
          message: `The file is ${size} bytes; markdown files may be at most ${maxBytes} bytes.`,
          hint: "Split the article, or move large data out of the markdown.",
          location: { file },
        },
      };
    }
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeFileText(filled === size ? bytes : bytes.subarray(0, filled), file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostic: {
        code: "content/unreadable",
        severity: "error",
        message: `The file could not be read: ${reason}`,
        location: { file },
      },
    };
  } finally {
    await handle?.close();
  }
}
