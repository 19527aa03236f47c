// `intercom-sync pull`: write the remote help center into the tree and the lock.
export { pullProject, isWritten, type PullProjectOptions } from "./pull-project.js";
export { planPull } from "./plan-pull.js";
export { buildPullLock, type PullLockInput } from "./build-pull-lock.js";
export { decideFile, type FileDecision, type FileDecisionInput } from "./decide-file.js";
export { slugifyTitle, MAX_SLUG_LENGTH } from "./assign-keys.js";
export { formatPullResult } from "./format-pull-result.js";
export type * from "./types.js";
