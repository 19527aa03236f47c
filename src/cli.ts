#!/usr/bin/env node
// First, so that it applies to every module after it.
import "./cli/short-run-tiering.js";
import { EXIT_INTERRUPTED } from "./cli/exit-codes.js";
import { main } from "./cli/program.js";

const code = await main(process.argv, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
process.exitCode = code;
// An interrupted push has saved its lock and printed its report; requests a second Ctrl-C
// abandoned must not hold the process open until they time out.
if (code === EXIT_INTERRUPTED) process.exit(code);
