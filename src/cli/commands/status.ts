import { formatStatus } from "../../status/format-status.js";
import { readStatus } from "../../status/read-status.js";
import { resolveProjectConfig } from "../../sync/open-project.js";
import type { CommandContext } from "../context.js";

export interface StatusFlags {
  locale?: string;
}

/** `intercom-sync status`: translation progress per locale, from the files alone. Always exits 0. */
export async function runStatus(flags: StatusFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const config = await resolveProjectConfig(ctx.project);
  const { report, errors } = await readStatus(config, flags.locale);
  if (out.json) {
    out.printJson({ ...report, errors: errors.length });
    return 0;
  }
  out.result(formatStatus(report, { color: out.colors.isColorSupported, verbose: out.verbose }));
  if (errors.length > 0) {
    out.warn(out.colors.yellow(`${errors.length} error(s) in the tree: files with errors are not counted. Run \`intercom-sync check\`.`));
  }
  return 0;
}
