export { planSync } from "./plan-sync.js";
export { formatPlan, formatSummary, NO_CHANGES_MESSAGE } from "./format-plan.js";
export { formatPlanMarkdown } from "./format-plan-markdown.js";
export { hasChanges, summarisePlan } from "./summarise-plan.js";
export { hashArticleLocale, hashCollectionLocale } from "../digest/field-hashes.js";
export { resolveLinks, lookupUrl, UNRESOLVED_LINK_HREF } from "../render/resolve-links.js";
export type * from "./types.js";
export { PLAN_VERSION } from "./types.js";
