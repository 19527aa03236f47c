/** Exit codes of the CLI (PRODUCT.md, "Exit codes"), in a module of their own so that importing one loads nothing else. */

/** Exit code when SIGINT stopped the run (128 + 2, as shells report it); the lock is saved. */
export const EXIT_INTERRUPTED = 130;
