import * as z from "zod";

/** File name of the lock, next to the config file. */
export const LOCK_FILE_NAME = "intercom-sync.lock.json";

// Entries and locales keep keys this schema does not know (`loose`), so a field added to the lock
// by a later minor change survives a read-write cycle instead of being silently dropped.
const lockLocaleSchema = z
  .object({
    hash: z.string().min(1),
    updatedAt: z.number().int().nonnegative(),
    fields: z.record(z.string(), z.string()).optional(),
    unconfirmed: z
      .object({ hash: z.string().min(1), fields: z.record(z.string(), z.string()).optional(), fingerprint: z.string().min(1) })
      .loose()
      .optional(),
    staged: z
      .object({ hash: z.string().min(1), fields: z.record(z.string(), z.string()).optional(), draftUpdatedAt: z.number().int().nonnegative() })
      .loose()
      .optional(),
    held: z.boolean().optional(),
  })
  .loose();

const lockEntrySchema = z
  .object({
    id: z.string().min(1),
    locales: z.record(z.string(), lockLocaleSchema),
  })
  .loose();

/** The shape of `LockFile` (src/types.ts), checked when the lock is read. */
export const lockFileSchema = z.object({
  version: z.number().int().positive(),
  helpCenterId: z.string().nullable(),
  collections: z.record(z.string(), lockEntrySchema),
  articles: z.record(z.string(), lockEntrySchema),
  redirects: z
    .record(z.string(), z.object({ id: z.string().min(1), targetType: z.enum(["article", "collection"]), key: z.string(), locale: z.string() }).loose())
    .optional(),
  urls: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  internalArticles: z
    .record(z.string(), z.object({ id: z.string().min(1), hash: z.string().min(1), updatedAt: z.number().int().nonnegative(), fields: z.record(z.string(), z.string()) }).loose())
    .optional(),
});
