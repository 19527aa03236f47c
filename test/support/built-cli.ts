/** The CLI compiled by the global setup, for tests that run it as a child process. */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the compiled `cli.js`. */
    builtCli: string;
  }
}

/** Absolute path of a `cli.js` compiled from the current sources. */
export function builtCli(): string {
  const cli = inject("builtCli");
  if (typeof cli !== "string" || cli === "") throw new Error("The CLI was not built: the test file must belong to a vitest project with test/support/global-setup.ts.");
  return cli;
}
