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
}

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
 * - A connection that was never opened (refused, DNS) sent nothing, so any method may retry it.
 */
export async function requestWithPolicy(deps: PolicyDeps, req: HttpRequest, options: PolicyOptions = {}): Promise<unknown> {
  let failures = 0;
  let rateLimited = 0;
  let mayHaveApplied = false;
  for (;;) {
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
    report(deps, req, status, deps.clock() - started);

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

    const notSent = isNotSentFailure(outcome);
    if (req.method === "POST" && !notSent) throw toApiError(req, outcome, true);
    if (failures >= deps.maxRetries) throw toApiError(req, outcome, req.method !== "GET" && (mayHaveApplied || !notSent));
    if (!notSent) mayHaveApplied = true;
    const wait = computeBackoffMs(failures, deps.random);
    failures += 1;
    deps.logger?.debug(`retry ${failures}/${deps.maxRetries} of ${req.method} ${req.path} in ${wait}ms`);
    await deps.sleep(wait);
  }
}

function report(deps: PolicyDeps, req: HttpRequest, status: number | null, durationMs: number): void {
  deps.logger?.debug(`${req.method} ${req.path} ${status ?? "no response"} ${durationMs}ms`);
  deps.onRequest?.({ method: req.method, path: req.path, status, write: req.method !== "GET" });
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
