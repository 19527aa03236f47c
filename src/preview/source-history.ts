/**
 * What a translation was stamped against. `source_hash` is a hash of the source's title,
 * description and markdown (digest/source-text.ts), so the text itself is only known when an
 * earlier version of the source file in git hashes to it: this reads the file's recent versions
 * with git (one `git log` and one `git cat-file --batch` per file) and keeps the one that matches.
 * Outside git, or when no version matches (stamped from uncommitted text), it says why instead.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { hashSourceText } from "../digest/source-text.js";
import { toVisibleText } from "../digest/visible-text.js";
import { renderMarkdown } from "../render/render-markdown.js";

const run = promisify(execFile);

/** Versions of a source file looked at, newest first; older stamps are reported as unknown. */
export const HISTORY_DEPTH = 50;

export type StampedSource = { kind: "found"; commit: string; date: string; text: string } | { kind: "unknown"; reason: string };

/** One committed version of a source file: its source hash and visible text. */
export interface SourceVersion {
  commit: string;
  /** Commit date, YYYY-MM-DD. */
  date: string;
  hash: string;
  text: string;
}

export type SourceHistory = { kind: "versions"; versions: SourceVersion[] } | { kind: "unknown"; reason: string };

function field(data: Record<string, unknown> | null, name: string): string {
  const value = data?.[name];
  return typeof value === "string" ? value : "";
}

/** Title, description and body of a source file as a reader sees them, one per line. */
export function visibleSourceText(text: string, file: string, contentDir: string, localesDir: string): { hash: string; text: string } {
  const parsed = parseMarkdownFile(text, file);
  const title = field(parsed.data, "title");
  const description = field(parsed.data, "description");
  const html = renderMarkdown(parsed.body, {
    file,
    locale: "",
    bodyStartLine: parsed.bodyStartLine,
    assetBaseUrl: null,
    project: { contentDir, localesDir, files: new Set() },
  }).html;
  return {
    hash: hashSourceText({ title, description, body: parsed.body }),
    text: [title, description, toVisibleText(html)].filter((part) => part !== "").join("\n"),
  };
}

/** The blobs of `specs` (`commit:path`) through one `git cat-file --batch`; null for a missing one. */
function catFiles(rootDir: string, specs: readonly string[]): Promise<(string | null)[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: rootDir, stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", () => {
      const output = Buffer.concat(chunks);
      const blobs: (string | null)[] = [];
      let at = 0;
      for (let index = 0; index < specs.length; index += 1) {
        const end = output.indexOf(10, at);
        if (end === -1) break;
        const header = output.subarray(at, end).toString("utf8");
        at = end + 1;
        const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
        if (size === undefined) {
          blobs.push(null);
          continue;
        }
        blobs.push(output.subarray(at, at + Number(size)).toString("utf8"));
        at += Number(size) + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(specs.map((spec) => `${spec}\n`).join(""));
  });
}

/** The last {@link HISTORY_DEPTH} committed versions of a project file, newest first. */
export async function readSourceHistory(rootDir: string, file: string, dirs: { contentDir: string; localesDir: string }): Promise<SourceHistory> {
  let log: string;
  let prefix: string;
  try {
    ({ stdout: prefix } = await run("git", ["rev-parse", "--show-prefix"], { cwd: rootDir }));
    ({ stdout: log } = await run("git", ["log", `-n${HISTORY_DEPTH}`, "--format=%H %cs", "--", file], { cwd: rootDir, maxBuffer: 1 << 20 }));
  } catch {
    return { kind: "unknown", reason: "the project is not in a git repository (or git is not installed), so the stamped text cannot be known" };
  }
  const commits = log.split("\n").filter((line) => line !== "").map((line) => line.split(" ") as [string, string]);
  if (commits.length === 0) return { kind: "unknown", reason: "the source file has no committed history" };
  // cat-file names paths from the repository's root: the project may sit below it.
  const blobs = await catFiles(rootDir, commits.map(([commit]) => `${commit}:${prefix.trim()}${file}`)).catch(() => []);
  const versions: SourceVersion[] = [];
  commits.forEach(([commit, date], index) => {
    const text = blobs[index];
    if (text == null) return;
    versions.push({ commit, date, ...visibleSourceText(text, file, dirs.contentDir, dirs.localesDir) });
  });
  return { kind: "versions", versions };
}

/** The newest committed version of a source whose source hash is `sourceHash`. */
export function findStampedVersion(history: SourceHistory, sourceHash: string): StampedSource {
  if (history.kind === "unknown") return history;
  const found = history.versions.find((version) => version.hash === sourceHash);
  if (found !== undefined) return { kind: "found", commit: found.commit, date: found.date, text: found.text };
  return { kind: "unknown", reason: `no version of the source in its last ${history.versions.length} commits has the stamped source_hash (stamped from uncommitted text?)` };
}
