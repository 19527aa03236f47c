import { readFile } from "node:fs/promises";
import path from "node:path";
import { findConfigFile } from "../../config/load-config.js";
import { checkInitLocales, initProject, WORKFLOW_FILE, type InitResult } from "../../init/init-project.js";
import { resolveProjectConfig } from "../../sync/project-config.js";
import { SyncError } from "../../errors/sync-error.js";
import { ask, canAsk } from "../confirm.js";
import type { CommandContext } from "../context.js";
import { plural } from "../../errors/plural.js";

export interface InitFlags {
  locales?: string;
  yes?: boolean;
}

function parseLocales(text: string): string[] {
  return [...new Set(text.split(",").map((code) => code.trim()).filter((code) => code !== ""))];
}

/** On a terminal, without --locales or --yes: the one question init asks; null when it was not answered. */
async function askLocales(ctx: CommandContext): Promise<string[] | null> {
  const answer = await ask(ctx, "Translation locales, comma-separated (fr,de,pt-BR; empty for none): ");
  return answer === null ? null : parseLocales(answer);
}

async function listsPackage(rootDir: string): Promise<boolean | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(rootDir, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    return manifest.dependencies?.["intercom-sync"] !== undefined || manifest.devDependencies?.["intercom-sync"] !== undefined;
  } catch {
    return null;
  }
}

function nextSteps(result: InitResult, listed: boolean | null): string[] {
  const lines = ["", "Next steps:"];
  if (listed !== true) {
    lines.push(
      `  - ${listed === null ? "There is no package.json here" : "package.json does not list intercom-sync"}: CI runs \`npm ci\` and the action in node_modules/intercom-sync,`,
      "    so add it: npm install --save-dev <the git URL or tarball of intercom-sync> (see the README).",
    );
  }
  lines.push(
    "  1. Give it an Intercom access token (Developer Hub > your app > Authentication), from the environment only:",
    "       export INTERCOM_ACCESS_TOKEN=…",
    "     and in GitHub as the repository secret INTERCOM_ACCESS_TOKEN, for the workflow.",
    "  2. npx intercom-sync check    validate the files (offline)",
    "  3. npx intercom-sync plan     see what a push would change in Intercom (reads only)",
    "  4. npx intercom-sync push     apply it; commit intercom-sync.lock.json afterwards",
    `  Pull requests then get a plan in the job summary, and merges push (${WORKFLOW_FILE}).`,
  );
  if (result.sample) {
    lines.push("  Already have a help center? Delete the sample (getting-started/ under content/ and locales/), then run `npx intercom-sync pull` to write its articles here.");
  }
  return lines;
}

/** `intercom-sync init`: scaffold what the project is missing; never overwrites a file. */
export async function runInit(flags: InitFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const existingConfig = ctx.project.configFile !== undefined ? path.resolve(ctx.cwd, ctx.project.configFile) : await findConfigFile(ctx.cwd);
  // An existing config says where content/ and locales/ are; without one, the defaults apply.
  const config = await resolveProjectConfig(ctx.project);
  let locales = flags.locales !== undefined ? parseLocales(flags.locales) : [];
  checkInitLocales(locales, config.sourceLocale);
  if (flags.locales === undefined && flags.yes !== true && !out.json && canAsk(ctx)) {
    const answer = await askLocales(ctx);
    if (answer === null) {
      const cancelled = new SyncError("init/cancelled", {});
      out.error(out.colors.red(cancelled.message));
      return 1;
    }
    locales = answer;
    checkInitLocales(locales, config.sourceLocale);
  }
  const result = await initProject({
    rootDir: config.rootDir,
    contentDir: config.contentDir,
    localesDir: config.localesDir,
    sourceLocale: config.sourceLocale,
    locales,
    existingConfig,
  });
  const listed = await listsPackage(config.rootDir);
  if (out.json) {
    out.printJson({ files: result.files, sample: result.sample, packageListed: listed });
    return 0;
  }
  for (const file of result.files) {
    const mark = file.outcome === "kept" ? out.colors.dim("=") : out.colors.green("+");
    const note = file.outcome === "kept" ? out.colors.dim(" (exists, kept)") : file.outcome === "updated" ? " (lines added)" : "";
    out.info(`${mark} ${file.file}${note}`);
  }
  const written = result.files.filter((file) => file.outcome !== "kept").length;
  out.result(`Wrote ${plural(written, "file")}; kept ${result.files.length - written} that existed.`);
  for (const line of nextSteps(result, listed)) out.info(line);
  return 0;
}
