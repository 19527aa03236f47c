import { SyncError } from "../errors.js";

/** The only place the access token is read from. */
export const ACCESS_TOKEN_ENV = "INTERCOM_ACCESS_TOKEN";

/**
 * The Intercom access token from the environment. Config files never hold it, so it cannot end up
 * in git.
 */
export function readAccessToken(env: Readonly<Record<string, string | undefined>>): string {
  const token = env[ACCESS_TOKEN_ENV]?.trim();
  if (!token) {
    throw new SyncError("config/missing-token", `${ACCESS_TOKEN_ENV} is not set.`, {
      hint: `Export ${ACCESS_TOKEN_ENV} with an access token of your Intercom app (Developer Hub > your app > Authentication); in CI, store it as a secret.`,
    });
  }
  return token;
}
