import * as z from "zod";
import { isLocaleCode, suggestLocale } from "../locales.js";
import { MAX_CONCURRENCY, MAX_RETRIES, MIN_CONCURRENCY } from "./defaults.js";

/** Issue params that carry a hint through zod to the diagnostic. */
export interface HintParams {
  hint?: string;
}

const localeCode = z.string().superRefine((value, ctx) => {
  if (isLocaleCode(value)) return;
  const suggestion = suggestLocale(value);
  ctx.addIssue({
    code: "custom",
    input: value,
    message: `"${value}" is not an Intercom locale code.`,
    params: {
      hint: suggestion
        ? `Did you mean "${suggestion}"?`
        : "Use one of Intercom's codes: en, fr, de, pt-BR, zh-CN, ...",
    } satisfies HintParams,
  });
});

const httpUrl = z.string().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:")) return;
  ctx.addIssue({
    code: "custom",
    input: value,
    message: `"${value}" is not an absolute http(s) URL.`,
    params: { hint: "Write the full URL, such as https://example.com/docs/." } satisfies HintParams,
  });
});

const nonEmpty = z.string().min(1);

/**
 * What a config file may contain. Strict: an unknown key is an error, reported with a suggestion.
 * `$schema` is tolerated so JSON configs can point editors at a schema.
 */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  sourceLocale: localeCode.optional(),
  locales: z.array(localeCode).optional(),
  contentDir: nonEmpty.optional(),
  localesDir: nonEmpty.optional(),
  internalDir: nonEmpty.optional(),
  helpCenterId: z.union([nonEmpty, z.number().int().positive()]).optional(),
  authorId: z.number().int().positive().optional(),
  defaultState: z.enum(["published", "draft"]).optional(),
  assetBaseUrl: httpUrl.optional(),
  onDelete: z.enum(["unpublish", "delete", "keep"]).optional(),
  concurrency: z.number().int().min(MIN_CONCURRENCY).max(MAX_CONCURRENCY).optional(),
  rateLimitShare: z.number().gt(0).max(1).optional(),
  retries: z.number().int().min(0).max(MAX_RETRIES).optional(),
  region: z.enum(["us", "eu", "au"]).optional(),
  apiUrl: httpUrl.optional(),
  apiVersion: nonEmpty.optional(),
  outdatedTranslations: z.enum(["push", "skip", "draft"]).optional(),
  publishMode: z.enum(["live", "stage"]).optional(),
  defaults: z
    .strictObject({
      fin: z.strictObject({ agent: z.boolean().optional(), copilot: z.boolean().optional(), sales_agent: z.boolean().optional() }).optional(),
      audiences: z.array(nonEmpty).optional(),
    })
    .optional(),
});

export type ConfigInput = z.infer<typeof configSchema>;

/** Names of the fields a config may set, for "did you mean" on unknown keys. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape).filter((key) => key !== "$schema");
