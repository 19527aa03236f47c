import fs from "node:fs";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { decodeFileText, type DecodeResult } from "./decode-file-text.js";

/** Markdown files larger than this are refused without being read: no article is this big. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

type ReadBytes = { bytes: Uint8Array } | { tooLarge: number };

/**
 * The bytes of a file, or its size when over `maxBytes` (checked on the open descriptor, so a
 * huge file costs one `fstat`, not its contents). Callback fs calls rather than a FileHandle: a
 * tree is thousands of small files, and the promise machinery around each call was a third of
 * the reading time.
 */
function readBytes(absolutePath: string, maxBytes: number): Promise<ReadBytes> {
  return new Promise((resolve, reject) => {
    fs.open(absolutePath, "r", (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, value?: ReadBytes): void =>
        fs.close(fd, () => (error !== null || value === undefined ? reject(error ?? new Error("no result")) : resolve(value)));
      fs.fstat(fd, (statError, stats) => {
        if (statError) return finish(statError);
        if (stats.size > maxBytes) return finish(null, { tooLarge: stats.size });
        const bytes = new Uint8Array(stats.size);
        const readFrom = (filled: number): void => {
          if (filled >= stats.size) return finish(null, { bytes });
          fs.read(fd, bytes, filled, stats.size - filled, filled, (readError, bytesRead) => {
            if (readError) return finish(readError);
            // The file shrank while being read: decode what is there.
            if (bytesRead === 0) return finish(null, { bytes: bytes.subarray(0, filled) });
            readFrom(filled + bytesRead);
          });
        };
        readFrom(0);
      });
    });
  });
}

/** A file's bytes as read, or why they could not be. */
export type ReadBytesResult = { bytes: Uint8Array; diagnostic?: undefined } | { bytes?: undefined; diagnostic: Diagnostic };

/**
 * Reads one markdown file's bytes. A file over `maxBytes` is refused without being read.
 *
 * @param absolutePath where to read
 * @param file the project-relative path diagnostics name
 */
export async function readFileBytes(absolutePath: string, file: string, maxBytes = MAX_MARKDOWN_BYTES): Promise<ReadBytesResult> {
  let read: ReadBytes;
  try {
    read = await readBytes(absolutePath, maxBytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostic: diagnostic("content/unreadable", { what: "file", reason }, { file }),
    };
  }
  if ("tooLarge" in read) {
    return {
      diagnostic: diagnostic("content/too-large", { size: read.tooLarge, limit: maxBytes }, { file }),
    };
  }
  return { bytes: read.bytes };
}

/** Reads one markdown file and decodes it (see decodeFileText); see readFileBytes for the rest. */
export async function readTextFile(absolutePath: string, file: string, maxBytes = MAX_MARKDOWN_BYTES): Promise<DecodeResult> {
  const read = await readFileBytes(absolutePath, file, maxBytes);
  return read.diagnostic ? { diagnostic: read.diagnostic } : decodeFileText(read.bytes, file);
}
