/** Redirect changes and findings for a terminal, after the plan. Pure. */
import { plural } from "../errors/plural.js";
import pc from "picocolors";
import { formatLocation, type Diagnostic } from "../errors/sync-error.js";
import type { RedirectPlan } from "./plan-redirects.js";

export function formatRedirectDiagnostics(errors: readonly Diagnostic[], color: boolean): string[] {
  const colors = pc.createColors(color);
  return errors.flatMap((error) => [
    `${colors.red("Error:")} ${error.message} ${colors.dim(`(${formatLocation(error.location)})`)}`,
    ...(error.hint === undefined ? [] : [`  ${colors.dim(error.hint)}`]),
  ]);
}

/** `+ redirect FROM → article KEY (locale)` per create, `- redirect FROM` per delete, then the errors. */
export function formatRedirectPlan(plan: RedirectPlan, options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  for (const { fromUrl } of plan.deletes) lines.push(colors.red(`- redirect ${fromUrl}`) + colors.dim(" (no longer in redirect_from, or moved)"));
  for (const create of plan.creates) lines.push(colors.green(`+ redirect ${create.fromUrl}`) + ` → ${create.targetType} ${create.targetKey} (${create.locale})`);
  const recorded = Object.keys(plan.record).length;
  if (recorded > 0) lines.push(colors.dim(`· ${plural(recorded, "redirect")} already in Intercom, recorded in the lock`));
  lines.push(...formatRedirectDiagnostics(plan.errors, options.color));
  return lines.join("\n");
}
