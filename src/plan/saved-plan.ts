/**
 * Plans as files: `plan --out FILE` writes the plan with the options it was made with and a
 * fingerprint; `push --plan FILE` reads it back, plans again, and applies only when the new plan
 * has the same fingerprint (nothing changed in the files or in Intercom since it was reviewed).
 * Pure: text in, data out.
 */
import { digestText } from "../digest/body-summary.js";
import { SyncError } from "../errors/sync-error.js";
import { PLAN_VERSION, type Plan, type PlanItem } from "./types.js";

/** What a saved plan was made with, so that the plan made again at push time is comparable. */
export interface SavedPlanOptions {
  force: boolean;
  stage: boolean;
  paths: string[];
  locales: string[];
}

export interface SavedPlanMeta extends SavedPlanOptions {
  /** See planFingerprint. */
  fingerprint: string;
  /** `type key digest` per item, to tell how many items changed when the fingerprint does not match. */
  items: string[];
}

/** The file's content: the plan as `plan --json` prints it, plus `saved`. */
export type SavedPlan = Plan & { saved: SavedPlanMeta };

/** The digest of one item as it would be applied; bodies travel beside a plan, so they are left out. */
export function itemFingerprint(item: PlanItem): string {
  const content = Object.fromEntries(Object.entries(item.content).map(([locale, fields]) => [locale, { ...fields, body: undefined }]));
  return digestText(JSON.stringify({ ...item, content }));
}

function itemEntry(item: PlanItem): string {
  return `${item.type} ${item.key} ${itemFingerprint(item)}`;
}

/** `type key` -> digest. */
function entriesByItem(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const cut = entry.lastIndexOf(" ");
    map.set(entry.slice(0, cut), entry.slice(cut + 1));
  }
  return map;
}

/** The digest of everything applying the plan would do, and the errors that would stop it. */
export function planFingerprint(plan: Plan): string {
  return digestText(
    JSON.stringify({
      version: plan.version,
      helpCenterId: plan.helpCenterId,
      locales: plan.locales,
      items: plan.items.map(itemFingerprint),
      errors: plan.errors.map((error) => [error.code, error.message]),
    }),
  );
}

/** The plan and its options as the JSON object a plan file holds. */
export function toSavedPlan(plan: Plan, options: SavedPlanOptions): SavedPlan {
  return { ...plan, saved: { ...options, fingerprint: planFingerprint(plan), items: plan.items.map(itemEntry) } };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

/** Reads a plan file's text. Throws `plan-file/*` errors naming the file. */
export function parseSavedPlan(text: string, file: string): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyncError("plan-file/unreadable", { reason: `not JSON (${error instanceof Error ? error.message : String(error)})` }, { location: { file } });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SyncError("plan-file/unreadable", { reason: "not a JSON object" }, { location: { file } });
  const record = value as Record<string, unknown>;
  if (record.version !== PLAN_VERSION) throw new SyncError("plan-file/version", { version: record.version, supported: PLAN_VERSION }, { location: { file } });
  const saved = record.saved as Record<string, unknown> | undefined;
  const valid =
    typeof saved === "object" &&
    saved !== null &&
    typeof saved.fingerprint === "string" &&
    typeof saved.force === "boolean" &&
    typeof saved.stage === "boolean" &&
    isStringList(saved.paths) &&
    isStringList(saved.locales) &&
    isStringList(saved.items);
  if (!valid) throw new SyncError("plan-file/unreadable", { reason: 'its "saved" section is missing or incomplete' }, { location: { file } });
  return value as SavedPlan;
}

/**
 * Null when `current` is the plan that was saved; otherwise the number of items that differ
 * (added, removed or changed), at least 1.
 */
export function compareWithSaved(saved: SavedPlan, current: Plan): number | null {
  if (planFingerprint(current) === saved.saved.fingerprint) return null;
  const before = entriesByItem(saved.saved.items);
  const after = entriesByItem(current.items.map(itemEntry));
  let changed = 0;
  for (const [item, digest] of after) if (before.get(item) !== digest) changed += 1;
  for (const item of before.keys()) if (!after.has(item)) changed += 1;
  return Math.max(1, changed);
}
