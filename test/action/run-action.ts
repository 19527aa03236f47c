/**
 * Runs a composite action's steps the way a GitHub runner does, for tests: `${{ }}` expressions of
 * the forms action.yml uses (inputs, github.action_path, steps.<id>.outputs), each `run:` step with
 * `bash --noprofile --norc -eo pipefail` in its working directory, a fresh `$GITHUB_OUTPUT` per
 * step, and the action's outputs from the step outputs. Nothing else of the runner is emulated.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

interface ActionStep {
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}

interface ActionFile {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  /** Exit code of the first failing step, else 0. */
  code: number;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
}

export interface RunActionOptions {
  /** The folder holding action.yml ($GITHUB_ACTION_PATH). */
  actionPath: string;
  workspace: string;
  inputs: Record<string, string>;
  /** The job's environment: the token and the like (the step's `env:` in a workflow). */
  env: NodeJS.ProcessEnv;
  /** The job summary file ($GITHUB_STEP_SUMMARY), shared by the steps of a job. */
  stepSummary: string;
  runnerTemp: string;
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (index += 1; index < lines.length && lines[index] !== heredoc[2]; index += 1) value.push(lines[index] ?? "");
      outputs[heredoc[1] as string] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs action.yml in `actionPath` with `inputs`; see the module comment. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const action = parse(await readFile(path.join(options.actionPath, "action.yml"), "utf8")) as ActionFile;
  if (action.runs.using !== "composite") throw new Error(`Only composite actions run here, not ${action.runs.using}.`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) inputs[name] = options.inputs[name] ?? input.default ?? "";
  const stepOutputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return inputs[input[1] as string] ?? "";
      if (expression === "github.action_path") return options.actionPath;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return stepOutputs[output[1] as string]?.[output[2] as string] ?? "";
      throw new Error(`The test runner does not evaluate \${{ ${expression} }}.`);
    });

  let stdout = "";
  let stderr = "";
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.run === undefined) throw new Error("Only run: steps are supported.");
    if (step.shell !== "bash") throw new Error(`Step ${index} must say shell: bash (composite steps need a shell).`);
    const outputFile = path.join(options.runnerTemp, `output-${index}-${Date.now()}`);
    await writeFile(outputFile, "");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...options.env,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: options.stepSummary,
      GITHUB_RUN_ID: "1",
      GITHUB_JOB: "test",
      RUNNER_TEMP: options.runnerTemp,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value));
    const cwd = path.resolve(options.workspace, evaluate(step["working-directory"] ?? "."));
    const result = await bash(evaluate(step.run), cwd, env);
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id !== undefined) stepOutputs[step.id] = parseOutputs(await readFile(outputFile, "utf8"));
    // A failed step ends the action; what the steps wrote to $GITHUB_OUTPUT so far is kept.
    if (result.code !== 0) return { code: result.code, outputs: actionOutputs(), stdout, stderr };
  }
  return { code: 0, outputs: actionOutputs(), stdout, stderr };

  function actionOutputs(): Record<string, string> {
    const outputs: Record<string, string> = {};
    for (const [name, output] of Object.entries(action.outputs ?? {})) outputs[name] = evaluate(output.value);
    return outputs;
  }
}
