/** `intercom-sync publish` for people: what went live, what was left out and why. Pure. */
import { plural } from "../errors/plural.js";
import pc from "picocolors";
import { formatLocation } from "../errors/sync-error.js";
import type { PublishPlan } from "../plan/plan-publish.js";
import type { PublishResult } from "./apply-publish.js";

export function formatPublish(plan: PublishPlan, result: PublishResult | undefined, options: { color: boolean; dryRun: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  if (result === undefined) {
    for (const target of plan.targets) lines.push(`${colors.yellow("~")} article ${target.key}: would publish ${[...target.drafts, ...target.held].sort().join(", ")}`);
  } else {
    for (const outcome of result.outcomes) {
      lines.push(
        outcome.outcome === "published"
          ? `${colors.green("✓")} article ${outcome.key}: published ${outcome.locales.join(", ")}`
          : `${colors.red("✗")} article ${outcome.key}: failed (${outcome.error ?? "unknown error"})`,
      );
    }
  }
  for (const error of plan.errors) {
    lines.push(`${colors.red("Error:")} ${error.message} ${colors.dim(`(${formatLocation(error.location)})`)}`);
    if (error.hint !== undefined) lines.push(`  ${colors.dim(error.hint)}`);
  }
  const published = result?.outcomes.filter((o) => o.outcome === "published").length ?? 0;
  if (plan.targets.length === 0 && plan.errors.length === 0) lines.push("Nothing to publish: no staged drafts.");
  else if (options.dryRun) lines.push(colors.dim(`Dry run: ${plural(plan.targets.length, "article")} would be published; nothing was sent to Intercom.`));
  else if (result === undefined) lines.push(colors.red("Nothing was published."));
  else lines.push(colors.bold(`Published ${plural(published, "article")}.`));
  return lines.join("\n");
}
