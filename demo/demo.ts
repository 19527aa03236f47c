/**
 * `npm start`: syncs the example `content/` and `locales/` into an in-process emulator, in a copy
 * of the project so the checkout stays clean. Shows the plan, the result, a second run that changes
 * nothing, a one-locale edit that costs one request, and an edit made in "Intercom" being kept.
 */
import { plural } from "../src/errors/plural.js";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pc from "picocolors";
import { formatApplyResult } from "../src/apply/format-result.js";
import { startEmulator } from "../src/emulator/index.js";
import { formatPlan } from "../src/plan/format-plan.js";
import { planProject } from "../src/sync/plan-project.js";
import { pushProject, type PushRun } from "../src/sync/push-project.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const color = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
const c = pc.createColors(color);

function heading(text: string): void {
  console.log(`\n${c.bold(c.cyan(`━━ ${text}`))}`);
}

async function copyExample(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "intercom-sync-demo-"));
  for (const entry of ["content", "locales", "intercom-sync.config.ts"]) {
    await cp(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const dir = await copyExample();
  let writes = 0;
  let reads = 0;
  const env = { ...process.env, INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: "demo-token" };
  const options = {
    cwd: dir,
    env,
    onRequest: (event: { write: boolean }) => (event.write ? (writes += 1) : (reads += 1)),
  };
  const counted = async (run: () => Promise<PushRun>): Promise<PushRun> => {
    writes = 0;
    reads = 0;
    const started = performance.now();
    const result = await run();
    console.log(c.dim(`${plural(reads, "read")}, ${plural(writes, "write")}, ${Math.round(performance.now() - started)} ms`));
    return result;
  };

  try {
    console.log(c.bold("intercom-sync demo"));
    console.log(c.dim(`Emulator at ${emulator.url}; project copied to ${dir}`));

    heading("1. plan: what a first push would do");
    const planned = await counted(() => planProject(options));
    console.log(formatPlan(planned.plan, { color }));

    heading("2. push");
    const first = await counted(() => pushProject(options));
    if (first.result) console.log(formatApplyResult(first.result, { color }));

    heading("3. push again: nothing changed, so nothing is written");
    const second = await counted(() => pushProject(options));
    console.log(formatPlan(second.plan, { color }));

    heading("4. a translator edits one French article: one request");
    const french = path.join(dir, "locales/fr/writing/attachments.md");
    await writeFile(french, (await readFile(french, "utf8")).replace("1 Go", "2 Go"));
    const third = await counted(() => pushProject(options));
    console.log(formatPlan(third.plan, { color }));

    heading("5. someone edits the German welcome page in Intercom's editor: kept, reported as drift");
    const welcomeId = third.lock.articles.welcome?.id ?? first.result?.lock.articles.welcome?.id;
    if (welcomeId) emulator.editInEditor(welcomeId, "de", { title: "Willkommen bei Lumen!" });
    const fourth = await counted(() => pushProject(options));
    console.log(formatPlan(fourth.plan, { color }));
    console.log(c.dim("Run `intercom-sync pull` to bring such edits into the files, or `push --force` to overwrite them."));
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
