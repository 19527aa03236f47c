import { defineEntry } from "./define-entry.js";

/** Where a failed request went, and what Intercom said, as `IntercomApiError` words them. */
export interface Request {
  /** `METHOD /path?query`. */
  where: string;
  /** `: field: message; ...` and ` (request id ...)`, or "". */
  suffix: string;
}

/** Said when a write may or may not have been applied, or "". */
export type Unknown = { unknown: string };

/** Remote and API codes: answers from Intercom, and failures to get one. */
export const REMOTE_ERRORS = {
  "remote/unknown-help-center": defineEntry({
    severity: "error",
    summary: "The config's helpCenterId is not a help center of the workspace.",
    message: (d: { id: string | number; choices: string }) => `The workspace has no help center with id ${d.id}.`,
    hint: (d) => (d.choices !== "" ? `Set helpCenterId to one of: ${d.choices}.` : "Create a help center in Intercom first."),
  }),
  "remote/no-default-help-center": defineEntry({
    severity: "error",
    summary: "No helpCenterId is set and the workspace has no (default) help center to pick.",
    message: (d: { count: number; choices: string }) => (d.count === 0 ? "The workspace has no help center." : "The workspace has no default help center."),
    hint: (d) => (d.count === 0 ? "Create a help center in Intercom first." : `Set helpCenterId to one of: ${d.choices}.`),
  }),
  "remote/unknown-author": defineEntry({
    severity: "error",
    summary: "Intercom's /me answered with an admin id that is not a number; no default author.",
    message: (d: { id: string }) => `Intercom answered /me with an admin id that is not a number (${d.id}).`,
    hint: "Set `authorId` in the config.",
  }),
  "api/timeout": defineEntry({
    severity: "error",
    summary: "A request timed out before Intercom answered.",
    message: (d: Request & Unknown) => `${d.where} timed out before Intercom answered.${d.unknown}`,
    hint: "Check the network and the API URL (region, apiUrl, INTERCOM_API_URL), then run again.",
  }),
  "api/network-error": defineEntry({
    severity: "error",
    summary: "A request failed before Intercom answered (connection refused or reset, DNS).",
    message: (d: Request & Unknown & { reason: string }) => `${d.where} failed before Intercom answered (${d.reason}).${d.unknown}`,
    hint: "Check the network and the API URL (region, apiUrl, INTERCOM_API_URL), then run again.",
  }),
  "api/unauthorized": defineEntry({
    severity: "error",
    summary: "Intercom refused the access token (401).",
    message: (d: Request) => `The access token was refused (401) on ${d.where}${d.suffix}.`,
    hint: "Set INTERCOM_ACCESS_TOKEN to a valid access token of the workspace (Developer Hub > your app > Authentication).",
  }),
  "api/forbidden": defineEntry({
    severity: "error",
    summary: "Intercom denied the request (403): the app lacks a permission.",
    message: (d: Request) => `Intercom denied ${d.where} (403)${d.suffix}.`,
    hint: "Give the app behind INTERCOM_ACCESS_TOKEN read and write access to articles and the Help Center.",
  }),
  "api/not-found": defineEntry({
    severity: "error",
    summary: "Intercom found nothing at the path (404); the item may have been deleted there.",
    message: (d: Request) => `Intercom found nothing at ${d.where} (404)${d.suffix}.`,
    hint: "The item may have been deleted in Intercom; run `intercom-sync pull` or `plan` to see the current state.",
  }),
  "api/rate-limited": defineEntry({
    severity: "error",
    summary: "Intercom kept answering 429 after every retry.",
    message: (d: Request) => `Intercom kept answering 429 (rate limited) to ${d.where}${d.suffix}.`,
    hint: "Lower `concurrency` in the config, or run again once other integrations using the token are quieter.",
  }),
  "api/server-error": defineEntry({
    severity: "error",
    summary: "Intercom failed with a 5xx after every retry.",
    message: (d: Request & Unknown & { status: number }) => `Intercom failed with ${d.status} on ${d.where}${d.suffix}.${d.unknown}`,
    hint: "This is usually temporary; run again in a few minutes.",
  }),
  "api/rejected": defineEntry({
    severity: "error",
    summary: "Intercom rejected a request as invalid (400, 422).",
    message: (d: Request & { status: number }) => `Intercom rejected ${d.where} with ${d.status}${d.suffix}.`,
    hint: "Run `intercom-sync check` to validate the content; if it passes, report this with the request id.",
  }),
  "api/http-error": defineEntry({
    severity: "error",
    summary: "Intercom answered with another 4xx status.",
    message: (d: Request & { status: number }) => `Intercom rejected ${d.where} with ${d.status}${d.suffix}.`,
    hint: "Run `intercom-sync check` to validate the content; if it passes, report this with the request id.",
  }),
  "api/unexpected-response": defineEntry({
    severity: "error",
    summary: "Intercom answered with a body of the wrong shape (not JSON, missing fields).",
    message: (d: { method: string; path: string; what: string }) => `Intercom answered ${d.method} ${d.path} with ${d.what}.`,
    hint: "Check that the API URL points at Intercom (or the emulator) and that apiVersion is supported.",
  }),
};
