import { isIP } from "node:net";
import type { ResolvedConfig } from "../config/types.js";
import { SyncError } from "../errors/sync-error.js";

/** Intercom's API host per data region. */
export const REGION_BASE_URLS = {
  us: "https://api.intercom.io",
  eu: "https://api.eu.intercom.io",
  au: "https://api.au.intercom.io",
} as const;

/** The environment variable that overrides `apiUrl` and `region`. */
export const API_URL_ENV = "INTERCOM_API_URL";

/**
 * The API base URL to use: `INTERCOM_API_URL`, else `apiUrl`, else the region's host. Plain
 * `http://` is refused unless the host is loopback, because the access token travels in a header.
 * The result has no trailing slash.
 */
export function resolveApiBaseUrl(
  config: Pick<ResolvedConfig, "region" | "apiUrl">,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromEnv = env[API_URL_ENV]?.trim();
  const source = fromEnv ? API_URL_ENV : config.apiUrl ? "apiUrl" : null;
  const raw = fromEnv || config.apiUrl || REGION_BASE_URLS[config.region];
  if (raw === undefined) {
    throw new SyncError("config/invalid-region", { region: String(config.region), regions: Object.keys(REGION_BASE_URLS) });
  }

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SyncError("config/invalid-api-url", { source, url: raw, problem: "not-a-url" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SyncError("config/invalid-api-url", { source, url: raw, problem: "scheme" });
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new SyncError("config/insecure-api-url", { source, url: raw });
  }
  return url.href.replace(/\/+$/, "");
}

/** True for `localhost`, 127.0.0.0/8 and ::1 (brackets allowed, as `URL.hostname` keeps them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || host === "0:0:0:0:0:0:0:1";
  return false;
}
