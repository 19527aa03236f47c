import { applyPlan } from "../../src/apply/apply-plan.js";
import type { ApplyDeps, ApplyResult } from "../../src/apply/types.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { Plan, PlanOptions } from "../../src/plan/types.js";
import { emptyLock, type DesiredState, type LockFile } from "../../src/types.js";
import { planOptions } from "../plan/builders.js";
import type { FakeIntercomApi } from "../support/fake-intercom-api.js";

export interface Pushed {
  plan: Plan;
  result: ApplyResult;
  saves: LockFile[];
}

/** plan (from the fake's current state) + apply, the way `push` composes them. */
export async function push(
  api: FakeIntercomApi,
  desired: DesiredState,
  lock: LockFile = emptyLock(),
  options: { plan?: Partial<PlanOptions>; deps?: Partial<ApplyDeps> } = {},
): Promise<Pushed> {
  const plan = planSync({ desired, remote: api.toRemoteState(), lock, options: planOptions(options.plan) });
  const saves: LockFile[] = [];
  const result = await applyPlan(plan, {
    api,
    lock,
    concurrency: 4,
    saveLock: async (saved) => {
      saves.push(saved);
    },
    ...options.deps,
  });
  return { plan, result, saves };
}

/** The plan a push right now would run. */
export function planNow(api: FakeIntercomApi, desired: DesiredState, lock: LockFile, options: Partial<PlanOptions> = {}): Plan {
  return planSync({ desired, remote: api.toRemoteState(), lock, options: planOptions(options) });
}
