import path from "node:path";
import { findItemUrl } from "../../sync/item-url.js";
import type { CommandContext } from "../context.js";

export interface OpenFlags {
  locale?: string;
  print?: boolean;
}

/**
 * A browser is started only from a terminal that is not CI: elsewhere (CI, pipes, `--json`,
 * `--print`) the URL is printed, and that is all.
 */
function mayOpenBrowser(flags: OpenFlags, ctx: CommandContext): boolean {
  return flags.print !== true && !ctx.out.json && ctx.out.isTTY && ctx.env.CI === undefined && !ctx.github;
}

/** `intercom-sync open <key or file> [--locale CODE]`: opens the item's Intercom page, or prints its URL. */
export async function runOpen(args: readonly string[], flags: OpenFlags, ctx: CommandContext): Promise<number> {
  const [item = ""] = args;
  const relative = item.endsWith(".md") ? path.relative(ctx.rootDir, path.resolve(ctx.cwd, item)).split(path.sep).join("/") : item;
  const found = await findItemUrl(ctx.project, relative, flags.locale);
  if (ctx.out.json) {
    ctx.out.printJson(found);
    return 0;
  }
  ctx.out.result(found.url);
  if (mayOpenBrowser(flags, ctx)) {
    const { default: open } = await import("open");
    // A missing browser is not a failure: the URL is printed above.
    await open(found.url).catch(() => undefined);
  }
  return 0;
}
