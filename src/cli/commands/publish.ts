import { formatPublish } from "../../apply/format-publish.js";
import { publishProject } from "../../sync/publish-project.js";
import type { CommandContext } from "../context.js";
import { annotate } from "../github.js";

export interface PublishFlags {
  locale?: string[];
  dryRun?: boolean;
}

/** `intercom-sync publish [items...]`: make staged drafts live. Exit 1 when anything was left out or failed. */
export async function runPublish(items: readonly string[], flags: PublishFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const run = await publishProject({
    ...ctx.project,
    targets: items,
    locales: flags.locale ?? [],
    dryRun: flags.dryRun,
    ...(out.verbose ? { logger: { debug: (message: string) => out.debug(message) } } : {}),
  });
  annotate(ctx, run.plan.errors, ctx.rootDir);
  if (out.json) out.printJson({ plan: run.plan, result: run.result === undefined ? undefined : { ...run.result, lock: undefined } });
  else out.result(formatPublish(run.plan, run.result, { color: out.colors.isColorSupported, dryRun: flags.dryRun === true }));
  return run.plan.errors.length === 0 && (run.result?.ok ?? flags.dryRun === true) ? 0 : 1;
}
