import type { Dispatcher } from "undici";
import { createRedactor } from "../errors/redact-secret.js";
import type { HttpMethod } from "./errors.js";

/** One HTTP attempt to send. */
export interface HttpRequest {
  method: HttpMethod;
  /** Path and query relative to the base URL, starting with "/". */
  path: string;
  body?: unknown;
}

/** What one attempt produced: a response of any status, or no response at all. */
export type HttpOutcome =
  | { kind: "response"; status: number; headers: Record<string, string | string[] | undefined>; body: unknown }
  | { kind: "network"; code: string; message: string; timedOut: boolean };

export interface TransportOptions {
  baseUrl: string;
  token: string;
  apiVersion: string;
  timeoutMs: number;
  /** The undici dispatcher of each attempt (see idle-connections.ts). */
  dispatcher: () => Dispatcher;
}

/** Network error codes raised before any byte of the request reached the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** True when a network failure proves the request was never sent, so even a create may be resent. */
export function isNotSentFailure(outcome: HttpOutcome): boolean {
  return outcome.kind === "network" && NOT_SENT_CODES.has(outcome.code);
}

/**
 * Sends one attempt and never throws: transport failures come back as `kind: "network"` with a
 * code and a message scrubbed of the token, so no raw undici error (which may hold the request
 * headers) travels further.
 */
export async function sendRequest(req: HttpRequest, options: TransportOptions): Promise<HttpOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  timer.unref?.();
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    accept: "application/json",
    "intercom-version": options.apiVersion,
  };
  if (req.body !== undefined) headers["content-type"] = "application/json";
  try {
    const url = new URL(options.baseUrl + req.path);
    // The dispatcher's own request(), not undici's top-level one: the CLI bundle carries only
    // undici's Agent and request API (see scripts/undici-agent-only.mjs).
    const response = await options.dispatcher().request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    const text = await response.body.text();
    return { kind: "response", status: response.statusCode, headers: response.headers, body: parseJson(text) };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return {
      kind: "network",
      code: timedOut ? "TIMEOUT" : readCode(error),
      message: timedOut ? `no answer within ${options.timeoutMs} ms` : scrub(readMessage(error), options.token),
      timedOut,
    };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page: keep nothing of it, the status says enough.
    return null;
  }
}

function readCode(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // undici wraps socket errors; the useful code may sit one `cause` down.
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "NETWORK_ERROR";
}

function readMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function scrub(text: string, token: string): string {
  return createRedactor([token], "[redacted]")(text);
}
