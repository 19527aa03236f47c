import { appendFile } from "node:fs/promises";
import { formatGithubAnnotations } from "../diagnostics/format-github-annotations.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { CommandContext } from "./context.js";

/** Under GitHub Actions: findings as `::error`/`::warning` annotations. */
export function annotate(ctx: CommandContext, diagnostics: readonly Diagnostic[], rootDir: string): void {
  if (!ctx.github || diagnostics.length === 0) return;
  ctx.out.annotation(formatGithubAnnotations(diagnostics, { rootDir, cwd: ctx.cwd }));
}

/** Under GitHub Actions: appends markdown to the job's step summary (`$GITHUB_STEP_SUMMARY`). */
export async function writeStepSummary(ctx: CommandContext, markdown: string): Promise<void> {
  const file = ctx.env.GITHUB_STEP_SUMMARY;
  if (!ctx.github || !file) return;
  await appendFile(file, ctx.out.redact(markdown) + "\n", "utf8");
}

/**
 * Under GitHub Actions: step outputs (`$GITHUB_OUTPUT`), such as `changes`, which the action in
 * action.yml passes on. Values are numbers or single-line strings.
 */
export async function writeStepOutputs(ctx: CommandContext, values: Record<string, string | number>): Promise<void> {
  const file = ctx.env.GITHUB_OUTPUT;
  if (!ctx.github || !file) return;
  const lines = Object.entries(values).map(([key, value]) => `${key}=${String(value).replace(/[\r\n]+/g, " ")}\n`);
  await appendFile(file, ctx.out.redact(lines.join("")), "utf8");
}
