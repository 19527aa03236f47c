/**
 * Request parsing: JSON bodies and zod schemas mapped onto Intercom's error codes, and page
 * parameters.
 */
import type * as z from "zod";
import { ApiError, invalidParameter } from "./api-error.js";

/** Parses a request body; empty means `{}`. Malformed JSON is Intercom's 400. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "parameter_invalid", "There was a problem in the JSON you submitted");
  }
}

/** Validates `body` against `schema`; the first issue becomes a 400 `parameter_invalid` naming its field. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidParameter("The request body must be a JSON object");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw invalidParameter("The request body is invalid");
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const field = [...path, issue.keys[0] ?? ""].join(".");
    throw invalidParameter(`${field} is not a valid parameter`, field);
  }
  const field = path.join(".");
  if (issue.code === "invalid_type") {
    throw invalidParameter(`${field} must be ${describeType(issue.expected)}`, field);
  }
  if (issue.code === "invalid_value") {
    throw invalidParameter(`${field} must be one of: ${issue.values.map(String).join(", ")}`, field);
  }
  throw invalidParameter(`${field} is invalid`, field);
}

function describeType(expected: string): string {
  if (expected === "int") return "an integer";
  if (expected === "object") return "an object";
  if (expected === "array") return "an array";
  return `a ${expected}`;
}
