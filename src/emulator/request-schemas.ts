/**
 * The 2.16 request bodies of the Help Center write endpoints, encoded here (not read from the
 * OpenAPI file) so the emulator ships on its own. Objects are strict: Intercom answers 400
 * `parameter_invalid` to a field it does not know. Required fields are checked by the handlers,
 * because Intercom answers those with `parameter_not_found` and looks in `translated_content` too.
 */
import * as z from "zod";
import { LOCALES } from "../locales.js";

const state = z.enum(["published", "draft"]);
/** Intercom ids are integers in some requests and strings in others; the emulator takes both. */
const integerId = z.union([z.int(), z.string().regex(/^\d+$/)]);

/** `article_content`: what a locale of `translated_content` may hold. Read-only fields are ignored. */
const articleContent = z
  .strictObject({
    type: z.enum(["article_content"]).nullable().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    body: z.string().optional(),
    body_markdown: z.string().nullable().optional(),
    author_id: z.int().optional(),
    state: state.optional(),
    created_at: z.int().optional(),
    updated_at: z.int().optional(),
    url: z.string().nullable().optional(),
    created_by_id: z.int().nullable().optional(),
    updated_by_id: z.int().nullable().optional(),
    draft_updated_at: z.int().nullable().optional(),
    has_unpublished_changes: z.boolean().optional(),
    ai_chatbot_availability: z.boolean().optional(),
    ai_copilot_availability: z.boolean().optional(),
    ai_sales_agent_availability: z.boolean().optional(),
    audience_ids: z.array(z.int()).nullable().optional(),
  })
  .nullable();

const groupContent = z
  .strictObject({
    type: z.enum(["group_content"]).nullable().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
  })
  .nullable();

/** `translated_content` after parsing: `type` plus a key per locale (null or absent = untouched). */
export type TranslatedContent<C> = Record<string, C | string | null | undefined>;

function translatedContent<C>(typeName: string, content: z.ZodType<C | null>): z.ZodType<TranslatedContent<C> | null> {
  const shape: Record<string, z.ZodType> = { type: z.enum([typeName]).nullable().optional() };
  for (const locale of LOCALES) shape[locale] = content.optional();
  // The shape is built from the locale list, so zod cannot infer it; the cast restores the type.
  return z.strictObject(shape).nullable() as unknown as z.ZodType<TranslatedContent<C> | null>;
}

export type ArticleContentRequest = NonNullable<z.infer<typeof articleContent>>;

export const articleTranslatedContentSchema = translatedContent("article_translated_content", articleContent);
export const groupTranslatedContentSchema = translatedContent("group_translated_content", groupContent);

const articleFields = {
  title: z.string().optional(),
  description: z.string().optional(),
  body: z.string().optional(),
  body_markdown: z.string().optional(),
  author_id: z.int().optional(),
  state: state.optional(),
  parent_type: z.string().optional(),
  translated_content: articleTranslatedContentSchema.optional(),
  ai_chatbot_availability: z.boolean().optional(),
  ai_copilot_availability: z.boolean().optional(),
  ai_sales_agent_availability: z.boolean().optional(),
  audience_ids: z.array(z.int()).nullable().optional(),
  scheduled_publish_at: z.string().nullable().optional(),
  scheduled_unpublish_at: z.string().nullable().optional(),
};

/** `create_article_request`: `parent_id` is an integer in the spec. */
export const createArticleRequestSchema = z.strictObject({ ...articleFields, parent_id: integerId.optional() });

/**
 * `update_article_request`: `parent_id` is a string in the spec. null (back to no collection) is
 * accepted as well: the spec gives no other way to take an article out of its collection.
 */
export const updateArticleRequestSchema = z.strictObject({ ...articleFields, parent_id: integerId.nullable().optional() });

/** `create_collection_request`. */
export const createCollectionRequestSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  parent_id: z.string().nullable().optional(),
  help_center_id: z.int().nullable().optional(),
  translated_content: groupTranslatedContentSchema.optional(),
});

/** `update_collection_request`. */
export const updateCollectionRequestSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  parent_id: z.string().nullable().optional(),
  translated_content: groupTranslatedContentSchema.optional(),
});

/** `publish_article_draft_request`: optional; `locales` is required on a multilingual workspace. */
export const publishArticleDraftRequestSchema = z.strictObject({ locales: z.array(z.string()).optional() });

export type CreateArticleRequest = z.infer<typeof createArticleRequestSchema>;
export type UpdateArticleRequest = z.infer<typeof updateArticleRequestSchema>;
export type CreateCollectionRequest = z.infer<typeof createCollectionRequestSchema>;
export type UpdateCollectionRequest = z.infer<typeof updateCollectionRequestSchema>;

