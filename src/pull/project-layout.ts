import type { ContentTree } from "../content/types.js";
import type { PullLayout } from "./types.js";

/** The project-relative layout of a tree as read (content dir, locales dir, source locale). */
export function toProjectLayout(tree: Pick<ContentTree, "sourceLocale" | "contentDir" | "localesDir">): PullLayout {
  return { sourceLocale: tree.sourceLocale, contentDir: tree.contentDir, localesDir: tree.localesDir };
}
