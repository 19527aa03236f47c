import { diagnostic } from "../errors/sync-error.js";
import type { DesiredArticle, DesiredArticleLocale, RemoteArticle, RemoteArticleLocale } from "../types.js";
import { parentIdOf, resolveArticleIdentities, type ArticleIdentity } from "./article-identity.js";
import { collectChanges, existingItem, newItemBase, type LocaleOutcome } from "./assemble-item.js";
import { digestText, placeholdersOf } from "../digest/body-summary.js";
import { diffLocale, type LocaleDecision } from "./diff-locale.js";
import { hashBody } from "../digest/body-digest.js";
import { ARTICLE_FIELD_NAMES, hashArticleFields, SETTING_FIELD_NAMES, type FieldHashes } from "../digest/field-hashes.js";
import { differingSettings, prepareSettings, releasedSettings, scheduleStatus, scheduleToCancel, tagsToCreate, type ScheduleStatus } from "./plan-settings.js";
import type { PlanContext } from "./plan-context.js";
import { finishStaging, holdsAsDraft, routeLocale, stagedBase, DRAFT_FIELD, type LocaleRoute } from "./plan-staging.js";
import { lookupUrl, resolveHrefs, UNRESOLVED_LINK_HREF } from "../render/resolve-links.js";
import type { ArticleFieldName, ArticleFields, ArticlePlanItem } from "./types.js";
import { normaliseText, readHtml, type HtmlReading } from "../digest/visible-text.js";
import { fingerprintArticleLocale } from "./write-fingerprint.js";

interface PreparedLocale {
  locale: string;
  /** Content to send, body by digest and placeholders (its HTML only when the model kept it). */
  fields: ArticleFields;
  /** Every href of the body with links resolved as far as known now. */
  resolvedHrefs: string[];
  hashes: FieldHashes;
  outdated: boolean;
  /** Stage mode sends this locale as a draft although its file says `published`. */
  held: boolean;
  source: DesiredArticleLocale;
}

function isOutdated(article: DesiredArticle, locale: string, text: DesiredArticleLocale, sourceLocale: string): boolean {
  return locale !== sourceLocale && text.sourceHash !== undefined && text.sourceHash !== article.sourceTextHash;
}

function prepareLocales(ctx: PlanContext, article: DesiredArticle, pendingKeys: ReadonlySet<string>, remote: RemoteArticle | undefined): PreparedLocale[] {
  const prepared: PreparedLocale[] = [];
  const urlOf = lookupUrl(ctx.urls, ctx.sourceLocale);
  for (const locale of ctx.managed) {
    const text = article.locales[locale];
    if (text === undefined) continue;
    const outdated = isOutdated(article, locale, text, ctx.sourceLocale);
    const wanted = outdated && ctx.options.outdatedTranslations === "draft" ? "draft" : text.state;
    const held = holdsAsDraft(ctx.options.publishMode ?? "live", wanted, remote?.locales[locale]);
    const state = held ? "draft" : wanted;
    const resolved = resolveHrefs(text.hrefs, locale, urlOf);
    const fields: ArticleFields = {
      title: text.title,
      description: text.description,
      digest: text.digest,
      placeholders: placeholdersOf(text.hrefs),
      state,
      authorId: text.authorId,
      ...prepareSettings(ctx, text, remote),
    };
    const stateFrom = held && wanted !== "draft" ? "publishMode stage" : outdated && wanted !== text.state ? "outdated translation" : text.stateFrom;
    if (stateFrom !== undefined) fields.stateFrom = stateFrom;
    if (text.html !== undefined) fields.body = text.html;
    for (const target of resolved.unresolved.filter((key) => !pendingKeys.has(key))) {
      ctx.warnings.push(diagnostic("plan/unknown-link-target", { key: article.key, target }, { file: text.file }));
    }
    const bodyHash = hashBody(text.digest, resolved.placeholders);
    prepared.push({
      locale,
      fields,
      resolvedHrefs: resolved.hrefs,
      hashes: hashArticleFields({ title: text.title, description: text.description, bodyHash, state, authorId: text.authorId, ...(fields.settings === undefined ? {} : { settings: fields.settings }) }),
      outdated,
      held,
      source: text,
    });
  }
  return prepared;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The field names of a locale: the five of every article, plus the settings its file or the lock names. */
function fieldNamesOf(hashes: FieldHashes, lockFields: FieldHashes | undefined): ArticleFieldName[] {
  return [...ARTICLE_FIELD_NAMES, ...SETTING_FIELD_NAMES.filter((name) => hashes[name] !== undefined || lockFields?.[name] !== undefined)];
}

function differingFields(local: PreparedLocale, remote: RemoteArticleLocale, reading: HtmlReading, article?: RemoteArticle, schedule: ScheduleStatus = "none"): string[] {
  const out: string[] = [];
  if (normaliseText(local.fields.title) !== normaliseText(remote.title)) out.push("title");
  if (normaliseText(local.fields.description) !== normaliseText(remote.description ?? "")) out.push("description");
  if (digestText(reading.text) !== local.source.textDigest || !sameList(local.resolvedHrefs, reading.hrefs)) out.push("body");
  // A pushed schedule that has happened changed the state as the file asked.
  if (local.fields.state !== remote.state && schedule !== "happened") out.push("state");
  if (local.fields.authorId !== null && local.fields.authorId !== remote.authorId) out.push("author");
  if (article !== undefined) out.push(...differingSettings(local.fields, article, remote, schedule));
  return out;
}

/**
 * True when the remote body is this very body as pushed before some link targets existed: the same
 * text, and a stand-in href wherever a link differs. A push killed after such a write leaves it
 * unrecorded; it is finished, not reported as an edit made in Intercom.
 */
function hasOnlyStaleLinks(local: PreparedLocale, remote: RemoteArticleLocale, reading: HtmlReading): boolean {
  if (differingFields(local, remote, reading).join() !== "body") return false;
  if (digestText(reading.text) !== local.source.textDigest) return false;
  const wanted = local.resolvedHrefs;
  const got = reading.hrefs;
  return wanted.length === got.length && got.every((href, index) => href === wanted[index] || href === UNRESOLVED_LINK_HREF);
}

/** Applies the outdated-translation policy to a decision that would write the locale. */
function applyOutdatedPolicy(ctx: PlanContext, article: DesiredArticle, local: PreparedLocale, decision: LocaleDecision): LocaleDecision {
  if (!local.outdated || (decision.kind !== "add" && decision.kind !== "update")) return decision;
  const policy = ctx.options.outdatedTranslations;
  const effect = { push: "pushing it anyway", skip: "not pushing it", draft: "pushing it as a draft" }[policy];
  ctx.warnings.push(diagnostic("plan/outdated-translation", { locale: local.locale, key: article.key, effect }, { file: local.source.file }));
  return policy === "skip" ? { kind: "noop" } : decision;
}

function planCreate(ctx: PlanContext, article: DesiredArticle, prepared: PreparedLocale[], recreate: boolean): ArticlePlanItem {
  const content: Record<string, ArticleFields> = {};
  for (const local of prepared) {
    const decision = applyOutdatedPolicy(ctx, article, local, { kind: "add", fields: [...ARTICLE_FIELD_NAMES] });
    if (decision.kind === "add") content[local.locale] = local.fields;
  }
  const base = newItemBase(ctx, { type: "article", key: article.key, parentKey: article.parentKey, recreate, locales: Object.keys(content), fieldNames: ARTICLE_FIELD_NAMES });
  noteNewTags(base.locales, content);
  const hold = prepared.filter((local) => local.held && content[local.locale] !== undefined).map((local) => local.locale);
  return { ...base, type: "article", content, ...(hold.length > 0 ? { hold } : {}) };
}

function planExisting(
  ctx: PlanContext,
  article: DesiredArticle,
  prepared: PreparedLocale[],
  identity: Extract<ArticleIdentity, { kind: "owned" | "adopt" }>,
): ArticlePlanItem {
  const { remote } = identity;
  const entry = identity.kind === "owned" ? identity.entry : undefined;
  const outcomes: LocaleOutcome[] = [];
  const content: Record<string, ArticleFields> = {};
  const routes = new Map<string, LocaleRoute>();
  const sourceLocal = prepared.find((local) => local.locale === ctx.sourceLocale);
  const schedule = scheduleStatus(sourceLocal?.source, sourceLocal?.hashes, entry?.locales[ctx.sourceLocale], remote);
  for (const local of prepared) {
    const remoteLocale = remote.locales[local.locale];
    const lockLocale = entry?.locales[local.locale];
    const fieldNames = fieldNamesOf(local.hashes, lockLocale?.fields);
    const released = releasedSettings(local.hashes, lockLocale);
    const cancel = local.locale === ctx.sourceLocale ? scheduleToCancel(released, remote) : undefined;
    if (cancel !== undefined) local.fields.cancelSchedule = cancel;
    // Intercom's HTML is read only when a decision needs it, and then once.
    let reading: HtmlReading | undefined;
    const readRemote = (): HtmlReading => (reading ??= readHtml(remoteLocale?.body ?? ""));
    // A draft staged earlier is compared by its own digests and `draft_updated_at`.
    const staged = stagedBase(entry?.locales[local.locale], remoteLocale);
    const diffed = diffLocale({
      desired: local.hashes,
      fieldNames,
      lock: staged?.lock ?? entry?.locales[local.locale],
      remote:
        remoteLocale === undefined
          ? undefined
          : staged !== undefined
            ? { updatedAt: staged.remoteUpdatedAt, differingFields: () => [DRAFT_FIELD] }
            : {
                updatedAt: remoteLocale.updatedAt,
                differingFields: () => differingFields(local, remoteLocale, readRemote(), remote, schedule),
                hasOnlyStaleLinks: () => hasOnlyStaleLinks(local, remoteLocale, readRemote()),
                fingerprint: () => fingerprintArticleLocale(remoteLocale),
              },
      force: ctx.options.force,
      settled: schedule === "happened",
    });
    const raw = skipHeldSettings(releaseSettings(diffed, released, cancel), () =>
      remoteLocale === undefined ? undefined : differingSettings(local.fields, remote, remoteLocale, schedule),
    );
    const skipped = local.outdated && ctx.options.outdatedTranslations === "skip" && (raw.kind === "add" || raw.kind === "update");
    const decision = applyOutdatedPolicy(ctx, article, local, raw);
    const writes = decision.kind === "add" || decision.kind === "update";
    // Unchanged locales keep their content when it has links: apply's second pass may refresh them.
    const refreshable = !skipped && (decision.kind === "noop" || decision.kind === "record") && local.source.links.length > 0;
    if (writes || refreshable) content[local.locale] = local.fields;
    routes.set(local.locale, routeLocale({ mode: ctx.options.publishMode ?? "live", decision, staged: staged !== undefined, remote: remoteLocale, desiredState: local.fields.state }));
    outcomes.push({ locale: local.locale, decision, desired: local.hashes, remoteUpdatedAt: remoteLocale?.updatedAt });
  }
  const collected = collectChanges(outcomes);
  noteNewTags(collected.changes, content);
  const previousKey = identity.kind === "owned" ? identity.previousKey : undefined;
  const parentId = parentIdOf(ctx, article);
  let moveParent = parentId !== remote.parentId;
  if (moveParent && parentId === null) {
    // The 2.16 update request only takes a collection id as parent_id.
    moveParent = false;
    ctx.warnings.push(diagnostic("plan/unsupported-move", { key: article.key }, { file: article.locales[ctx.sourceLocale]?.file ?? article.key }));
  }
  const held = prepared.filter((local) => local.held).map((local) => local.locale);
  return finishStaging(existingItem(ctx, {
    type: "article",
    key: article.key,
    parentKey: article.parentKey,
    remote,
    adopted: identity.kind === "adopt",
    previousKey,
    moveParent,
    collected,
    content,
    lockedLocales: Object.keys(entry?.locales ?? {}),
    hasLocale: (locale) => article.locales[locale] !== undefined,
  }), routes, held);
}

/**
 * Settings a file stopped naming are released: not written (a pending schedule excepted, which is
 * cancelled), only forgotten by the lock. A change made of nothing else is recorded, not written.
 */
function releaseSettings(decision: LocaleDecision, released: readonly string[], cancel: string | undefined): LocaleDecision {
  if (released.length === 0 || (decision.kind !== "update" && decision.kind !== "add")) return decision;
  const dropped = released.filter((name) => name !== "schedule" || cancel === undefined);
  const fields = decision.fields.filter((name) => !dropped.includes(name));
  if (fields.length === 0) return decision.kind === "update" && decision.note === undefined ? { kind: "record" } : decision;
  return { ...decision, fields };
}

/**
 * Settings are plain values that Intercom keeps as sent (unlike HTML), so a setting the files
 * changed that Intercom already holds (the source's `fin` after a pull, inherited by a
 * translation) is not sent again; a change made of nothing else is only recorded.
 */
function skipHeldSettings(decision: LocaleDecision, remoteDiffering: () => string[] | undefined): LocaleDecision {
  if (decision.kind !== "update" || decision.note !== undefined) return decision;
  if (!decision.fields.some((name) => SETTING_FIELD_NAMES.includes(name as ArticleFieldName))) return decision;
  const differing = remoteDiffering();
  if (differing === undefined) return decision;
  const fields = decision.fields.filter((name) => !SETTING_FIELD_NAMES.includes(name as ArticleFieldName) || differing.includes(name));
  return fields.length === 0 ? { kind: "record" } : { ...decision, fields };
}

/** Says in the plan which tags a write creates in the workspace (tags are created before they are applied). */
function noteNewTags(changes: { locale: string; change: string; fields: string[]; note?: string }[], content: Record<string, ArticleFields>): void {
  for (const change of changes) {
    const names = tagsToCreate(content[change.locale]);
    if (names.length === 0 || (change.change !== "add" && !change.fields.includes("tags"))) continue;
    const note = `creates tag${names.length === 1 ? "" : "s"} ${names.map((name) => `"${name}"`).join(", ")}`;
    change.note = change.note === undefined ? note : `${change.note}; ${note}`;
  }
}

/** Plans every article in the tree: identity first (owned, moved, adopted, new), then per-locale diffs. */
export function planArticles(ctx: PlanContext, articles: readonly DesiredArticle[]): ArticlePlanItem[] {
  const identities = resolveArticleIdentities(ctx, articles);
  const pendingKeys = new Set([...identities].filter(([, identity]) => identity.kind === "create").map(([key]) => key));
  return articles.map((article) => {
    const identity = identities.get(article.key) ?? { kind: "create", recreate: false };
    const remote = identity.kind === "create" ? undefined : identity.remote;
    const prepared = prepareLocales(ctx, article, pendingKeys, remote);
    return identity.kind === "create"
      ? planCreate(ctx, article, prepared, identity.recreate)
      : planExisting(ctx, article, prepared, identity);
  });
}
