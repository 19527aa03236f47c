import path from "node:path";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { configSchema, type ConfigInput } from "./config-schema.js";
import { CONFIG_DEFAULTS } from "./defaults.js";
import { describeConfigIssue } from "./describe-config-issue.js";
import type { ResolvedConfig } from "./types.js";

export interface ValidateConfigResult {
  /** Present when there were no errors. */
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
}

/** The fields the cross-field checks read, taken leniently from a config that may be invalid. */
function pickCrossFields(raw: unknown): { sourceLocale?: string; locales?: string[]; contentDir?: string; localesDir?: string; internalDir?: string } {
  if (raw === null || typeof raw !== "object") return {};
  const record = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const locales = Array.isArray(record.locales) ? record.locales.filter((locale): locale is string => typeof locale === "string") : undefined;
  return { sourceLocale: text(record.sourceLocale), locales, contentDir: text(record.contentDir), localesDir: text(record.localesDir), internalDir: text(record.internalDir) };
}

/** True when one folder is the other or holds it (relative POSIX paths). */
function foldersOverlap(a: string, b: string): boolean {
  const norm = (dir: string) => `${path.posix.normalize(dir).replace(/\/+$/, "")}/`;
  return norm(a).startsWith(norm(b)) || norm(b).startsWith(norm(a));
}

/**
 * Checks that only make sense across fields. They run on the raw input too, so a config with a
 * typo elsewhere still hears about every problem in one go.
 */
function checkCrossFields(raw: unknown, file: string): Diagnostic[] {
  const input = pickCrossFields(raw);
  const diagnostics: Diagnostic[] = [];
  const sourceLocale = input.sourceLocale ?? CONFIG_DEFAULTS.sourceLocale;
  const seen = new Set<string>();
  for (const locale of input.locales ?? []) {
    if (locale === sourceLocale) {
      diagnostics.push(diagnostic("config/invalid", { problem: "source-locale", locale: sourceLocale }, { file }));
    } else if (seen.has(locale)) {
      diagnostics.push(diagnostic("config/invalid", { problem: "duplicate-locale", locale }, { file }));
    }
    seen.add(locale);
  }
  const contentDir = input.contentDir ?? CONFIG_DEFAULTS.contentDir;
  const localesDir = input.localesDir ?? CONFIG_DEFAULTS.localesDir;
  if (path.posix.normalize(contentDir) === path.posix.normalize(localesDir)) {
    diagnostics.push(diagnostic("config/invalid", { problem: "same-folder", folder: contentDir }, { file }));
  }
  const internalDir = input.internalDir ?? CONFIG_DEFAULTS.internalDir;
  for (const [field, other] of [["contentDir", contentDir], ["localesDir", localesDir]] as const) {
    if (foldersOverlap(internalDir, other)) diagnostics.push(diagnostic("config/internal-dir-overlap", { internalDir, field, folder: other }, { file }));
  }
  return diagnostics;
}

/**
 * Applies defaults and resolves paths against `rootDir`. The input must already be valid.
 * Exported for the no-config-file case, where every field takes its default.
 */
export function resolveConfig(input: ConfigInput, rootDir: string, configFile: string | null): ResolvedConfig {
  const assetBaseUrl = input.assetBaseUrl ?? CONFIG_DEFAULTS.assetBaseUrl;
  return {
    rootDir,
    configFile,
    sourceLocale: input.sourceLocale ?? CONFIG_DEFAULTS.sourceLocale,
    locales: input.locales ?? CONFIG_DEFAULTS.locales,
    contentDir: path.resolve(rootDir, input.contentDir ?? CONFIG_DEFAULTS.contentDir),
    localesDir: path.resolve(rootDir, input.localesDir ?? CONFIG_DEFAULTS.localesDir),
    internalDir: path.resolve(rootDir, input.internalDir ?? CONFIG_DEFAULTS.internalDir),
    helpCenterId: input.helpCenterId === undefined ? CONFIG_DEFAULTS.helpCenterId : String(input.helpCenterId),
    authorId: input.authorId ?? CONFIG_DEFAULTS.authorId,
    defaultState: input.defaultState ?? CONFIG_DEFAULTS.defaultState,
    // Relative image paths are appended to this URL, so it must end with "/".
    assetBaseUrl: assetBaseUrl === null || assetBaseUrl.endsWith("/") ? assetBaseUrl : `${assetBaseUrl}/`,
    onDelete: input.onDelete ?? CONFIG_DEFAULTS.onDelete,
    concurrency: input.concurrency ?? CONFIG_DEFAULTS.concurrency,
    rateLimitShare: input.rateLimitShare ?? CONFIG_DEFAULTS.rateLimitShare,
    retries: input.retries ?? CONFIG_DEFAULTS.retries,
    region: input.region ?? CONFIG_DEFAULTS.region,
    apiUrl: input.apiUrl ?? CONFIG_DEFAULTS.apiUrl,
    apiVersion: input.apiVersion ?? CONFIG_DEFAULTS.apiVersion,
    outdatedTranslations: input.outdatedTranslations ?? CONFIG_DEFAULTS.outdatedTranslations,
    publishMode: input.publishMode ?? CONFIG_DEFAULTS.publishMode,
    defaults: resolveDefaults(input.defaults, configFile === null ? undefined : path.relative(rootDir, configFile).split(path.sep).join("/")),
  };
}

/**
 * Validates a config file's default export and resolves it: every problem at once, each a
 * `config/invalid` diagnostic located at the config file. Paths are resolved against the config
 * file's folder. Pure: no file system access.
 *
 * @param raw the value the config file exported
 * @param file absolute path of the config file
 */
export function validateConfig(raw: unknown, file: string): ValidateConfigResult {
  const location = path.basename(file);
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  const diagnostics = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeConfigIssue(issue, location));
  diagnostics.push(...checkCrossFields(raw, location));
  if (!parsed.success || diagnostics.length > 0) return { diagnostics };
  return { config: resolveConfig(parsed.data, path.dirname(file), file), diagnostics };
}

/** Config `defaults` in the model's terms (`sales_agent` -> `salesAgent`); absent keys stay absent. */
function resolveDefaults(input: ConfigInput["defaults"], file: string | undefined): ResolvedConfig["defaults"] {
  const out: ResolvedConfig["defaults"] = {};
  if (input?.audiences !== undefined && file !== undefined) out.file = file;
  if (input?.fin !== undefined) {
    const { agent, copilot, sales_agent: salesAgent } = input.fin;
    out.fin = { ...(agent === undefined ? {} : { agent }), ...(copilot === undefined ? {} : { copilot }), ...(salesAgent === undefined ? {} : { salesAgent }) };
  }
  if (input?.audiences !== undefined) out.audiences = [...input.audiences];
  return out;
}
