/**
 * The plan as people read it, terraform-like. Symbols: `+` create, `~` update, `→` move,
 * `=` adopt (an existing Intercom item taken over), `-` unpublish or delete, `!` conflict,
 * `?` drift (edited in Intercom), `·` a lock-only change (e.g. no longer managed). Pure.
 */
import { plural } from "../errors/plural.js";
import pc from "picocolors";
import type { Diagnostic } from "../errors/sync-error.js";
import { formatLocation } from "../errors/sync-error.js";
import { hasChanges } from "./summarise-plan.js";
import type { ArticlePlanItem, LocaleChangeKind, Plan, PlanAction, PlanItem, PlanSummary, StateReason } from "./types.js";

type Colors = ReturnType<typeof pc.createColors>;

export const NO_CHANGES_MESSAGE = "No changes. Intercom matches the files.";

export const ACTION_SYMBOLS: Record<PlanAction, string> = {
  create: "+",
  recreate: "+",
  update: "~",
  move: "→",
  adopt: "=",
  unpublish: "-",
  delete: "-",
  conflict: "!",
  drift: "?",
  noop: "·",
};

const CHANGE_SYMBOLS: Record<LocaleChangeKind, string> = { add: "+", update: "~", drift: "?", conflict: "!" };

function paint(colors: Colors, symbol: string, text: string): string {
  switch (symbol) {
    case "+":
      return colors.green(text);
    case "~":
    case "→":
    case "=":
      return colors.yellow(text);
    case "-":
    case "!":
      return colors.red(text);
    case "?":
      return colors.magenta(text);
    default:
      return colors.dim(text);
  }
}

/**
 * Items worth showing: everything that writes or reports, and noops that stop managing something.
 * A noop that only records a newer remote stamp in the lock is bookkeeping, not shown.
 */
export function visibleItems(plan: Plan): PlanItem[] {
  return plan.items.filter((item) => item.action !== "noop" || hasChanges([{ ...item, record: undefined }]));
}

/** `old/key → new/key` for a renamed item, else the key. */
export function itemLabel(item: PlanItem): string {
  return item.previousKey === undefined ? item.key : `${item.previousKey} → ${item.key}`;
}

/** The summary line: `Plan: 3 to create, 2 to update, ...; 1 drift, 0 conflicts.` */
export function formatSummary(summary: PlanSummary): string {
  const adopt = summary.adopt > 0 ? `, ${summary.adopt} to adopt` : "";
  const conflicts = `${summary.conflict} conflict${summary.conflict === 1 ? "" : "s"}`;
  return (
    `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.move} to move${adopt}, ` +
    `${summary.unpublish} to unpublish, ${summary.delete} to delete; ${summary.drift} drift, ${conflicts}.`
  );
}

const STATE_REASONS: Record<StateReason, string> = {
  "front matter": "front matter state",
  defaultState: "config defaultState",
  "source article": "as its source article",
  "outdated translation": "outdated translation",
  "publishMode stage": "publishMode stage",
};

/**
 * ` · draft (config defaultState)`: what a new article goes up as, with the reason of its first
 * (source) locale; per locale when the locales differ.
 */
export function newStates(item: ArticlePlanItem): string {
  const known = item.locales.flatMap((change) => {
    const fields = item.content[change.locale];
    if (fields === undefined) return [];
    const from = fields.stateFrom === undefined ? "" : ` (${STATE_REASONS[fields.stateFrom]})`;
    return [{ locale: change.locale, state: fields.state, text: `${fields.state}${from}` }];
  });
  const [first] = known;
  if (first === undefined) return "";
  if (known.every((part) => part.state === first.state)) return ` · ${first.text}`;
  return ` · ${known.map((part) => `${part.locale}: ${part.text}`).join(", ")}`;
}

function formatItem(item: PlanItem, colors: Colors): string[] {
  const symbol = ACTION_SYMBOLS[item.action];
  const lines = [`${paint(colors, symbol, `${symbol} ${item.type} ${itemLabel(item)}`)} ${colors.dim(`(${item.reason})`)}`];
  if (item.moveParent === true) lines.push(`    ${paint(colors, "→", "→")} parent: ${item.parentKey ?? "(top level)"}`);
  // A new item sends every field of every locale: listing the fields would only be noise.
  if ((item.action === "create" || item.action === "recreate") && item.locales.every((change) => change.change === "add")) {
    lines.push(`    ${paint(colors, "+", "+")} ${item.locales.map((change) => change.locale).join(", ")}${item.type === "article" ? colors.dim(newStates(item)) : ""}`);
    return lines;
  }
  for (const change of item.locales) {
    if (item.action === "unpublish") {
      lines.push(`    ${paint(colors, "-", `- ${change.locale}`)} state: published → draft`);
      continue;
    }
    const changeSymbol = CHANGE_SYMBOLS[change.change];
    const fields = change.fields.length > 0 ? change.fields.join(", ") : "(formatting only)";
    const note = change.note === undefined ? "" : colors.dim(` (${change.note})`);
    lines.push(`    ${paint(colors, changeSymbol, `${changeSymbol} ${change.locale}`)} ${change.change}: ${fields}${note}`);
  }
  if (item.dropLocales !== undefined) lines.push(colors.dim(`    · no longer synced: ${item.dropLocales.join(", ")} (left as is in Intercom)`));
  return lines;
}

function formatDiagnostic(diagnostic: Diagnostic, colors: Colors): string {
  const label = diagnostic.severity === "error" ? colors.red("Error:") : colors.yellow("Warning:");
  const hint = diagnostic.hint === undefined ? "" : `\n  ${colors.dim(diagnostic.hint)}`;
  return `${label} ${diagnostic.message} ${colors.dim(`(${formatLocation(diagnostic.location)})`)}${hint}`;
}

/** Drafts staged earlier and not yet published, one line per article. */
function formatStaged(plan: Plan, colors: Colors): string[] {
  const byKey = new Map<string, string[]>();
  for (const draft of plan.staged ?? []) {
    const label = draft.editedInIntercom ? `${draft.locale} (edited in Intercom)` : draft.locale;
    byKey.set(draft.key, [...(byKey.get(draft.key) ?? []), label]);
  }
  if (byKey.size === 0) return [];
  const lines = [colors.cyan(`Staged in Intercom, not yet published (${byKey.size}): run \`intercom-sync publish\` to make them live`)];
  for (const [key, locales] of byKey) lines.push(`    ${colors.cyan("◇")} article ${key}: ${locales.join(", ")}`);
  lines.push("");
  return lines;
}

/** The plan for a terminal: one block per item with its per-locale changes, then the summary. */
export function formatPlan(plan: Plan, options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  for (const item of visibleItems(plan)) lines.push(...formatItem(item, colors));
  if (lines.length > 0) lines.push("");
  lines.push(...formatStaged(plan, colors));
  for (const diagnostic of [...plan.errors, ...plan.warnings]) lines.push(formatDiagnostic(diagnostic, colors));
  if (plan.errors.length + plan.warnings.length > 0) lines.push("");
  if (plan.errors.length > 0 && plan.items.length === 0) {
    lines.push(colors.red(`Plan failed with ${plural(plan.errors.length, "error")}; nothing will be written.`));
  } else if (visibleItems(plan).length === 0) {
    lines.push(NO_CHANGES_MESSAGE);
  } else {
    lines.push(colors.bold(formatSummary(plan.summary)));
  }
  if ((plan.excluded ?? 0) > 0) lines.push(colors.dim(`${plural(plan.excluded ?? 0, "change")} outside the selected files and locales ${plan.excluded === 1 ? "is" : "are"} left for a later push.`));
  return lines.join("\n");
}
