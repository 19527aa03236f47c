/**
 * Global setup of the test run: compiles the CLI once, before any test file starts, and hands its
 * path to the files that run it as a child process (`builtCli()` in `built-cli.ts`).
 */
import type { TestProject } from "vitest/node";
import { ensureBuiltCli } from "./cli-build.js";

export default async function setup(project: TestProject): Promise<void> {
  project.provide("builtCli", await ensureBuiltCli());
}
