/**
 * Test-only routes under `/_emulator/`, for scripts and the CLI-run emulator. They are not part of
 * Intercom's API, need no token, are not rate limited nor logged:
 *
 * - `GET  /_emulator/state`    the whole state (an `EmulatorSnapshot`)
 * - `GET  /_emulator/requests` the request log
 * - `POST /_emulator/edit`     an edit in Intercom's editor:
 *                              `{ "kind": "article" | "collection", "id": "1000", "locale": "en",
 *                                 "changes": { "title"?, "description"?, "body"?, "state"?, "name"? } }`
 * - `POST /_emulator/faults`   change fault knobs: `{ "errorRate"?, "latencyMs"?, "dropAfterWriteRate"?,
 *                              "rateLimit"?, "failNext"?: { "count", "status"? }, "dropNextWrites"? }`
 * - `POST /_emulator/audiences` add a Fin audience: `{ "name": "VIP customers" }` (2.16 has
 *                              `POST /audiences` with predicates; tests only need names)
 * - `POST /_emulator/reset`    back to the initial state (or to the snapshot in the body); clears
 *                              the request log, scripted faults and rate-limit windows
 */
import { ApiError, notFound } from "./api-error.js";
import { parseJsonBody } from "./parse-request.js";
import type { ArticleEdit, CollectionEdit, EmulatorSnapshot, FaultSettings, RequestLogEntry } from "./types.js";

export const CONTROL_PREFIX = "/_emulator/";

/** What the control routes may do to a running emulator. */
export interface EmulatorControls {
  dump(): EmulatorSnapshot;
  reset(snapshot?: EmulatorSnapshot): void;
  requests(): readonly RequestLogEntry[];
  editArticle(id: string, locale: string, changes: ArticleEdit): unknown;
  editCollection(id: string, locale: string, changes: CollectionEdit): unknown;
  setFaults(partial: Partial<FaultSettings>): FaultSettings;
  failNext(count: number, status?: number): void;
  dropNextWrites(count: number): void;
  addAudience(name: string): unknown;
}

/** Handles one control request; returns status and JSON body. */
export function handleControlRequest(controls: EmulatorControls, method: string, path: string, bodyText: string): { status: number; body: unknown } {
  const action = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, "")}`;
  switch (action) {
    case "GET state":
      return { status: 200, body: controls.dump() };
    case "GET requests":
      return { status: 200, body: controls.requests() };
    case "POST edit":
      return { status: 200, body: applyEdit(controls, readObject(bodyText)) };
    case "POST faults":
      return { status: 200, body: { faults: applyFaults(controls, readObject(bodyText)) } };
    case "POST audiences": {
      const { name } = readObject(bodyText);
      if (typeof name !== "string" || name.trim() === "") throw badRequest("name is required");
      return { status: 200, body: controls.addAudience(name.trim()) };
    }
    case "POST reset": {
      const body = readObject(bodyText);
      controls.reset(Object.keys(body).length === 0 ? undefined : (body as unknown as EmulatorSnapshot));
      return { status: 200, body: { reset: true } };
    }
    default:
      throw notFound();
  }
}

function readObject(text: string): Record<string, unknown> {
  const value = parseJsonBody(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest("The body must be a JSON object");
  return value as Record<string, unknown>;
}

function badRequest(message: string): ApiError {
  return new ApiError(400, "parameter_invalid", message);
}

function applyEdit(controls: EmulatorControls, body: Record<string, unknown>): unknown {
  const { kind = "article", id, locale, changes } = body;
  if (typeof id !== "string" && typeof id !== "number") throw badRequest("id is required");
  if (typeof locale !== "string") throw badRequest("locale is required");
  if (typeof changes !== "object" || changes === null) throw badRequest("changes must be an object");
  if (kind === "article") return controls.editArticle(String(id), locale, changes as ArticleEdit);
  if (kind === "collection") return controls.editCollection(String(id), locale, changes as CollectionEdit);
  throw badRequest('kind must be "article" or "collection"');
}

function applyFaults(controls: EmulatorControls, body: Record<string, unknown>): FaultSettings {
  const { failNext, dropNextWrites, ...knobs } = body;
  const settings = controls.setFaults(knobs as Partial<FaultSettings>);
  if (failNext !== undefined) {
    const { count, status } = failNext as { count?: unknown; status?: unknown };
    if (typeof count !== "number") throw badRequest("failNext.count must be a number");
    controls.failNext(count, typeof status === "number" ? status : undefined);
  }
  if (typeof dropNextWrites === "number") controls.dropNextWrites(dropNextWrites);
  return settings;
}
