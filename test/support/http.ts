/** A tiny JSON client for tests that talk to an emulator over loopback HTTP. */
import { request } from "undici";
import { TEST_TOKEN } from "./emulator.js";

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

export interface CallOptions {
  /** A JSON value, or a raw string sent as is. */
  body?: unknown;
  /** Bearer token; null sends no Authorization header. Default TEST_TOKEN. */
  token?: string | null;
  /** `Intercom-Version` sent. Default "2.16". */
  version?: string;
}

/**
 * Sends one request to `baseUrl + path` and parses the JSON answer. Bodies default to `any`: tests
 * read deep into wire shapes, and the conformance checker already validates every one of them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function callApi<T = any>(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const token = options.token === undefined ? TEST_TOKEN : options.token;
  const headers: Record<string, string> = { accept: "application/json", "intercom-version": options.version ?? "2.16" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const response = await request(`${baseUrl}${path}`, { method: method as "GET", headers, body: payload });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body: (text === "" ? undefined : JSON.parse(text)) as T };
}
