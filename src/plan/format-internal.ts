/** Internal article changes for a terminal, after the plan. Pure. */
import pc from "picocolors";
import { formatRedirectDiagnostics } from "./format-redirects.js";
import type { InternalPlan, InternalPlanItem } from "./plan-internal.js";

const SIGNS: Record<InternalPlanItem["action"], string> = { create: "+", adopt: "~", update: "~", move: "→", delete: "-", forget: "·", drift: "!", conflict: "✗", noop: "·" };

/** `+ internal KEY (reason)` per item that does or reports something, then the errors. */
export function formatInternalPlan(plan: InternalPlan, options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const paint: Record<InternalPlanItem["action"], (text: string) => string> = {
    create: colors.green, adopt: colors.yellow, update: colors.yellow, move: colors.cyan, delete: colors.red, forget: colors.dim, drift: colors.magenta, conflict: colors.red, noop: colors.dim,
  };
  const lines: string[] = [];
  for (const item of plan.items) {
    if (item.action === "noop" && item.record === undefined) continue;
    const fields = item.fields.length > 0 && item.action !== "create" ? ` [${item.fields.join(", ")}]` : "";
    lines.push(`${paint[item.action](`${SIGNS[item.action]} internal ${item.action} ${item.key}`)}${fields} ${colors.dim(`(${item.reason})`)}`);
  }
  lines.push(...formatRedirectDiagnostics(plan.errors, options.color));
  return lines.join("\n");
}
