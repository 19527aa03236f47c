import { SyncError } from "../errors/sync-error.js";

/** The only place the access token is read from. */
export const ACCESS_TOKEN_ENV = "INTERCOM_ACCESS_TOKEN";

/**
 * The Intercom access token from the environment. Config files never hold it, so it cannot end up
 * in git.
 */
export function readAccessToken(env: Readonly<Record<string, string | undefined>>): string {
  const token = env[ACCESS_TOKEN_ENV]?.trim();
  if (!token) {
    throw new SyncError("config/missing-token", { variable: ACCESS_TOKEN_ENV });
  }
  return token;
}
