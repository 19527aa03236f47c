import { plural } from "../errors/plural.js";
import { formatLocation } from "../errors/sync-error.js";
import { ACTION_SYMBOLS, formatSummary, itemLabel, newStates, NO_CHANGES_MESSAGE, visibleItems } from "./format-plan.js";
import type { Plan, PlanItem } from "./types.js";

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function describeLocales(item: PlanItem): string {
  const parts = item.locales.map((l) => `${l.locale} ${l.change}${l.fields.length > 0 ? ` (${l.fields.join(", ")})` : ""}`);
  if (item.moveParent === true) parts.unshift(`parent → ${item.parentKey ?? "top level"}`);
  // What a new article goes up as, and why (front matter, or the config's defaultState).
  const states = item.type === "article" && (item.action === "create" || item.action === "recreate") ? newStates(item) : "";
  return `${parts.join("; ")}${states}`;
}

/** The plan as GitHub-flavoured markdown, for `$GITHUB_STEP_SUMMARY`. Pure. */
export function formatPlanMarkdown(plan: Plan): string {
  const lines = ["### intercom-sync plan", ""];
  const items = visibleItems(plan);
  if (items.length > 0) {
    lines.push("| | Item | Action | Changes |", "|---|---|---|---|");
    for (const item of items) {
      const label = `\`${escapeCell(itemLabel(item))}\` (${item.type})`;
      lines.push(`| ${ACTION_SYMBOLS[item.action]} | ${label} | ${item.action} | ${escapeCell(describeLocales(item))} |`);
    }
    lines.push("");
  }
  if (plan.errors.length > 0 && plan.items.length === 0) {
    lines.push(`**Plan failed with ${plural(plan.errors.length, "error")}; nothing will be written.**`);
  } else {
    lines.push(items.length === 0 ? NO_CHANGES_MESSAGE : `**${formatSummary(plan.summary)}**`);
  }
  for (const [title, list] of [["Errors", plan.errors], ["Warnings", plan.warnings]] as const) {
    if (list.length === 0) continue;
    lines.push("", `#### ${title}`, "");
    for (const d of list) lines.push(`- \`${escapeCell(formatLocation(d.location))}\`: ${escapeCell(d.message)}${d.hint === undefined ? "" : ` ${escapeCell(d.hint)}`}`);
  }
  return `${lines.join("\n")}\n`;
}
