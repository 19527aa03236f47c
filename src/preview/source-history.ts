/**
 * What a translation was stamped against. `source_hash` is a hash of the source's title,
 * description and markdown (digest/source-text.ts), so the text itself is only known when an
 * earlier version of the source file in git hashes to it: this walks the file's history with git
 * and returns that version's visible text. Outside git, or when no version matches (stamped from
 * uncommitted text, history rewritten), it says why instead.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { hashSourceText } from "../digest/source-text.js";
import { toVisibleText } from "../digest/visible-text.js";
import { renderMarkdown } from "../render/render-markdown.js";

const run = promisify(execFile);

/** Versions of a source file looked at, newest first; older stamps are reported as unknown. */
export const HISTORY_DEPTH = 50;

export type StampedSource = { kind: "found"; commit: string; date: string; text: string } | { kind: "unknown"; reason: string };

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

/** Finds the committed version of `file` (project-relative) whose source hash is `sourceHash`. */
export async function findStampedSource(rootDir: string, file: string, sourceHash: string, dirs: { contentDir: string; localesDir: string }): Promise<StampedSource> {
  let log: string;
  try {
    ({ stdout: log } = await run("git", ["log", `-n${HISTORY_DEPTH}`, "--format=%H %cs", "--", file], { cwd: rootDir, maxBuffer: 1 << 20 }));
  } catch {
    return { kind: "unknown", reason: "the project is not a git repository (or git is not installed), so the stamped text cannot be known" };
  }
  const commits = log.split("\n").filter((line) => line !== "");
  if (commits.length === 0) return { kind: "unknown", reason: "the source file has no committed history" };
  for (const line of commits) {
    const [commit = "", date = ""] = line.split(" ");
    let text: string;
    try {
      // `./` makes the path relative to the project, which may sit below the repository root.
      ({ stdout: text } = await run("git", ["show", `${commit}:./${file}`], { cwd: rootDir, maxBuffer: 16 << 20 }));
    } catch {
      continue;
    }
    const version = visibleSourceText(text, file, dirs.contentDir, dirs.localesDir);
    if (version.hash === sourceHash) return { kind: "found", commit, date, text: version.text };
  }
  return { kind: "unknown", reason: `no version of the source in the last ${commits.length} commits has the stamped source_hash (stamped from uncommitted text?)` };
}
