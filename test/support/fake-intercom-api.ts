/**
 * An in-memory `IntercomApi` for apply tests. It records every call, tracks how many requests are
 * in flight, and behaves like Intercom where apply depends on it: string ids, integer parent ids
 * on articles, the default locale at the top level, per-locale `updated_at` and `url`, stored HTML
 * rewritten, 404 for unknown ids. Faults are injected per method.
 */
import type {
  WireAdmin,
  WireArticle,
  WireArticleContent,
  WireArticleContentRequest,
  WireCollection,
  WireCreateArticleRequest,
  WireCreateCollectionRequest,
  WireGroupContent,
  WireHelpCenter,
  WireUpdateArticleRequest,
  WireUpdateCollectionRequest,
} from "../../src/intercom/wire.js";
import type { IntercomApi } from "../../src/remote/api.js";
import type { RemoteArticle, RemoteCollection, RemoteState } from "../../src/types.js";

export class FakeApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

export interface FakeCall {
  method: keyof IntercomApi;
  id?: string;
  body?: unknown;
}

interface Fault {
  method: keyof IntercomApi;
  /** Perform the write, then fail as if the response was lost. */
  afterWrite: boolean;
  error: FakeApiError;
  match: (call: FakeCall) => boolean;
}

type StoredArticle = Omit<WireArticle, "translated_content"> & { contents: Record<string, WireArticleContent> };
type StoredCollection = Omit<WireCollection, "translated_content"> & { contents: Record<string, WireGroupContent> };

const BASE_URL = "https://help.example.com";

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export class FakeIntercomApi implements IntercomApi {
  readonly calls: FakeCall[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly articles = new Map<string, StoredArticle>();
  readonly collections = new Map<string, StoredCollection>();
  readonly helpCenter: WireHelpCenter;
  private clock = 10_000;
  private nextId = 100;
  private faults: Fault[] = [];

  constructor(options: { locales?: string[]; defaultLocale?: string } = {}) {
    this.defaultLocale = options.defaultLocale ?? "en";
    this.helpCenter = {
      id: "1",
      workspace_id: "ws",
      created_at: 1,
      updated_at: 1,
      identifier: "acme",
      website_turned_on: true,
      display_name: "Acme",
      url: BASE_URL,
      custom_domain: null,
      default: true,
      locales: options.locales ?? ["en", "fr", "de"],
    };
  }

  readonly defaultLocale: string;

  /** The next matching call to `method` fails (after performing the write when `afterWrite`). */
  failNext(method: keyof IntercomApi, options: { status?: number; message?: string; outcomeUnknown?: boolean; afterWrite?: boolean; match?: (call: FakeCall) => boolean } = {}): void {
    this.faults.push({
      method,
      afterWrite: options.afterWrite ?? false,
      error: new FakeApiError(options.message ?? `injected failure in ${method}`, options.status ?? 500, options.outcomeUnknown ?? false),
      match: options.match ?? (() => true),
    });
  }

  /** Calls to write methods, in order. */
  writes(): FakeCall[] {
    return this.calls.filter((c) => /^(create|update|delete)/.test(c.method));
  }

  private async call<T>(call: FakeCall, perform: () => T): Promise<T> {
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Yield a few times so concurrent requests overlap, as they would over a network.
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
      const index = this.faults.findIndex((f) => f.method === call.method && f.match(call));
      const fault = index === -1 ? undefined : this.faults.splice(index, 1)[0];
      if (fault !== undefined && !fault.afterWrite) throw fault.error;
      const result = perform();
      if (fault !== undefined) throw fault.error;
      return structuredClone(result);
    } finally {
      this.inFlight -= 1;
    }
  }

  private tick(): number {
    this.clock += 1;
    return this.clock;
  }

  private checkLocale(locale: string): void {
    if (!this.helpCenter.locales.includes(locale)) throw new FakeApiError(`locale ${locale} is not enabled`, 400);
  }

  private toWireArticle(stored: StoredArticle): WireArticle {
    const { contents, ...rest } = stored;
    const top = contents[stored.default_locale];
    return {
      ...rest,
      title: top?.title ?? "",
      description: top?.description ?? "",
      body: top?.body ?? "",
      author_id: top?.author_id ?? 0,
      state: top?.state ?? "draft",
      url: top?.url ?? null,
      translated_content: { type: "article_translated_content", ...contents },
    };
  }

  private toWireCollection(stored: StoredCollection): WireCollection {
    const { contents, ...rest } = stored;
    const top = contents[stored.default_locale];
    return { ...rest, name: top?.name ?? "", description: top?.description ?? "", translated_content: { type: "group_translated_content", ...contents } };
  }

  private writeArticleContent(stored: StoredArticle, locale: string, patch: WireArticleContentRequest, now: number): void {
    this.checkLocale(locale);
    const previous = stored.contents[locale];
    const title = patch.title ?? previous?.title;
    if (title === undefined) throw new FakeApiError(`title is required for a new ${locale} translation`, 400);
    const content: WireArticleContent = {
      type: "article_content",
      title,
      description: patch.description ?? previous?.description ?? "",
      // Intercom rewrites stored HTML; apply must never compare it.
      body: patch.body === undefined ? (previous?.body ?? "") : patch.body.replace(/<p>/g, '<p class="no-margin">'),
      author_id: patch.author_id ?? previous?.author_id ?? 0,
      state: patch.state ?? previous?.state ?? "draft",
      created_at: previous?.created_at ?? now,
      updated_at: now,
      url: `${BASE_URL}/${locale}/articles/${stored.id}-${slug(title)}`,
    };
    stored.contents[locale] = content;
  }

  private splitTop(body: { translated_content?: Record<string, WireArticleContentRequest> }, top: WireArticleContentRequest): Record<string, WireArticleContentRequest> {
    const patches: Record<string, WireArticleContentRequest> = {};
    if (Object.values(top).some((v) => v !== undefined)) patches[this.defaultLocale] = top;
    for (const [locale, patch] of Object.entries(body.translated_content ?? {})) patches[locale] = { ...(patches[locale] ?? {}), ...patch };
    return patches;
  }

  private checkParentCollection(id: string | number | null | undefined): void {
    if (id === null || id === undefined) return;
    if (!this.collections.has(String(id))) throw new FakeApiError(`parent collection ${id} not found`, 404);
  }

  async me(): Promise<WireAdmin> {
    return this.call({ method: "me" }, () => ({ type: "admin" as const, id: "7", name: "Ada", email: "ada@example.com" }));
  }
  async listAdmins(): Promise<WireAdmin[]> {
    return this.call({ method: "listAdmins" }, () => [{ type: "admin" as const, id: "7", name: "Ada", email: "ada@example.com" }]);
  }
  async listHelpCenters(): Promise<WireHelpCenter[]> {
    return this.call({ method: "listHelpCenters" }, () => [this.helpCenter]);
  }
  async getHelpCenter(id: string): Promise<WireHelpCenter> {
    return this.call({ method: "getHelpCenter", id }, () => this.helpCenter);
  }
  async listCollections(): Promise<WireCollection[]> {
    return this.call({ method: "listCollections" }, () => [...this.collections.values()].map((c) => this.toWireCollection(c)));
  }
  async getCollection(id: string): Promise<WireCollection> {
    return this.call({ method: "getCollection", id }, () => this.toWireCollection(this.mustCollection(id)));
  }
  async createCollection(body: WireCreateCollectionRequest): Promise<WireCollection> {
    return this.call({ method: "createCollection", body: structuredClone(body) }, () => {
      this.checkParentCollection(body.parent_id);
      const now = this.tick();
      const id = String(this.nextId++);
      const stored: StoredCollection = {
        id, workspace_id: "ws", name: body.name, description: body.description ?? null, created_at: now, updated_at: now, url: `${BASE_URL}/${this.defaultLocale}/collections/${id}`, icon: null,
        order: this.collections.size + 1, default_locale: this.defaultLocale, parent_id: body.parent_id ?? null,
        help_center_id: body.parent_id ? null : Number(this.helpCenter.id), contents: {},
      };
      const patches: Record<string, { name?: string; description?: string }> = { [this.defaultLocale]: { name: body.name, description: body.description ?? "" }, ...(body.translated_content ?? {}) };
      for (const [locale, patch] of Object.entries(patches)) {
        this.checkLocale(locale);
        stored.contents[locale] = { type: "group_content", name: patch.name ?? "", description: patch.description ?? "" };
      }
      this.collections.set(id, stored);
      return this.toWireCollection(stored);
    });
  }
  async updateCollection(id: string, body: WireUpdateCollectionRequest): Promise<WireCollection> {
    return this.call({ method: "updateCollection", id, body: structuredClone(body) }, () => {
      const stored = this.mustCollection(id);
      if (body.parent_id !== undefined) {
        this.checkParentCollection(body.parent_id);
        stored.parent_id = body.parent_id;
      }
      const top = { name: body.name, description: body.description };
      const patches: Record<string, { name?: string; description?: string }> = { ...(body.translated_content ?? {}) };
      if (top.name !== undefined || top.description !== undefined) patches[stored.default_locale] = top;
      for (const [locale, patch] of Object.entries(patches)) {
        this.checkLocale(locale);
        const previous = stored.contents[locale];
        stored.contents[locale] = { type: "group_content", name: patch.name ?? previous?.name ?? "", description: patch.description ?? previous?.description ?? "" };
      }
      stored.updated_at = this.tick();
      return this.toWireCollection(stored);
    });
  }
  async deleteCollection(id: string): Promise<void> {
    return this.call({ method: "deleteCollection", id }, () => {
      this.mustCollection(id);
      this.collections.delete(id);
    });
  }
  async listArticles(): Promise<WireArticle[]> {
    return this.call({ method: "listArticles" }, () => [...this.articles.values()].map((a) => this.toWireArticle(a)));
  }
  async getArticle(id: string): Promise<WireArticle> {
    return this.call({ method: "getArticle", id }, () => this.toWireArticle(this.mustArticle(id)));
  }
  async createArticle(body: WireCreateArticleRequest): Promise<WireArticle> {
    return this.call({ method: "createArticle", body: structuredClone(body) }, () => {
      if (typeof body.author_id !== "number") throw new FakeApiError("author_id is required", 400);
      if (body.parent_id !== undefined && typeof body.parent_id !== "number") throw new FakeApiError("parent_id must be an integer", 400);
      this.checkParentCollection(body.parent_id);
      const now = this.tick();
      const id = String(this.nextId++);
      const stored: StoredArticle = {
        type: "article", id, workspace_id: "ws", created_at: now, updated_at: now, title: "", description: null, body: null,
        author_id: body.author_id, state: "draft", url: null, parent_ids: body.parent_id === undefined ? [] : [body.parent_id],
        default_locale: this.defaultLocale, contents: {},
      };
      const top = { title: body.title, description: body.description, body: body.body, author_id: body.author_id, state: body.state };
      for (const [locale, patch] of Object.entries(this.splitTop(body, top))) this.writeArticleContent(stored, locale, patch, now);
      this.articles.set(id, stored);
      return this.toWireArticle(stored);
    });
  }
  async updateArticle(id: string, body: WireUpdateArticleRequest): Promise<WireArticle> {
    return this.call({ method: "updateArticle", id, body: structuredClone(body) }, () => {
      const stored = this.mustArticle(id);
      const now = this.tick();
      if (body.parent_id !== undefined) {
        this.checkParentCollection(body.parent_id);
        stored.parent_ids = [Number(body.parent_id)];
      }
      const top = { title: body.title, description: body.description, body: body.body, author_id: body.author_id, state: body.state };
      for (const [locale, patch] of Object.entries(this.splitTop(body, top))) this.writeArticleContent(stored, locale, patch, now);
      stored.updated_at = now;
      return this.toWireArticle(stored);
    });
  }
  async deleteArticle(id: string): Promise<void> {
    return this.call({ method: "deleteArticle", id }, () => {
      this.mustArticle(id);
      this.articles.delete(id);
    });
  }
  async searchArticles(query: { phrase: string }): Promise<WireArticle[]> {
    return this.call({ method: "searchArticles" }, () =>
      [...this.articles.values()].filter((a) => Object.values(a.contents).some((c) => c.title.includes(query.phrase))).map((a) => this.toWireArticle(a)),
    );
  }

  /** An edit made in the Intercom UI: bumps that locale's `updated_at`. */
  editInIntercom(id: string, locale: string, patch: WireArticleContentRequest): void {
    const stored = this.mustArticle(id);
    const now = this.tick();
    this.writeArticleContent(stored, locale, patch, now);
    stored.updated_at = now;
  }

  /** The remote state as the client's reader would build it from the listings. */
  toRemoteState(): RemoteState {
    const collections: RemoteCollection[] = [...this.collections.values()].map((c) => ({
      id: c.id, parentId: c.parent_id, helpCenterId: this.helpCenter.id, defaultLocale: c.default_locale, updatedAt: c.updated_at, url: c.url,
      locales: Object.fromEntries(Object.entries(c.contents).map(([locale, content]) => [locale, { name: content.name, description: content.description }])),
    }));
    const articles: RemoteArticle[] = [...this.articles.values()].map((a) => ({
      id: a.id, parentId: a.parent_ids[0] === undefined ? null : String(a.parent_ids[0]), defaultLocale: a.default_locale, updatedAt: a.updated_at,
      locales: Object.fromEntries(Object.entries(a.contents).map(([locale, c]) => [locale, {
        title: c.title, description: c.description, body: c.body, state: c.state, authorId: c.author_id, updatedAt: c.updated_at, url: c.url,
      }])),
    }));
    const hc = this.helpCenter;
    return {
      helpCenter: { id: hc.id, identifier: hc.identifier, displayName: hc.display_name, url: hc.url, isDefault: hc.default, locales: [...hc.locales] },
      collections,
      articles,
    };
  }

  private mustArticle(id: string): StoredArticle {
    const stored = this.articles.get(id);
    if (stored === undefined) throw new FakeApiError(`article ${id} not found`, 404);
    return stored;
  }

  private mustCollection(id: string): StoredCollection {
    const stored = this.collections.get(id);
    if (stored === undefined) throw new FakeApiError(`collection ${id} not found`, 404);
    return stored;
  }
}
