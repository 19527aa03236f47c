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

/**
 * Asks `question` on the terminal (on stderr, so a piped --json stays clean) and resolves with the
 * answer, or null when there is none: end of input (Ctrl-D) or Ctrl-C, never a hang.
 */
export async function ask(ctx: CommandContext, question: string): Promise<string | null> {
  const input = ctx.stdin;
  if (input === undefined) return null;
  const rl = createInterface({ input, output: ctx.out.errorStream, terminal: true });
  rl.on("SIGINT", () => rl.close());
  try {
    const closed = new Promise<null>((resolve) => rl.once("close", () => resolve(null)));
    // rl.question rejects (AbortError) when the interface closes first; the close above answers.
    const answered = rl.question(question).catch(() => null);
    return await Promise.race([answered, closed]);
  } finally {
    rl.close();
  }
}

/** Asks `question`; resolves true only for "y" or "yes" (Enter, "n", Ctrl-D and Ctrl-C are a no). */
export async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const answer = await ask(ctx, question);
  return answer !== null && YES.has(answer.trim().toLowerCase());
}
