/** Composes the emulator: state, faults, persistence and the HTTP server. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { WireArticle, WireCollection } from "../intercom/wire.js";
import { editDraftInEditor } from "./article-drafts.js";
import { editArticleInEditor } from "./article-writes.js";
import { editCollectionInEditor } from "./collection-writes.js";
import type { EmulatorControls } from "./control-routes.js";
import { FaultController } from "./faults.js";
import { createSnapshotSaver, readSnapshotFile } from "./persistence.js";
import { buildSeedSnapshot } from "./seed.js";
import { toWireArticle, toWireAudience, toWireCollection } from "./serialize.js";
import { createAnswerQueue } from "./answer-queue.js";
import { createRequestListener } from "./server.js";
import { EmulatorStore } from "./store.js";
import type {
  ArticleEdit,
  CollectionEdit,
  EmulatorOptions,
  EmulatorSnapshot,
  FaultSettings,
  RequestLogEntry,
} from "./types.js";

const DEFAULT_HOST = "127.0.0.1";

export interface EmulatorStateAccess {
  /** A deep copy of the whole state. */
  dump(): EmulatorSnapshot;
  /** Replaces the whole state (saved to the data file, if any). */
  load(snapshot: EmulatorSnapshot): void;
}

export interface Emulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorStateAccess;
  /** Every Intercom API request so far, oldest first (a live array). */
  readonly requests: readonly RequestLogEntry[];
  /** The fault knobs now in force. */
  readonly faults: FaultSettings;
  /** Stops listening, drops open connections and waits for pending saves. */
  close(): Promise<void>;
  /** POST, PUT and DELETE requests received (attempts, whatever their outcome). */
  writeCount(): number;
  resetRequestLog(): void;
  /** Back to the initial state (or `snapshot`); clears the log, scripted faults and rate windows. */
  reset(snapshot?: EmulatorSnapshot): void;
  /**
   * An edit made in Intercom's editor: changes one locale and bumps its `updated_at` (with
   * `draft: true`, the locale's staged draft and its `draft_updated_at`).
   */
  editInEditor(articleId: string, locale: string, changes: ArticleEdit): WireArticle;
  /** The same for a collection. */
  editCollectionInEditor(collectionId: string, locale: string, changes: CollectionEdit): WireCollection;
  setFaults(partial: Partial<FaultSettings>): void;
  /** The next `count` API requests answer `status` (default 500) and are not applied. */
  failNext(count: number, status?: number): void;
  /** The next `count` successful writes are applied, then the connection is destroyed unanswered. */
  dropNextWrites(count: number): void;
  /** Adds a Fin audience to the workspace (what `POST /_emulator/audiences` does). */
  addAudience(name: string): unknown;
}

/**
 * Starts a local server that behaves like Intercom's Help Center API 2.16.
 * With `dataFile`, the state is loaded from it when it exists and saved to it after every change.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const initial = buildSeedSnapshot(options.seed, Math.floor(clock() / 1000));
  const persisted = options.dataFile === undefined ? null : await readSnapshotFile(options.dataFile);
  const store = new EmulatorStore(persisted ?? initial, clock);
  const faults = new FaultController(options, random, clock);
  const saver = createSnapshotSaver(options.dataFile, () => store.dump());
  const log: RequestLogEntry[] = [];
  const tokens = options.tokens === undefined ? null : new Set(options.tokens);
  const saveInBackground = (): void => {
    saver.save().catch((error: unknown) => console.error("emulator: could not save the data file", error));
  };
  const addAudience = (name: string): unknown => {
    const audience = store.addAudience(name);
    saveInBackground();
    return toWireAudience(audience);
  };

  const reset = (snapshot?: EmulatorSnapshot): void => {
    store.load(snapshot ?? initial);
    log.length = 0;
    faults.reset();
    saveInBackground();
  };
  const editInEditor = (id: string, locale: string, changes: ArticleEdit): WireArticle => {
    const article = changes.draft === true ? editDraftInEditor(store, parseId(id), locale, changes) : editArticleInEditor(store, parseId(id), locale, changes);
    saveInBackground();
    return toWireArticle(store, article, true);
  };
  const editCollection = (id: string, locale: string, changes: CollectionEdit): WireCollection => {
    const collection = editCollectionInEditor(store, parseId(id), locale, changes);
    saveInBackground();
    return toWireCollection(store, collection);
  };
  const controls: EmulatorControls = {
    dump: () => store.dump(),
    reset,
    requests: () => log,
    editArticle: editInEditor,
    editCollection,
    setFaults: (partial) => {
      faults.set(partial);
      return faults.settings;
    },
    failNext: (count, status) => faults.failNext(count, status),
    dropNextWrites: (count) => faults.dropNextWrites(count),
    addAudience,
  };

  const server = createServer(
    createRequestListener({
      store,
      faults,
      saver,
      controls,
      log,
      isTokenAccepted: (token) => token !== "" && (tokens === null || tokens.has(token)),
      sleep: options.sleep ?? ((ms) => delay(ms)),
      answerQueue: createAnswerQueue(),
      responseValidator: options.responseValidator,
    }),
  );
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  if (persisted === null) await saver.save();
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    state: { dump: () => store.dump(), load: (snapshot) => { store.load(snapshot); saveInBackground(); } },
    requests: log,
    get faults() {
      return faults.settings;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saver.idle();
    },
    writeCount: () => log.filter((entry) => entry.write).length,
    resetRequestLog: () => {
      log.length = 0;
    },
    reset,
    editInEditor,
    editCollectionInEditor: editCollection,
    setFaults: (partial) => faults.set(partial),
    failNext: (count, status) => faults.failNext(count, status),
    dropNextWrites: (count) => faults.dropNextWrites(count),
    addAudience,
  };
}

function parseId(id: string): number {
  if (!/^\d+$/.test(id)) throw new Error(`Not an Intercom id: ${id}`);
  return Number(id);
}
