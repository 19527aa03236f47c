/**
 * The emulator's state and the rules every change obeys: ids of a kind are never reused, and an
 * item's `updated_at` strictly increases on every change (max(now, previous + 1)), so a client
 * comparing timestamps never misses a change made within the same second.
 */
import type { EmulatorSnapshot, StoredAdmin, StoredArticle, StoredAudience, StoredCollection, StoredHelpCenter, StoredInternalArticle, StoredRedirect, StoredTag } from "./types.js";
import { assertSnapshot, FIRST_TAG_ID } from "./seed.js";

const FIRST_INTERNAL_ARTICLE_ID = 50_000;

export class EmulatorStore {
  private data: EmulatorSnapshot;
  private readonly clock: () => number;

  constructor(snapshot: EmulatorSnapshot, clock: () => number) {
    this.data = structuredClone(snapshot);
    this.clock = clock;
  }

  /** A deep copy of the whole state. */
  dump(): EmulatorSnapshot {
    this.runDueSchedules();
    return structuredClone(this.data);
  }

  /** Replaces the whole state. */
  load(snapshot: EmulatorSnapshot): void {
    assertSnapshot(snapshot);
    this.data = structuredClone(snapshot);
  }

  get workspaceId(): string {
    return this.data.workspaceId;
  }

  get defaultLocale(): string {
    return this.data.defaultLocale;
  }

  /** Current time in epoch seconds. */
  nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** The `updated_at` for an item changed now that was last changed at `previous`. */
  nextTimestamp(previous: number): number {
    return Math.max(this.nowSeconds(), previous + 1);
  }

  admins(): readonly StoredAdmin[] {
    return this.data.admins;
  }

  me(): StoredAdmin {
    const admin = this.data.admins.find((a) => a.id === this.data.meAdminId) ?? this.data.admins[0];
    if (!admin) throw new Error("The emulator has no admin");
    return admin;
  }

  isAdmin(id: number): boolean {
    return this.data.admins.some((admin) => admin.id === id);
  }

  helpCenters(): readonly StoredHelpCenter[] {
    return this.data.helpCenters;
  }

  findHelpCenter(id: number): StoredHelpCenter | undefined {
    return this.data.helpCenters.find((center) => center.id === id);
  }

  defaultHelpCenter(): StoredHelpCenter {
    const center = this.data.helpCenters.find((c) => c.isDefault) ?? this.data.helpCenters[0];
    if (!center) throw new Error("The emulator has no help center");
    return center;
  }

  collections(): readonly StoredCollection[] {
    return this.data.collections;
  }

  findCollection(id: number): StoredCollection | undefined {
    return this.data.collections.find((collection) => collection.id === id);
  }

  articles(): readonly StoredArticle[] {
    return this.data.articles;
  }

  findArticle(id: number): StoredArticle | undefined {
    return this.data.articles.find((article) => article.id === id);
  }

  /** The help center of an article: its collection's, or the default one for a stand-alone article. */
  helpCenterOfArticle(article: Pick<StoredArticle, "parentId">): StoredHelpCenter {
    const parent = article.parentId === null ? undefined : this.findCollection(article.parentId);
    return (parent && this.findHelpCenter(parent.helpCenterId)) ?? this.defaultHelpCenter();
  }

  /** 1 for a top-level collection, 2 for its child, and so on. */
  depthOf(collection: StoredCollection): number {
    let depth = 1;
    for (let parent = this.parentOf(collection); parent; parent = this.parentOf(parent)) depth += 1;
    return depth;
  }

  private parentOf(collection: StoredCollection): StoredCollection | undefined {
    return collection.parentId === null ? undefined : this.findCollection(collection.parentId);
  }

  /** Levels in the subtree rooted at `collection` (1 when it has no children). */
  heightOf(collection: StoredCollection): number {
    const children = this.data.collections.filter((c) => c.parentId === collection.id);
    return 1 + Math.max(0, ...children.map((child) => this.heightOf(child)));
  }

  /** True when `candidate` is `collection` or one of its descendants. */
  isWithin(candidate: StoredCollection, collection: StoredCollection): boolean {
    for (let node: StoredCollection | undefined = candidate; node; node = this.parentOf(node)) {
      if (node.id === collection.id) return true;
    }
    return false;
  }

  /** True when a collection holds articles or child collections. */
  hasChildren(collection: StoredCollection): boolean {
    return (
      this.data.collections.some((c) => c.parentId === collection.id) ||
      this.data.articles.some((a) => a.parentId === collection.id)
    );
  }

  allocateCollectionId(): number {
    return this.data.nextIds.collection++;
  }

  allocateArticleId(): number {
    return this.data.nextIds.article++;
  }

  addCollection(collection: StoredCollection): void {
    this.data.collections.push(collection);
  }

  addArticle(article: StoredArticle): void {
    this.data.articles.push(article);
  }

  removeCollection(id: number): void {
    this.data.collections = this.data.collections.filter((collection) => collection.id !== id);
  }

  removeArticle(id: number): void {
    this.data.articles = this.data.articles.filter((article) => article.id !== id);
  }

  redirects(): readonly StoredRedirect[] {
    return this.data.redirects ?? [];
  }

  allocateRedirectId(): number {
    const next = this.data.nextIds.redirect ?? 1;
    this.data.nextIds.redirect = next + 1;
    return next;
  }

  addRedirect(redirect: StoredRedirect): void {
    this.data.redirects = [...this.redirects(), redirect];
  }

  removeRedirect(id: number): void {
    this.data.redirects = this.redirects().filter((redirect) => redirect.id !== id);
  }

  internalArticles(): readonly StoredInternalArticle[] {
    return this.data.internalArticles ?? [];
  }

  findInternalArticle(id: number): StoredInternalArticle | undefined {
    return this.internalArticles().find((article) => article.id === id);
  }

  /** Internal articles number apart from help center articles, as their ids are another space. */
  allocateInternalArticleId(): number {
    const next = this.data.nextIds.internalArticle ?? FIRST_INTERNAL_ARTICLE_ID;
    this.data.nextIds.internalArticle = next + 1;
    return next;
  }

  addInternalArticle(article: StoredInternalArticle): void {
    this.data.internalArticles = [...this.internalArticles(), article];
  }

  removeInternalArticle(id: number): void {
    this.data.internalArticles = this.internalArticles().filter((article) => article.id !== id);
  }

  audiences(): readonly StoredAudience[] {
    return this.data.audiences ?? [];
  }

  addAudience(name: string): StoredAudience {
    const id = this.data.nextIds.audience ?? 1;
    this.data.nextIds.audience = id + 1;
    const now = this.nowSeconds();
    const audience: StoredAudience = { id, name, createdAt: now, updatedAt: now };
    this.data.audiences = [...this.audiences(), audience];
    return audience;
  }

  tags(): readonly StoredTag[] {
    return this.data.tags ?? [];
  }

  findTag(id: number): StoredTag | undefined {
    return this.tags().find((tag) => tag.id === id);
  }

  /** The tag of that name (Intercom's tag names are unique, without regard to case), created when missing. */
  tagNamed(name: string): { tag: StoredTag; created: boolean } {
    const found = this.tags().find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    if (found) return { tag: found, created: false };
    const id = this.data.nextIds.tag ?? FIRST_TAG_ID;
    this.data.nextIds.tag = id + 1;
    const tag: StoredTag = { id, name };
    this.data.tags = [...this.tags(), tag];
    return { tag, created: true };
  }

  /**
   * Carries out every schedule whose time has come on the emulator's clock: a publish publishes
   * every locale, an unpublish makes every locale a draft. Each is a change of the article.
   * Returns whether anything happened.
   */
  runDueSchedules(): boolean {
    const now = this.nowSeconds();
    let changed = false;
    for (const article of this.data.articles) {
      const publish = article.scheduledPublishAt;
      const unpublish = article.scheduledUnpublishAt;
      const due = publish != null && publish <= now ? "published" : unpublish != null && unpublish <= now ? "draft" : null;
      if (due === null) continue;
      const at = (due === "published" ? publish : unpublish) ?? now;
      article.scheduledPublishAt = null;
      article.scheduledUnpublishAt = null;
      for (const locale of Object.values(article.locales)) {
        if (locale.state === due) continue;
        locale.state = due;
        if (due === "published") locale.everPublished = true;
        locale.updatedAt = Math.max(at, locale.updatedAt + 1);
      }
      article.updatedAt = Math.max(at, article.updatedAt + 1);
      changed = true;
    }
    return changed;
  }
}

/** Intercom's list order: most recently updated first, newest id first among equals. */
export function byUpdatedAtDescending(a: { updatedAt: number; id: number }, b: { updatedAt: number; id: number }): number {
  return b.updatedAt - a.updatedAt || b.id - a.id;
}
