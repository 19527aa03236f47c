/**
 * `startTestEmulator`: the emulator every test uses. Each JSON response it sends is checked against
 * the response schema the OpenAPI description declares for its path, method and status; a
 * violation fails the test that caused it (in the `afterEach` of `emulator-checks.ts`, a setup
 * file of every test file), and any violation not yet reported makes `close()` throw.
 */
import { afterEach, beforeEach } from "vitest";
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

/** Throws the violations of every running test emulator not reported yet. */
export function reportViolations(): void {
  const found: string[] = [];
  for (const emulator of running) found.push(...emulator.violations.splice(0));
  if (found.length > 0) throw new Error(formatViolations(found));
}

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

/** A fresh test emulator for every test of a file, on a clock the test moves by hand. */
export interface EmulatorPerTest {
  readonly emulator: TestEmulator;
  /** The emulator clock in milliseconds; back to {@link MANUAL_CLOCK_START} before each test. */
  now(): number;
  advance(ms: number): void;
  /** Replaces this test's emulator by one started with `options`, on the same clock. */
  restart(options: EmulatorOptions): Promise<TestEmulator>;
}

export const MANUAL_CLOCK_START = 1_700_000_000_000;

/** Registers the hooks that start an emulator before each test of the calling file and close it after. */
export function useEmulatorPerTest(): EmulatorPerTest {
  let current: TestEmulator | undefined;
  let now = MANUAL_CLOCK_START;
  const clock = (): number => now;
  beforeEach(async () => {
    now = MANUAL_CLOCK_START;
    current = await startTestEmulator({ clock });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get emulator() {
      if (current === undefined) throw new Error("The emulator runs only inside a test.");
      return current;
    },
    now: clock,
    advance(ms) {
      now += ms;
    },
    async restart(options) {
      await current?.close();
      current = await startTestEmulator({ ...options, clock });
      return current;
    },
  };
}
