export { applyPlan } from "./apply-plan.js";
export { formatApplyResult, formatApplyCounts } from "./format-result.js";
export { isOutcomeUnknown } from "./recover-create.js";
export type * from "./types.js";
export { DEFAULT_CONCURRENCY, OUTCOME_KINDS } from "./types.js";
