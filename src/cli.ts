#!/usr/bin/env node
import { main } from "./cli/program.js";

const code = await main(process.argv, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
