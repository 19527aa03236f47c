import { SyncError, type Finding } from "../errors/sync-error.js";

/** One entry of Intercom's `error.list`. */
export interface IntercomErrorDetail {
  code: string;
  message: string | null;
  field: string | null;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface IntercomApiErrorInit {
  /** HTTP status, or null when no response arrived (network error, timeout). */
  status: number | null;
  method: HttpMethod;
  /** Request path with its query, never the host or headers. */
  path: string;
  errors?: IntercomErrorDetail[];
  requestId?: string | null;
  /**
   * True when a write may or may not have been applied (a create that timed out, a dropped
   * connection, a 5xx): the caller must look before it retries.
   */
  outcomeUnknown?: boolean;
  /** Network failures: the low-level error code (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`, ...). */
  networkCode?: string | null;
  /** Network failures: a description already scrubbed of secrets. */
  networkMessage?: string | null;
}

/**
 * Every failure of an Intercom request. It carries what is needed to act on the failure and
 * nothing that could leak the access token: no headers, no raw transport error as `cause`.
 */
export class IntercomApiError extends SyncError<ApiErrorCode> {
  readonly status: number | null;
  readonly method: HttpMethod;
  readonly path: string;
  readonly errors: readonly IntercomErrorDetail[];
  readonly requestId: string | null;
  readonly outcomeUnknown: boolean;
  readonly networkCode: string | null;

  constructor(init: IntercomApiErrorInit) {
    const errors = init.errors ?? [];
    const failure = describeFailure(init, errors);
    super(failure.code, failure.details);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.errors = errors;
    this.requestId = init.requestId ?? null;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.networkCode = init.networkCode ?? null;
  }
}

/** True for an `IntercomApiError`, whatever realm it came from. */
export function isIntercomApiError(error: unknown): error is IntercomApiError {
  return error instanceof IntercomApiError;
}

/** The API codes a failed request maps to. */
type ApiErrorCode =
  | "api/timeout"
  | "api/network-error"
  | "api/unauthorized"
  | "api/forbidden"
  | "api/not-found"
  | "api/rate-limited"
  | "api/server-error"
  | "api/rejected"
  | "api/http-error";

function describeFailure(init: IntercomApiErrorInit, errors: readonly IntercomErrorDetail[]): Finding<ApiErrorCode> {
  const where = `${init.method} ${init.path}`;
  const details = errors
    .map((e) => (e.field ? `${e.field}: ` : "") + (e.message ?? e.code))
    .join("; ");
  const suffix = (details ? `: ${details}` : "") + (init.requestId ? ` (request id ${init.requestId})` : "");
  const unknown = init.outcomeUnknown
    ? " The request may or may not have been applied; the next run reconciles it."
    : "";
  const request = { where, suffix };

  if (init.status === null) {
    const timedOut = init.networkCode === "TIMEOUT" || (init.networkCode ?? "").includes("TIMEOUT");
    return timedOut
      ? { code: "api/timeout", details: { ...request, unknown } }
      : { code: "api/network-error", details: { ...request, unknown, reason: init.networkMessage ?? init.networkCode ?? "network error" } };
  }
  switch (init.status) {
    case 401:
      return { code: "api/unauthorized", details: request };
    case 403:
      return { code: "api/forbidden", details: request };
    case 404:
      return { code: "api/not-found", details: request };
    case 429:
      return { code: "api/rate-limited", details: request };
    default:
      break;
  }
  if (init.status >= 500) return { code: "api/server-error", details: { ...request, unknown, status: init.status } };
  return { code: init.status === 400 || init.status === 422 ? "api/rejected" : "api/http-error", details: { ...request, status: init.status } };
}
