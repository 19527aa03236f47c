export { LOCK_FILE_NAME } from "./lock-schema.js";
export { parseLock } from "./parse-lock.js";
export { serializeLock } from "./serialize-lock.js";
export { readLock, writeLockAtomic } from "./read-write-lock.js";
export { acquireRunLock, isProcessAlive, RUN_LOCK_FILE_NAME, DEFAULT_RUN_LOCK_TIMEOUT_MS } from "./run-lock.js";
export type { RunLock, RunLockOptions } from "./run-lock.js";
