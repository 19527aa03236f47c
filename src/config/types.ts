/** What a user may write in `intercom-sync.config.ts`. Every field is optional. */
export interface UserConfig {
  /** Locale of the files under `contentDir`. Default "en". */
  sourceLocale?: string;
  /** Which locale folders under `localesDir` to sync. Default: every folder present. */
  locales?: string[];
  /** Default "content". Relative to the config file's folder. */
  contentDir?: string;
  /** Default "locales". Relative to the config file's folder. */
  localesDir?: string;
  /** Folder of the internal articles (`/internal_articles`). Default "internal". */
  internalDir?: string;
  /** Default: the workspace's default help center. */
  helpCenterId?: string | number;
  /** Default author of articles. Default: the admin behind the token (`GET /me`). */
  authorId?: number;
  /** State of an article whose front matter has no `state`. Default "draft". */
  defaultState?: "published" | "draft";
  /** Public base URL that relative image paths are appended to. */
  assetBaseUrl?: string;
  /** What a removed file does to its article. Default "unpublish". */
  onDelete?: "unpublish" | "delete" | "keep";
  /** Most requests in flight; the client adapts below it to latency and the rate limit. Default 100. */
  concurrency?: number;
  /**
   * Share of the workspace's rate limit this tool may use, 0 < share <= 1 (other apps share the
   * limit). Default 1.
   */
  rateLimitShare?: number;
  /**
   * Times one request is sent again after a 5xx, a dropped connection or a timeout (a create only
   * after looking for it). Default 6 (0-10).
   */
  retries?: number;
  /** Intercom data region. Default "us". */
  region?: "us" | "eu" | "au";
  /** Overrides `region`. `INTERCOM_API_URL` overrides this. */
  apiUrl?: string;
  /** `Intercom-Version` header. Default "2.16". */
  apiVersion?: string;
  /** What push does with a translation whose source changed after its `source_hash`. Default "push". */
  outdatedTranslations?: "push" | "skip" | "draft";
  /**
   * How a change to a published article reaches Intercom: `live` updates what readers see, `stage`
   * stages it as a draft for review in Intercom (`intercom-sync publish` makes it live). Default "live".
   */
  publishMode?: "live" | "stage";
  /**
   * Settings of source articles whose front matter does not say (a translation takes its
   * source's): `fin` availability and `audiences` names.
   */
  defaults?: { fin?: { agent?: boolean; copilot?: boolean; sales_agent?: boolean }; audiences?: string[] };
}

/** The configuration after defaults and validation; paths are absolute. */
export interface ResolvedConfig {
  /** Absolute path of the folder holding the config file (the project root). */
  rootDir: string;
  /** Absolute path of the config file, or null when none was found and defaults apply. */
  configFile: string | null;
  sourceLocale: string;
  /** null = every locale folder present. */
  locales: string[] | null;
  /** Absolute. */
  contentDir: string;
  /** Absolute. */
  localesDir: string;
  /** Absolute: the internal articles' folder. */
  internalDir: string;
  helpCenterId: string | null;
  authorId: number | null;
  defaultState: "published" | "draft";
  /** Always ends with "/" when set. */
  assetBaseUrl: string | null;
  onDelete: "unpublish" | "delete" | "keep";
  concurrency: number;
  rateLimitShare: number;
  retries: number;
  region: "us" | "eu" | "au";
  apiUrl: string | null;
  apiVersion: string;
  outdatedTranslations: "push" | "skip" | "draft";
  publishMode: "live" | "stage";
  /** Config `defaults`, with `fin` in the model's terms; empty when unset. */
  defaults: { fin?: { agent?: boolean; copilot?: boolean; salesAgent?: boolean }; audiences?: string[]; file?: string };
}
