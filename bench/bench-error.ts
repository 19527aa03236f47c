/**
 * A benchmark tool's own failure: a permanent `bench/...` code, a message and what to do. The
 * benchmark is not the product, so its codes stay out of the product's error catalog.
 */
export class BenchError extends Error {
  override readonly name = "BenchError";
  readonly code: `bench/${string}`;
  readonly hint: string | undefined;

  constructor(code: `bench/${string}`, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

export function isBenchError(error: unknown): error is BenchError {
  return error instanceof BenchError;
}
