/**
 * The question `push` asks on a terminal before risky writes. Asked only when both the input and
 * the output are a terminal, so CI, pipes and scripts never block on it.
 */
import { createInterface } from "node:readline/promises";
import type { CommandContext } from "./context.js";

/** True when a question can be asked and answered here: a terminal on both ends. */
export function canAsk(ctx: CommandContext): boolean {
  return ctx.stdin?.isTTY === true && ctx.out.isTTY;
}

/** Answers that mean yes; anything else (Enter, "n", end of input) means no. */
const YES = new Set(["y", "yes"]);

/** Asks `question` on the terminal (stderr, so a piped --json stays clean); resolves true only for "y" or "yes". */
export async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const input = ctx.stdin;
  if (input === undefined) return false;
  const rl = createInterface({ input, output: ctx.out.errorStream, terminal: true });
  // Ctrl-C at the question is a no.
  rl.on("SIGINT", () => rl.close());
  try {
    // End of input (Ctrl-D) is a no, not a hang.
    const closed = new Promise<string>((resolve) => rl.once("close", () => resolve("")));
    const answer = await Promise.race([rl.question(question), closed]);
    return YES.has(answer.trim().toLowerCase());
  } finally {
    rl.close();
  }
}
