import * as z from "zod";
import { LOCALES } from "../locales.js";
import { configSchema } from "./config-schema.js";

/** Where the package ships the schema, relative to its root (`npm run docs:schema` writes it). */
export const CONFIG_SCHEMA_FILE = "schema/intercom-sync.config.schema.json";

/** What each field means, for editors' hovers; the README's Config section says the same. */
const DESCRIPTIONS: Record<string, string> = {
  $schema: "The JSON Schema of this file, for editors.",
  sourceLocale: 'Locale of the articles under contentDir. Default "en".',
  locales: "Which locale folders under localesDir to sync. Default: every folder present.",
  contentDir: 'Folder of the source articles, relative to the config. Default "content".',
  localesDir: 'Folder of the translations (one folder per locale), relative to the config. Default "locales".',
  internalDir: 'Folder of the internal articles (`/internal_articles`), relative to the config. Default "internal".',
  helpCenterId: "The help center to sync. Default: the workspace's default help center.",
  authorId: "Default author of new articles (an admin id). Default: the admin the token belongs to.",
  defaultState: 'State of an article whose front matter has no state. Default "draft".',
  assetBaseUrl: "Relative image paths become assetBaseUrl + path (Intercom shows only public absolute URLs).",
  onDelete: 'What push does when a file is removed. Default "unpublish".',
  concurrency: "Most requests in flight; the client keeps rate x latency in flight below it. Default 100.",
  rateLimitShare: "Share of the workspace's rate limit to use, (0, 1]: other apps share it. Default 1.",
  retries: "Times one request is sent again after a 5xx, a dropped connection or a timeout. Default 6.",
  region: 'Where the workspace is hosted. Default "us". apiUrl and INTERCOM_API_URL override it.',
  apiUrl: "The API's base URL; overrides region (INTERCOM_API_URL overrides both). http:// only on loopback.",
  apiVersion: 'Intercom-Version sent. Default "2.16".',
  outdatedTranslations: 'What push does with a translation whose source changed since its source_hash. Default "push".',
  publishMode: '"stage": changes to published articles become drafts to review in Intercom, then publish. Default "live".',
  defaults: "Settings for the articles whose front matter does not say: fin (agent, copilot, sales_agent) and audiences (names).",
};

/**
 * The config's JSON Schema (draft 2020-12), made from the zod schema the loader validates with, so
 * the two cannot disagree. Checks zod runs in code (locale codes, http URLs) become the enum of
 * Intercom's locale codes and `format: "uri"`. Pure.
 */
export function buildConfigJsonSchema(): Record<string, unknown> {
  const locale = { type: "string", enum: [...LOCALES] };
  const schema = z.toJSONSchema(configSchema, {
    target: "draft-2020-12",
    override: (context) => {
      const json = context.jsonSchema as Record<string, unknown>;
      const properties = json.properties as Record<string, Record<string, unknown>> | undefined;
      if (properties === undefined) return;
      for (const [key, property] of Object.entries(properties)) {
        if (key === "sourceLocale") Object.assign(property, locale);
        if (key === "locales") property.items = locale;
        if (key === "assetBaseUrl" || key === "apiUrl") property.format = "uri";
        const description = DESCRIPTIONS[key];
        if (description !== undefined) property.description = description;
      }
    },
  });
  return {
    $schema: schema.$schema,
    title: "intercom-sync config",
    description: "intercom-sync.config.json: keeps an Intercom Help Center in git. Every field is optional.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

/** The schema file's text: what is committed and shipped. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`;
}
