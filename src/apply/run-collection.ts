import { hashCollectionFields, type FieldHashes } from "../digest/field-hashes.js";
import type { CollectionFields, CollectionPlanItem } from "../plan/types.js";
import { fingerprintCollectionLocale } from "../plan/write-fingerprint.js";
import { trackUpdate, type ApplyRun } from "./apply-run.js";
import { buildCollectionCreate, buildCollectionUpdate } from "./build-requests.js";
import { applyLockEffects, blockedLocales, recordUnconfirmed, recordWrite, takeEntry } from "./lock-updates.js";
import { createWithRecovery } from "./recover-create.js";
import type { ItemOutcome, OutcomeKind } from "./types.js";

interface CollectionWrite {
  content: CollectionFields;
  sent: string[];
}

function outcome(item: CollectionPlanItem, kind: OutcomeKind, id: string, reason?: string): ItemOutcome {
  const out: ItemOutcome = { type: "collection", key: item.key, action: item.action, outcome: kind, id };
  if (reason !== undefined) out.reason = reason;
  return out;
}

function collectWrites(item: CollectionPlanItem): Map<string, CollectionWrite> {
  const writes = new Map<string, CollectionWrite>();
  for (const change of item.locales) {
    const content = item.content[change.locale];
    if ((change.change === "add" || change.change === "update") && content !== undefined) writes.set(change.locale, { content, sent: change.fields });
  }
  return writes;
}

/** Digests per written locale; a field not sent keeps the lock's digest. */
function writtenHashes(writes: Map<string, CollectionWrite>, previous: Record<string, FieldHashes | undefined>): Record<string, FieldHashes> {
  const out: Record<string, FieldHashes> = {};
  for (const [locale, { content, sent }] of writes) {
    const fields = hashCollectionFields(content);
    const before = previous[locale];
    for (const name of Object.keys(fields)) {
      if (!sent.includes(name) && before?.[name] !== undefined) fields[name] = before[name];
    }
    out[locale] = fields;
  }
  return out;
}

async function createCollection(run: ApplyRun, item: CollectionPlanItem, parentId: string | null): Promise<ItemOutcome> {
  const writes = collectWrites(item);
  const request = buildCollectionCreate({
    content: Object.fromEntries([...writes].map(([locale, w]) => [locale, w.content])),
    defaultLocale: item.defaultLocale,
    sourceLocale: run.plan.sourceLocale,
    parentId,
    helpCenterId: run.helpCenterId,
  });
  const lost = { kind: "collection" as const, parentId: request.parent_id ?? null, title: request.name };
  const { response, recovered } = await createWithRecovery(run, lost, `collection "${request.name}"`, () => run.api.createCollection(request));
  const entry = { id: response.id, locales: {} };
  run.lock.collections[item.key] = entry;
  recordWrite(entry, writtenHashes(writes, {}), response, new Set());
  return outcome(item, "created", response.id, recovered ? "the create response was lost; found the new collection instead of creating it twice" : undefined);
}

async function updateCollection(run: ApplyRun, item: CollectionPlanItem, id: string, parentId: string | null | undefined): Promise<ItemOutcome> {
  const writes = collectWrites(item);
  const patches: Record<string, Partial<CollectionFields>> = {};
  for (const [locale, { content, sent }] of writes) {
    const patch: Partial<CollectionFields> = {};
    if (sent.includes("name")) patch.name = content.name;
    if (sent.includes("description")) patch.description = content.description;
    patches[locale] = patch;
  }
  // Idempotent: a lost response to this PUT may simply be retried.
  const request = buildCollectionUpdate(patches, { defaultLocale: item.defaultLocale, ...(parentId === undefined ? {} : { parentId }) });
  const response = await trackUpdate(run, () => markUnconfirmed(run, item, writes), () => run.api.updateCollection(id, request));
  run.finder.noteServerTime(response.updated_at);
  const entry = takeEntry(run.lock, item, response.id);
  const previous = Object.fromEntries(Object.entries(entry.locales).map(([locale, value]) => [locale, value.fields]));
  applyLockEffects(entry, item);
  recordWrite(entry, writtenHashes(writes, previous), response, blockedLocales(item));
  const kind: OutcomeKind = item.action === "move" ? "moved" : item.action === "adopt" ? "adopted" : "updated";
  return outcome(item, kind, response.id);
}

/** Records in the lock what an update whose outcome is unknown sent (see recordUnconfirmed). */
function markUnconfirmed(run: ApplyRun, item: CollectionPlanItem, writes: Map<string, CollectionWrite>): void {
  const entry = run.lock.collections[item.key] ?? (item.previousKey === undefined ? undefined : run.lock.collections[item.previousKey]);
  if (entry === undefined) return;
  const previous = Object.fromEntries(Object.entries(entry.locales).map(([locale, value]) => [locale, value.fields]));
  for (const [locale, fields] of Object.entries(writtenHashes(writes, previous))) {
    const content = writes.get(locale)?.content;
    if (content !== undefined) recordUnconfirmed(entry, locale, fields, fingerprintCollectionLocale(content));
  }
}

/** Runs one collection item that writes; `parentId` is the parent collection's id now (null: top level). */
export async function runCollectionWrite(run: ApplyRun, item: CollectionPlanItem, parentId: string | null): Promise<ItemOutcome> {
  if (item.action === "create" || item.action === "recreate") return createCollection(run, item, parentId);
  return updateCollection(run, item, item.id ?? "", item.moveParent === true ? parentId : undefined);
}
