import { computeBackoffMs } from "./backoff.js";
import { IntercomApiError, type HttpMethod, type IntercomErrorDetail } from "./errors.js";
import { parseRateLimitHeaders, type RateLimitPacer } from "./rate-limit-pacer.js";
import { isNotSentFailure, sendRequest, type HttpOutcome, type HttpRequest, type TransportOptions } from "./send-request.js";

/** What the client reports per HTTP attempt (retries included). */
export interface RequestEvent {
  method: HttpMethod;
  path: string;
  /** null when no response arrived. */
  status: number | null;
  write: boolean;
  /** 1 for the first attempt of a request, 2 for its first retry, ... */
  attempt?: number;
}

/** A wait the client (or apply) decided on: what it waits for, and how long. */
export interface WaitEvent {
  ms: number;
  /** Completes "Waiting 2.5 s …": "for the rate limit to reset", "before retry 2 of 6 of GET /articles after a 503". */
  reason: string;
}

/** Retries of a connection that was refused (or a host not found), apart from `maxRetries`. */
export const MAX_CONNECT_RETRIES = 4;
/** First wait after a refused connection; doubles up to {@link CONNECT_BACKOFF_CAP_MS}. */
export const CONNECT_BACKOFF_BASE_MS = 250;
/**
 * Ceiling of one wait after a refused connection. With 4 retries the waits add up to 3.75 s at
 * most, so a host that refuses everything fails within 5 s instead of after the long backoff a
 * busy server deserves: nothing is listening there, waiting longer rarely helps.
 */
export const CONNECT_BACKOFF_CAP_MS = 2_000;

export interface Logger {
  debug(message: string): void;
}

export interface PolicyDeps {
  transport: TransportOptions;
  pacer: RateLimitPacer;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxRetries: number;
  maxRateLimitRetries: number;
  logger?: Logger;
  onRequest?: (event: RequestEvent) => void;
  onWait?: (event: WaitEvent) => void;
}

export interface PolicyOptions {
  /** DELETE: a 404 after an attempt that may have been applied means the item is gone: success. */
  notFoundAfterRetryIsSuccess?: boolean;
}

/**
 * Sends a request under the retry policy and returns the parsed JSON body of a 2xx answer.
 *
 * - 429: nothing was applied, so every method waits for the window to reset and retries, within
 *   its own budget (`maxRateLimitRetries`).
 * - 5xx, timeouts, dropped connections: GET, PUT and DELETE are idempotent (a repeated PUT stores
 *   the same content, a repeated DELETE finds nothing), so they are retried with backoff.
 *   A POST creates: the first attempt may have created the item even though no answer came back,
 *   and resending it could create a duplicate. It fails at once with `outcomeUnknown: true`, so
 *   the caller looks for the item (find-and-adopt) before creating it again.
 * - A connection that was never opened (refused, DNS) sent nothing, so any method may retry it,
 *   within a short budget of its own (`MAX_CONNECT_RETRIES`).
 */
export async function requestWithPolicy(deps: PolicyDeps, req: HttpRequest, options: PolicyOptions = {}): Promise<unknown> {
  let failures = 0;
  let refused = 0;
  let rateLimited = 0;
  let mayHaveApplied = false;
  for (let attempt = 1; ; attempt += 1) {
    await deps.pacer.acquire();
    const started = deps.clock();
    let outcome: HttpOutcome;
    try {
      outcome = await sendRequest(req, deps.transport);
    } catch (error) {
      deps.pacer.release(null, false);
      throw error;
    }
    const status = outcome.kind === "response" ? outcome.status : null;
    deps.pacer.release(outcome.kind === "response" ? parseRateLimitHeaders(outcome.headers) : null, status === 429, deps.clock() - started);
    report(deps, req, status, deps.clock() - started, attempt);

    if (outcome.kind === "response" && status !== null && status >= 200 && status < 300) return outcome.body;

    if (status === 429) {
      if (rateLimited < deps.maxRateLimitRetries) {
        rateLimited += 1;
        continue; // the pacer now holds every request until the reset
      }
      throw toApiError(req, outcome, false);
    }

    if (status === 404 && options.notFoundAfterRetryIsSuccess && mayHaveApplied) return null;

    const transient = status === null || status >= 500;
    if (!transient) throw toApiError(req, outcome, false);

    if (isNotSentFailure(outcome)) {
      if (refused >= MAX_CONNECT_RETRIES) throw toApiError(req, outcome, req.method !== "GET" && mayHaveApplied);
      const wait = computeBackoffMs(refused, deps.random, CONNECT_BACKOFF_BASE_MS, CONNECT_BACKOFF_CAP_MS);
      refused += 1;
      await waitBefore(deps, wait, `before retry ${refused} of ${MAX_CONNECT_RETRIES} of ${req.method} ${req.path}: ${describeNetwork(outcome)}`);
      continue;
    }
    if (req.method === "POST") throw toApiError(req, outcome, true);
    if (failures >= deps.maxRetries) throw toApiError(req, outcome, req.method !== "GET");
    mayHaveApplied = true;
    const wait = computeBackoffMs(failures, deps.random);
    failures += 1;
    await waitBefore(deps, wait, `before retry ${failures} of ${deps.maxRetries} of ${req.method} ${req.path} after ${status === null ? describeNetwork(outcome) : `a ${status}`}`);
  }
}

/** What went wrong with a request that got no answer, in a few words. */
function describeNetwork(outcome: HttpOutcome): string {
  if (outcome.kind !== "network") return "no answer";
  if (outcome.timedOut) return "a timeout";
  if (outcome.code === "ECONNREFUSED") return "connection refused";
  if (outcome.code === "ENOTFOUND" || outcome.code === "EAI_AGAIN") return "host not found";
  return `a dropped connection (${outcome.code})`;
}

async function waitBefore(deps: PolicyDeps, ms: number, reason: string): Promise<void> {
  deps.logger?.debug(`${reason}: waiting ${ms}ms`);
  deps.onWait?.({ ms, reason });
  await deps.sleep(ms);
}

function report(deps: PolicyDeps, req: HttpRequest, status: number | null, durationMs: number, attempt: number): void {
  deps.logger?.debug(`${req.method} ${req.path} ${status ?? "no response"} ${durationMs}ms`);
  deps.onRequest?.({ method: req.method, path: req.path, status, write: req.method !== "GET", attempt });
}

function toApiError(req: HttpRequest, outcome: HttpOutcome, outcomeUnknown: boolean): IntercomApiError {
  if (outcome.kind === "network") {
    return new IntercomApiError({
      status: null,
      method: req.method,
      path: req.path,
      outcomeUnknown,
      networkCode: outcome.code,
      networkMessage: outcome.message,
    });
  }
  const { errors, requestId } = readErrorList(outcome.body);
  const headerId = outcome.headers["x-request-id"];
  return new IntercomApiError({
    status: outcome.status,
    method: req.method,
    path: req.path,
    errors,
    requestId: requestId ?? (typeof headerId === "string" ? headerId : null),
    outcomeUnknown,
  });
}

/** The `errors` and `request_id` of an `error.list` body; empty for anything else. */
export function readErrorList(body: unknown): { errors: IntercomErrorDetail[]; requestId: string | null } {
  if (!body || typeof body !== "object") return { errors: [], requestId: null };
  const record = body as { request_id?: unknown; errors?: unknown };
  const list = Array.isArray(record.errors) ? record.errors : [];
  const errors = list
    .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
    .map((e) => ({
      code: typeof e.code === "string" ? e.code : "unknown",
      message: typeof e.message === "string" ? e.message : null,
      field: typeof e.field === "string" ? e.field : null,
    }));
  return { errors, requestId: typeof record.request_id === "string" ? record.request_id : null };
}
