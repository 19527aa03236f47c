import type { DesiredCollection, LockEntry, RemoteCollection } from "../types.js";
import { collectChanges, existingItem, newItemBase, type LocaleOutcome } from "./assemble-item.js";
import { diffLocale } from "./diff-locale.js";
import { COLLECTION_FIELD_NAMES, hashCollectionFields, hashCollectionLocale } from "../digest/field-hashes.js";
import { PENDING_ID, pickMoveSource, type PlanContext } from "./plan-context.js";
import type { CollectionFields, CollectionPlanItem } from "./types.js";
import { normaliseText } from "../digest/visible-text.js";
import { fingerprintCollectionLocale } from "./write-fingerprint.js";

type Identity =
  | { kind: "owned"; remote: RemoteCollection; entry: LockEntry; previousKey?: string }
  | { kind: "adopt"; remote: RemoteCollection }
  | { kind: "create"; recreate: boolean };

function fieldsOf(collection: DesiredCollection, locale: string): CollectionFields | undefined {
  const text = collection.locales[locale];
  return text === undefined ? undefined : { name: text.name, description: text.description };
}

function findMoveSource(ctx: PlanContext, desiredKeys: ReadonlySet<string>, collection: DesiredCollection): string | undefined {
  const source = fieldsOf(collection, ctx.sourceLocale);
  if (source === undefined) return undefined;
  const hash = hashCollectionLocale(source);
  const candidates = Object.entries(ctx.lock.collections)
    .filter(([key]) => !desiredKeys.has(key) && !ctx.movedFromCollections.has(key))
    .filter(([, entry]) => ctx.remoteCollections.has(entry.id) && entry.locales[ctx.sourceLocale]?.hash === hash)
    .map(([key]) => key);
  return pickMoveSource(collection.key, candidates);
}

function findAdoptable(ctx: PlanContext, collection: DesiredCollection, parentId: string | null): RemoteCollection | undefined {
  const name = normaliseText(collection.locales[ctx.sourceLocale]?.name ?? "");
  if (parentId === PENDING_ID || name === "") return undefined;
  return [...ctx.remoteCollections.values()].find(
    (remote) =>
      !ctx.ownedCollectionIds.has(remote.id) &&
      !ctx.claimedCollectionIds.has(remote.id) &&
      remote.parentId === parentId &&
      normaliseText(remote.locales[ctx.sourceLocale]?.name ?? "") === name,
  );
}

function resolveIdentity(ctx: PlanContext, desiredKeys: ReadonlySet<string>, collection: DesiredCollection, parentId: string | null): Identity {
  const entry = ctx.lock.collections[collection.key];
  const remote = entry === undefined ? undefined : ctx.remoteCollections.get(entry.id);
  if (entry !== undefined && remote !== undefined) return { kind: "owned", remote, entry };
  if (entry === undefined) {
    const previousKey = findMoveSource(ctx, desiredKeys, collection);
    const previous = previousKey === undefined ? undefined : ctx.lock.collections[previousKey];
    const moved = previous === undefined ? undefined : ctx.remoteCollections.get(previous.id);
    if (previousKey !== undefined && previous !== undefined && moved !== undefined) {
      ctx.movedFromCollections.add(previousKey);
      return { kind: "owned", remote: moved, entry: previous, previousKey };
    }
  }
  const adoptable = findAdoptable(ctx, collection, parentId);
  if (adoptable !== undefined) {
    ctx.claimedCollectionIds.add(adoptable.id);
    return { kind: "adopt", remote: adoptable };
  }
  return { kind: "create", recreate: entry !== undefined };
}

function planCreate(ctx: PlanContext, collection: DesiredCollection, recreate: boolean): CollectionPlanItem {
  const content: Record<string, CollectionFields> = {};
  for (const locale of ctx.managed) {
    const fields = fieldsOf(collection, locale);
    if (fields !== undefined) content[locale] = fields;
  }
  const base = newItemBase(ctx, { type: "collection", key: collection.key, parentKey: collection.parentKey, recreate, locales: Object.keys(content), fieldNames: COLLECTION_FIELD_NAMES });
  return { ...base, type: "collection", content };
}

function differingFields(desired: CollectionFields, remote: { name: string; description: string }): string[] {
  const out: string[] = [];
  if (normaliseText(desired.name) !== normaliseText(remote.name)) out.push("name");
  if (normaliseText(desired.description) !== normaliseText(remote.description ?? "")) out.push("description");
  return out;
}

function planExisting(
  ctx: PlanContext,
  collection: DesiredCollection,
  parentId: string | null,
  identity: Extract<Identity, { kind: "owned" | "adopt" }>,
): CollectionPlanItem {
  const { remote } = identity;
  const entry = identity.kind === "owned" ? identity.entry : undefined;
  const outcomes: LocaleOutcome[] = [];
  const content: Record<string, CollectionFields> = {};
  for (const locale of ctx.managed) {
    const fields = fieldsOf(collection, locale);
    if (fields === undefined) continue;
    const desired = hashCollectionFields(fields);
    const remoteLocale = remote.locales[locale];
    const decision = diffLocale({
      desired,
      fieldNames: COLLECTION_FIELD_NAMES,
      lock: entry?.locales[locale],
      remote:
        remoteLocale === undefined
          ? undefined
          : {
              updatedAt: remote.updatedAt,
              differingFields: () => differingFields(fields, remoteLocale),
              fingerprint: () => fingerprintCollectionLocale(remoteLocale),
            },
      force: ctx.options.force,
      plainText: true,
    });
    if (decision.kind === "add" || decision.kind === "update") content[locale] = fields;
    outcomes.push({ locale, decision, desired, remoteUpdatedAt: remoteLocale === undefined ? undefined : remote.updatedAt });
  }
  const collected = collectChanges(outcomes);
  const previousKey = identity.kind === "owned" ? identity.previousKey : undefined;
  const moveParent = parentId !== remote.parentId;
  return existingItem(ctx, {
    type: "collection",
    key: collection.key,
    parentKey: collection.parentKey,
    remote,
    adopted: identity.kind === "adopt",
    previousKey,
    moveParent,
    collected,
    content,
    lockedLocales: Object.keys(entry?.locales ?? {}),
    hasLocale: (locale) => fieldsOf(collection, locale) !== undefined,
  });
}

/**
 * Plans every collection in the tree, parents first, recording each key's id (or PENDING_ID) in
 * `ctx.collectionIds` so articles and child collections can find their parent.
 */
export function planCollections(ctx: PlanContext, collections: readonly DesiredCollection[]): CollectionPlanItem[] {
  const desiredKeys = new Set(collections.map((c) => c.key));
  const items: CollectionPlanItem[] = [];
  for (const collection of collections) {
    const parentId = collection.parentKey === null ? null : (ctx.collectionIds.get(collection.parentKey) ?? PENDING_ID);
    const identity = resolveIdentity(ctx, desiredKeys, collection, parentId);
    const item = identity.kind === "create" ? planCreate(ctx, collection, identity.recreate) : planExisting(ctx, collection, parentId, identity);
    ctx.collectionIds.set(collection.key, item.id ?? PENDING_ID);
    items.push(item);
  }
  return items;
}
