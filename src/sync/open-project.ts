/**
 * The project opener every command that talks to Intercom starts with: the config, the API client,
 * the lock file and, for commands that write, the folder's run lock; the default author is asked
 * of `/me` once, and only when something needs it.
 */
import path from "node:path";
import type { Dispatcher } from "undici";
import type { ResolvedConfig } from "../config/types.js";
import { SyncError } from "../errors/sync-error.js";
import { LOCK_FILE_NAME } from "../lock/lock-schema.js";
import { readLock, writeLockAtomic } from "../lock/read-write-lock.js";
import { acquireRunLock, type RunLock } from "../lock/run-lock.js";
import { readAccessToken } from "../remote/access-token.js";
import type { IntercomApi } from "../remote/api.js";
import { resolveApiBaseUrl } from "../remote/base-url.js";
import { createIntercomClient } from "../remote/client.js";
import type { Logger, RequestEvent, WaitEvent } from "../remote/request-with-policy.js";
import type { LockFile } from "../types.js";
import { lockFilePath, resolveProjectConfig, type ProjectOptions } from "./project-config.js";

export interface RemoteOptions {
  /** Use this API instead of the HTTP client (tests and the in-process demo). */
  api?: IntercomApi;
  /** undici dispatcher for the HTTP client. */
  dispatcher?: Dispatcher;
  /** Called for every HTTP attempt (request counting). */
  onRequest?: (event: RequestEvent) => void;
  /** Called before every wait: the rate limit, backoff before a retry, a create that timed out. */
  onWait?: (event: WaitEvent) => void;
  logger?: Logger;
}

export interface OpenProjectOptions extends ProjectOptions, RemoteOptions {
  /** Lock file path. Default: `intercom-sync.lock.json` next to the config. */
  lockFile?: string;
  /** How long to wait for another run in the same folder. Default: the run lock's default. */
  runLockTimeoutMs?: number;
}

/** An opened project: what every step of a command shares. */
export interface OpenProject {
  config: ResolvedConfig;
  api: IntercomApi;
  lockFile: string;
  readLock(): Promise<LockFile>;
  /** Writes the lock file atomically. */
  saveLock(lock: LockFile): Promise<void>;
  /** The admin id new articles are written by: the config's, else the token's own (one `/me`). */
  defaultAuthor(): Promise<number>;
  /** Releases the run lock, if this project holds it. */
  close(): Promise<void>;
}

/** The HTTP client for the configured workspace, unless an API was injected. */
export function connectApi(config: ResolvedConfig, options: ProjectOptions & RemoteOptions): IntercomApi {
  if (options.api) return options.api;
  const env = options.env ?? process.env;
  return createIntercomClient({
    baseUrl: resolveApiBaseUrl(config, env),
    token: readAccessToken(env),
    apiVersion: config.apiVersion,
    maxInFlight: config.concurrency,
    rateLimitShare: config.rateLimitShare,
    maxRetries: config.retries,
    dispatcher: options.dispatcher,
    onRequest: options.onRequest,
    onWait: options.onWait,
    logger: options.logger,
  });
}

/** The admin id new articles are written by: the config's, else the token's own admin. */
export async function resolveDefaultAuthor(config: ResolvedConfig, api: IntercomApi): Promise<number> {
  if (config.authorId !== null) return config.authorId;
  const me = await api.me();
  const id = Number(me.id);
  if (!Number.isSafeInteger(id)) {
    throw new SyncError("remote/unknown-author", { id: String(me.id) });
  }
  return id;
}

/**
 * A project over a config and an API client that are already known (the watcher makes a new one
 * when its config is reloaded). The default author is asked for once, on first use.
 */
export function projectOf(config: ResolvedConfig, api: IntercomApi, lockFile: string, runLock: RunLock | null = null): OpenProject {
  let author: Promise<number> | null = null;
  return {
    config,
    api,
    lockFile,
    readLock: () => readLock(lockFile, path.relative(config.rootDir, lockFile) || LOCK_FILE_NAME),
    saveLock: (lock) => writeLockAtomic(lockFile, lock),
    defaultAuthor() {
      if (author === null) {
        author = resolveDefaultAuthor(config, api);
        // A failed `/me` is asked again next time rather than remembered.
        author.catch(() => (author = null));
      }
      return author;
    },
    close: async () => runLock?.release(),
  };
}

/**
 * Opens the project: loads the config and connects the API; with `runLock`, waits for the folder's
 * run lock so two runs that write never interleave (`close` releases it).
 */
export async function openProject(options: OpenProjectOptions, { runLock = false }: { runLock?: boolean } = {}): Promise<OpenProject> {
  const config = await resolveProjectConfig(options);
  const api = connectApi(config, options);
  const held = runLock ? await acquireRunLock(config.rootDir, { timeoutMs: options.runLockTimeoutMs }) : null;
  return projectOf(config, api, lockFilePath(config, options.lockFile), held);
}
