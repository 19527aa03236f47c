/**
 * `startTestEmulator`: the emulator every test uses. Each JSON response it sends is checked against
 * the response schema the OpenAPI description declares for its path, method and status; a
 * violation fails the test that caused it (in an `afterEach` registered by this module), and any
 * violation not yet reported makes `close()` throw.
 */
import { afterEach } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import type { Emulator, EmulatorOptions } from "../../src/emulator/index.js";
import { loadConformanceChecker } from "./openapi-conformance.js";

export interface TestEmulator extends Emulator {
  /** Violations seen and not yet reported. */
  readonly violations: string[];
}

/** Bearer token the test emulator accepts (any non-empty token works unless `tokens` is given). */
export const TEST_TOKEN = "test-token";

const running = new Set<TestEmulator>();

afterEach(() => {
  const found: string[] = [];
  for (const emulator of running) found.push(...emulator.violations.splice(0));
  if (found.length > 0) throw new Error(formatViolations(found));
});

function formatViolations(violations: readonly string[]): string {
  return `Emulator responses do not conform to Intercom's OpenAPI description:\n  ${violations.join("\n  ")}`;
}

/** Starts an emulator whose every response is checked against Intercom's OpenAPI description. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const checker = loadConformanceChecker();
  const violations: string[] = [];
  const emulator = await startEmulator({
    ...options,
    responseValidator: (check) => {
      options.responseValidator?.(check);
      if (checker) violations.push(...checker.check(check));
    },
  });
  const closeEmulator = emulator.close.bind(emulator);
  const testEmulator = Object.assign(emulator, {
    violations,
    async close(): Promise<void> {
      running.delete(testEmulator);
      await closeEmulator();
      if (violations.length > 0) throw new Error(formatViolations(violations.splice(0)));
    },
  });
  running.add(testEmulator);
  return testEmulator;
}
