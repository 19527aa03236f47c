import path from "node:path";
import type { PlanSelection } from "../plan/select-plan.js";
import type { CommandContext } from "./context.js";

/**
 * `push [paths...] --locale CODE` as a selection: paths are taken relative to where the command
 * runs and made relative to the project root (the config's folder), with `/` separators.
 */
export function selectionFromArgs(paths: readonly string[], locales: readonly string[] | undefined, ctx: Pick<CommandContext, "cwd" | "rootDir">): PlanSelection {
  const relative = paths.map((p) => path.relative(ctx.rootDir, path.resolve(ctx.cwd, p)).split(path.sep).join("/"));
  return { paths: relative, locales: [...(locales ?? [])] };
}
