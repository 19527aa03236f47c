/**
 * The text diffs of `plan --diff` and `push --diff`: each changed locale's files rendered again,
 * and Intercom's text from the one listing the plan was made from (the list endpoint returns
 * bodies, so no further request is made). The pure part is src/plan/text-diff.ts.
 */
import { mapConcurrent } from "../content/map-concurrent.js";
import { READ_CONCURRENCY } from "../content/read-content-tree.js";
import type { BodyLoader } from "../load/build-desired-state.js";
import { diffLocaleText, diffRequests, resolvePlaceholders, type DiffRequest, type LocaleDiff, type TextSide } from "../plan/text-diff.js";
import type { Plan } from "../plan/types.js";
import type { DesiredState, RemoteState } from "../types.js";

export interface DiffInput {
  plan: Plan;
  desired: DesiredState;
  remote: RemoteState;
  loadBody: BodyLoader;
}

const INTERCOM = "Intercom";

async function fileSide(input: DiffInput, request: DiffRequest): Promise<TextSide | undefined> {
  const { item, locale } = request;
  if (item.type === "collection") {
    const text = input.desired.collections.find((c) => c.key === item.key)?.locales[locale];
    return text === undefined ? undefined : { label: text.file ?? item.key, title: text.name, description: text.description };
  }
  const text = input.desired.articles.find((a) => a.key === item.key)?.locales[locale];
  if (text === undefined) return undefined;
  const planned = item.content[locale];
  const html = await input.loadBody({ key: item.key, locale, file: text.file });
  return {
    label: text.file,
    title: planned?.title ?? text.title,
    description: planned?.description ?? text.description,
    state: planned?.state ?? text.state,
    body: resolvePlaceholders(input.plan, html, locale),
  };
}

function intercomSide(input: DiffInput, request: DiffRequest): TextSide | undefined {
  const { item, locale } = request;
  if (item.id === undefined) return undefined;
  if (item.type === "collection") {
    const text = input.remote.collections.find((c) => c.id === item.id)?.locales[locale];
    return text === undefined ? undefined : { label: INTERCOM, title: text.name, description: text.description };
  }
  const text = input.remote.articles.find((a) => a.id === item.id)?.locales[locale];
  return text === undefined ? undefined : { label: INTERCOM, title: text.title, description: text.description, state: text.state, body: text.body };
}

/** One diff per changed locale, in plan order. */
export async function buildPlanDiffs(input: DiffInput): Promise<LocaleDiff[]> {
  const requests = diffRequests(input.plan);
  const diffs = await mapConcurrent(requests, READ_CONCURRENCY, async (request) => {
    const file = await fileSide(input, request);
    const intercom = intercomSide(input, request);
    if (file === undefined) return undefined;
    // Drift and conflicts: what was changed in Intercom, from the file's text to Intercom's.
    if ((request.change === "drift" || request.change === "conflict") && intercom !== undefined) return diffLocaleText(request, file, intercom);
    return diffLocaleText(request, intercom, file);
  });
  return diffs.filter((diff): diff is LocaleDiff => diff !== undefined);
}
