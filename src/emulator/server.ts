/**
 * The HTTP side of the emulator (node:http, no framework): auth, rate limit, injected faults,
 * routing, the request log, persistence after writes, and lost responses.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, buildErrorList, notFound } from "./api-error.js";
import type { AnswerQueue } from "./answer-queue.js";
import { hasEndpoint, isSupportedApiVersion, LATEST_API_VERSION, shapeForVersion, SUPPORTED_API_VERSIONS, type ApiVersion } from "./api-versions.js";
import { matchApiRoute } from "./api-routes.js";
import type { RouteResult } from "./api-routes.js";
import { CONTROL_PREFIX, handleControlRequest } from "./control-routes.js";
import type { EmulatorControls } from "./control-routes.js";
import type { FaultController } from "./faults.js";
import { parseJsonBody } from "./parse-request.js";
import type { SnapshotSaver } from "./persistence.js";
import type { EmulatorStore } from "./store.js";
import type { RequestLogEntry, ResponseValidator } from "./types.js";

/** The `Intercom-Version` requests without the header get (2.10 to 2.16 are answered: api-versions.ts). */
export const SUPPORTED_API_VERSION = LATEST_API_VERSION;
const WRITE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "DELETE"]);
/** Codes of the error bodies of injected failures, by status. */
const FAILURE_CODES: Readonly<Record<number, string>> = {
  429: "rate_limit_exceeded",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

export interface ServerDeps {
  store: EmulatorStore;
  faults: FaultController;
  saver: SnapshotSaver;
  controls: EmulatorControls;
  log: RequestLogEntry[];
  isTokenAccepted: (token: string) => boolean;
  sleep: (ms: number) => Promise<void>;
  /** Runs route handlers one per event-loop turn (answer-queue.ts). */
  answerQueue: AnswerQueue;
  responseValidator: ResponseValidator | undefined;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Shaped for an older version: the response validator knows 2.16's shapes only. */
  older?: boolean;
}

/** The `request` listener of the emulator's server. */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      console.error("emulator: unexpected error", error);
      if (!res.headersSent) send(deps, req.method ?? "GET", "/", res, errorReply(500, "server_error", "Internal emulator error"));
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = url.pathname;
  if (path.startsWith(CONTROL_PREFIX)) {
    const bodyText = await readBody(req);
    send(deps, method, path, res, await handleControl(deps, method, path, bodyText));
    return;
  }
  // Checked and counted on arrival, from the headers alone: a long body still being read does not
  // move the request into a later rate-limit window.
  const admission = admit(deps, req);
  const bodyText = await readBody(req);
  const entry: RequestLogEntry = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    write: WRITE_METHODS.has(method),
    applied: false,
    dropped: false,
    delayMs: 0,
    body: describeBody(bodyText),
  };
  deps.log.push(entry);
  const reply = "refused" in admission ? admission.refused : await answerApiRequest(deps, admission, method, path, entry, bodyText);
  entry.status = reply.status;
  if (entry.applied) await deps.saver.save();
  if (entry.applied && entry.write && reply.status < 300 && deps.faults.shouldDropWrite()) {
    entry.dropped = true;
    validate(deps, method, path, reply);
    // The change is kept, the answer is lost: what a client sees when a connection dies mid-response.
    req.socket.destroy();
    return;
  }
  send(deps, method, path, res, reply);
}

/** A request let in, with the API version it speaks and the rate-limit headers of its window. */
interface Admitted {
  version: ApiVersion;
  headers: Record<string, string>;
}

/** Authentication, the API version and the rate limit: what the headers alone decide. */
function admit(deps: ServerDeps, req: IncomingMessage): Admitted | { refused: Reply } {
  const token = readBearerToken(req.headers.authorization);
  if (token === null || !deps.isTokenAccepted(token)) return { refused: errorReply(401, "unauthorized", "Access Token Invalid") };
  const header = req.headers["intercom-version"];
  const requested = Array.isArray(header) ? header[0] : header;
  if (requested !== undefined && !isSupportedApiVersion(requested)) {
    return { refused: errorReply(400, "intercom_version_invalid", `The emulator speaks Intercom API versions ${SUPPORTED_API_VERSIONS.join(", ")}, not ${requested}`) };
  }
  const rate = deps.faults.takeRateLimit(token);
  const headers = rate?.headers ?? {};
  if (rate && !rate.allowed) return { refused: { ...errorReply(429, "rate_limit_exceeded", "Rate Limit Exceeded"), headers } };
  return { version: requested ?? LATEST_API_VERSION, headers };
}

async function answerApiRequest(deps: ServerDeps, admitted: Admitted, method: string, path: string, entry: RequestLogEntry, bodyText: string): Promise<Reply> {
  const { version, headers } = admitted;
  entry.delayMs = deps.faults.pickLatency();
  if (entry.delayMs > 0) await deps.sleep(entry.delayMs);
  const failure = deps.faults.pickFailure();
  if (failure !== null) {
    const failureHeaders = failure === 429 ? deps.faults.exhaustedHeaders() : headers;
    return { ...errorReply(failure, FAILURE_CODES[failure] ?? "server_error", "Injected failure"), headers: failureHeaders };
  }
  try {
    const matched = hasEndpoint(path, version) ? matchApiRoute(method, path) : null;
    if (!matched) throw notFound();
    // Schedules happen on the emulator's clock; every request sees the state of its moment.
    if (deps.store.runDueSchedules()) await deps.saver.save();
    const body = WRITE_METHODS.has(method) && method !== "DELETE" ? parseJsonBody(bodyText) : undefined;
    const result: RouteResult = await deps.answerQueue(() => matched.handler(deps.store, { params: matched.params, query: entry.query, body }));
    entry.applied = result.applied;
    if (version === LATEST_API_VERSION) return { status: result.status, body: result.body, headers };
    return { status: result.status, body: shapeForVersion(result.body, version), headers, older: true };
  } catch (error) {
    if (error instanceof ApiError) return { ...errorReply(error.status, error.code, error.message, error.field), headers };
    throw error;
  }
}

async function handleControl(deps: ServerDeps, method: string, path: string, bodyText: string): Promise<Reply> {
  try {
    const reply = handleControlRequest(deps.controls, method, path, bodyText);
    if (method !== "GET") await deps.saver.save();
    return reply;
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error.status, error.code, error.message, error.field);
    return errorReply(400, "parameter_invalid", error instanceof Error ? error.message : String(error));
  }
}

function errorReply(status: number, code: string, message: string, field?: string): Reply {
  return { status, body: buildErrorList(code, message, field) };
}

function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function describeBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function validate(deps: ServerDeps, method: string, path: string, reply: Reply): void {
  if (!deps.responseValidator || path.startsWith(CONTROL_PREFIX) || reply.older === true) return;
  try {
    deps.responseValidator({ method, path, status: reply.status, body: reply.body });
  } catch (error) {
    console.error("emulator: response validator failed", error);
  }
}

function send(deps: ServerDeps, method: string, path: string, res: ServerResponse, reply: Reply): void {
  validate(deps, method, path, reply);
  // Encoded once: a list page of long articles is megabytes, and measuring a string then writing
  // it would encode it twice.
  const bytes = Buffer.from(JSON.stringify(reply.body), "utf8");
  res.writeHead(reply.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(bytes.length),
    ...reply.headers,
  });
  res.end(bytes);
}
