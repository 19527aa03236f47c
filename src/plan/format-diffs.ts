/**
 * The text diffs of `plan --diff` and `push --diff`, as the terminal shows them. Apart from
 * text-diff.ts, which makes them, so that printing a plan loads no HTML-to-markdown converter.
 */
import pc from "picocolors";
import type { LocaleDiff } from "./text-diff.js";

/** The diffs for a terminal: a heading per item and locale, `+` lines green, `-` lines red. */
export function formatDiffs(diffs: readonly LocaleDiff[], options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const blocks: string[] = [];
  for (const diff of diffs) {
    const heading = colors.bold(`${diff.type} ${diff.key} (${diff.locale}, ${diff.change})`);
    if (diff.patch === "") {
      blocks.push(`${heading}\n${colors.dim("  (no change to the visible text: markup or link targets only)")}`);
      continue;
    }
    const body = diff.patch
      .split("\n")
      .map((line) => {
        if (line.startsWith("+++") || line.startsWith("---")) return colors.bold(line);
        if (line.startsWith("@@")) return colors.cyan(line);
        if (line.startsWith("+")) return colors.green(line);
        if (line.startsWith("-")) return colors.red(line);
        return line;
      })
      .join("\n");
    blocks.push(`${heading}\n${body}`);
  }
  return blocks.join("\n\n");
}
