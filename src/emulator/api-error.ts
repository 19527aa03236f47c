import { randomUUID } from "node:crypto";
import type { WireErrorList } from "../intercom/wire.js";

/**
 * An error the emulator answers with, in Intercom's `error.list` shape. Thrown by handlers and
 * validators; the server turns it into the response.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Intercom's answer for an unknown id or route. */
export function notFound(): ApiError {
  return new ApiError(404, "not_found", "Resource Not Found");
}

/** A 400 `parameter_invalid` naming the offending field. */
export function invalidParameter(message: string, field?: string): ApiError {
  return new ApiError(400, "parameter_invalid", message, field);
}

/** A 400 `parameter_not_found`: a required field is missing. */
export function missingParameter(message: string, field?: string): ApiError {
  return new ApiError(400, "parameter_not_found", message, field);
}

/** Builds the `error.list` body; `field` is included only when known. */
export function buildErrorList(code: string, message: string, field?: string): WireErrorList {
  const error: WireErrorList["errors"][number] = { code, message };
  if (field !== undefined) error.field = field;
  return { type: "error.list", request_id: randomUUID(), errors: [error] };
}
