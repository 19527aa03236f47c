/**
 * Create, update, delete and editor edits of collections. Collections nest up to
 * MAX_COLLECTION_DEPTH levels; a child lives in its parent's help center.
 */
import { invalidParameter, missingParameter, notFound } from "./api-error.js";
import type { ApiError } from "./api-error.js";
import { parseRequest } from "./parse-request.js";
import { createCollectionRequestSchema, updateCollectionRequestSchema } from "./request-schemas.js";
import type { CreateCollectionRequest, UpdateCollectionRequest } from "./request-schemas.js";
import type { EmulatorStore } from "./store.js";
import type { CollectionEdit, StoredCollection, StoredCollectionLocale, StoredHelpCenter } from "./types.js";
import { MAX_COLLECTION_DEPTH, assertLocaleEnabled, readParentId } from "./write-rules.js";

/** Icon Intercom gives a collection created through the API. */
const DEFAULT_ICON = "book-bookmark";

interface LocaleChange {
  field: string;
  name?: string;
  description?: string;
}

/** Applies `POST /help_center/collections`. */
export function createCollection(store: EmulatorStore, body: unknown): StoredCollection {
  const request = parseRequest(createCollectionRequestSchema, body);
  const parent = readParent(store, request.parent_id);
  const center = resolveHelpCenter(store, request.help_center_id, parent);
  if (parent && store.depthOf(parent) + 1 > MAX_COLLECTION_DEPTH) throw tooDeep();
  const changes = collectChanges(request, store.defaultLocale);
  const main = changes.get(store.defaultLocale);
  if (main?.name === undefined) throw missingParameter("Name is a required parameter.", "name");
  const now = store.nowSeconds();
  const locales: Record<string, StoredCollectionLocale> = {};
  for (const [locale, change] of changes) {
    assertLocaleEnabled(center, locale, change.field);
    locales[locale] = mergeLocale(undefined, change).next;
  }
  const parentId = parent?.id ?? null;
  const collection: StoredCollection = {
    id: store.allocateCollectionId(),
    helpCenterId: center.id,
    parentId,
    order: store.collections().filter((c) => c.parentId === parentId && c.helpCenterId === center.id).length,
    icon: DEFAULT_ICON,
    defaultLocale: store.defaultLocale,
    createdAt: now,
    updatedAt: now,
    locales,
  };
  store.addCollection(collection);
  return collection;
}

/** Applies `PUT /help_center/collections/{id}`; `parent_id` moves it (null: to the top level). */
export function updateCollection(store: EmulatorStore, id: number, body: unknown): { collection: StoredCollection; changed: boolean } {
  const collection = store.findCollection(id);
  if (!collection) throw notFound();
  const request = parseRequest(updateCollectionRequestSchema, body);
  let nextParentId = collection.parentId;
  if (request.parent_id !== undefined) {
    const parent = readParent(store, request.parent_id);
    if (parent) checkMove(store, collection, parent);
    nextParentId = parent?.id ?? null;
  }
  const center = store.findHelpCenter(collection.helpCenterId) ?? store.defaultHelpCenter();
  const nextLocales = { ...collection.locales };
  let changed = nextParentId !== collection.parentId;
  for (const [locale, change] of collectChanges(request, collection.defaultLocale)) {
    assertLocaleEnabled(center, locale, change.field);
    const merged = mergeLocale(collection.locales[locale], change);
    nextLocales[locale] = merged.next;
    changed ||= merged.changed;
  }
  if (changed) {
    collection.locales = nextLocales;
    collection.parentId = nextParentId;
    collection.updatedAt = store.nextTimestamp(collection.updatedAt);
  }
  return { collection, changed };
}

/**
 * Applies `DELETE /help_center/collections/{id}`. The 2.16 spec does not say what happens to the
 * content of a deleted collection; the emulator refuses (400) while it still holds articles or
 * child collections, so a client can never delete content by deleting its container.
 */
export function deleteCollection(store: EmulatorStore, id: number): void {
  const collection = store.findCollection(id);
  if (!collection) throw notFound();
  if (store.hasChildren(collection)) {
    throw invalidParameter("Collection still has articles or child collections; move or delete them first");
  }
  store.removeCollection(id);
}

/** A change made in Intercom's editor to one locale of a collection. */
export function editCollectionInEditor(store: EmulatorStore, id: number, locale: string, edit: CollectionEdit): StoredCollection {
  const collection = store.findCollection(id);
  if (!collection) throw notFound();
  assertLocaleEnabled(store.findHelpCenter(collection.helpCenterId) ?? store.defaultHelpCenter(), locale, "locale");
  const merged = mergeLocale(collection.locales[locale], { field: `translated_content.${locale}`, ...edit });
  if (merged.changed) {
    collection.locales = { ...collection.locales, [locale]: merged.next };
    collection.updatedAt = store.nextTimestamp(collection.updatedAt);
  }
  return collection;
}

function tooDeep(): ApiError {
  return invalidParameter(`Collections can be nested at most ${MAX_COLLECTION_DEPTH} levels deep`, "parent_id");
}

function readParent(store: EmulatorStore, value: string | null | undefined): StoredCollection | undefined {
  const parentId = readParentId(value);
  if (parentId === null || parentId === undefined) return undefined;
  const parent = Number.isInteger(parentId) ? store.findCollection(parentId) : undefined;
  // POST declares no 404, so an unknown parent is a 400 on the field, for create and update alike.
  if (!parent) throw invalidParameter(`parent_id ${String(value)} is not a collection of this workspace`, "parent_id");
  return parent;
}

function resolveHelpCenter(store: EmulatorStore, helpCenterId: number | null | undefined, parent: StoredCollection | undefined): StoredHelpCenter {
  if (helpCenterId === null || helpCenterId === undefined) {
    return (parent && store.findHelpCenter(parent.helpCenterId)) ?? store.defaultHelpCenter();
  }
  const center = store.findHelpCenter(helpCenterId);
  if (!center) throw invalidParameter(`help_center_id ${helpCenterId} is not a help center of this workspace`, "help_center_id");
  if (parent && parent.helpCenterId !== center.id) {
    throw invalidParameter("parent_id is a collection of another help center", "parent_id");
  }
  return center;
}

function checkMove(store: EmulatorStore, collection: StoredCollection, parent: StoredCollection): void {
  if (store.isWithin(parent, collection)) throw invalidParameter("A collection cannot be moved into itself or its descendants", "parent_id");
  if (parent.helpCenterId !== collection.helpCenterId) throw invalidParameter("parent_id is a collection of another help center", "parent_id");
  if (store.depthOf(parent) + store.heightOf(collection) > MAX_COLLECTION_DEPTH) throw tooDeep();
}

function collectChanges(request: CreateCollectionRequest | UpdateCollectionRequest, defaultLocale: string): Map<string, LocaleChange> {
  const changes = new Map<string, LocaleChange>();
  for (const [locale, content] of Object.entries(request.translated_content ?? {})) {
    if (locale === "type" || content === null || content === undefined || typeof content === "string") continue;
    changes.set(locale, { field: `translated_content.${locale}`, name: content.name, description: content.description });
  }
  if (request.name !== undefined || request.description !== undefined) {
    const existing = changes.get(defaultLocale);
    changes.set(defaultLocale, {
      field: existing?.field ?? "",
      name: request.name ?? existing?.name,
      description: request.description ?? existing?.description,
    });
  }
  return changes;
}

function mergeLocale(existing: StoredCollectionLocale | undefined, change: LocaleChange): { next: StoredCollectionLocale; changed: boolean } {
  if (!existing) {
    const prefix = change.field === "" ? "" : `${change.field}.`;
    if (change.name === undefined) throw missingParameter(`${prefix}name is required for a new locale`, `${prefix}name`);
    return { next: { name: change.name, description: change.description ?? "" }, changed: true };
  }
  const next = { name: change.name ?? existing.name, description: change.description ?? existing.description };
  return { next, changed: next.name !== existing.name || next.description !== existing.description };
}
