import { SyncError } from "../errors.js";

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
export class IntercomApiError extends SyncError {
  readonly status: number | null;
  readonly method: HttpMethod;
  readonly path: string;
  readonly errors: readonly IntercomErrorDetail[];
  readonly requestId: string | null;
  readonly outcomeUnknown: boolean;
  readonly networkCode: string | null;

  constructor(init: IntercomApiErrorInit) {
    const errors = init.errors ?? [];
    const { code, message, hint } = describeFailure(init, errors);
    super(code, message, { hint });
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

function describeFailure(
  init: IntercomApiErrorInit,
  errors: readonly IntercomErrorDetail[],
): { code: string; message: string; hint: string } {
  const where = `${init.method} ${init.path}`;
  const details = errors
    .map((e) => (e.field ? `${e.field}: ` : "") + (e.message ?? e.code))
    .join("; ");
  const suffix = (details ? `: ${details}` : "") + (init.requestId ? ` (request id ${init.requestId})` : "");
  const unknown = init.outcomeUnknown
    ? " The request may or may not have been applied; the next run reconciles it."
    : "";

  if (init.status === null) {
    const timedOut = init.networkCode === "TIMEOUT" || (init.networkCode ?? "").includes("TIMEOUT");
    return {
      code: timedOut ? "api/timeout" : "api/network-error",
      message: timedOut
        ? `${where} timed out before Intercom answered.${unknown}`
        : `${where} failed before Intercom answered (${init.networkMessage ?? init.networkCode ?? "network error"}).${unknown}`,
      hint: "Check the network and the API URL (region, apiUrl, INTERCOM_API_URL), then run again.",
    };
  }
  switch (init.status) {
    case 401:
      return {
        code: "api/unauthorized",
        message: `The access token was refused (401) on ${where}${suffix}.`,
        hint: "Set INTERCOM_ACCESS_TOKEN to a valid access token of the workspace (Developer Hub > your app > Authentication).",
      };
    case 403:
      return {
        code: "api/forbidden",
        message: `Intercom denied ${where} (403)${suffix}.`,
        hint: "Give the app behind INTERCOM_ACCESS_TOKEN read and write access to articles and the Help Center.",
      };
    case 404:
      return {
        code: "api/not-found",
        message: `Intercom found nothing at ${where} (404)${suffix}.`,
        hint: "The item may have been deleted in Intercom; run `intercom-sync pull` or `plan` to see the current state.",
      };
    case 429:
      return {
        code: "api/rate-limited",
        message: `Intercom kept answering 429 (rate limited) to ${where}${suffix}.`,
        hint: "Lower `concurrency` in the config, or run again once other integrations using the token are quieter.",
      };
    default:
      break;
  }
  if (init.status >= 500) {
    return {
      code: "api/server-error",
      message: `Intercom failed with ${init.status} on ${where}${suffix}.${unknown}`,
      hint: "This is usually temporary; run again in a few minutes.",
    };
  }
  return {
    code: init.status === 400 || init.status === 422 ? "api/rejected" : "api/http-error",
    message: `Intercom rejected ${where} with ${init.status}${suffix}.`,
    hint: "Run `intercom-sync check` to validate the content; if it passes, report this with the request id.",
  };
}
