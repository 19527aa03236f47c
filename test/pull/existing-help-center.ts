/**
 * An existing help center, stored the way Intercom stores it (paragraph classes, heading ids,
 * image containers, callout boxes, video iframes): three levels of collections, three locales with
 * text (en, fr, de), one locale enabled but never started (es), tables, lists, links between
 * articles, Intercom-hosted images, two articles with the same title.
 */
import { storeArticleHtml } from "../../src/emulator/rewrite-html.js";
import type { EmulatorSeed, StoredArticle, StoredArticleLocale, StoredCollection } from "../../src/emulator/index.js";
import type { TestProjectOptions } from "../support/project.js";

export const SEEDED_AT = 1_700_000_000;
export const HELP_CENTER_URL = "https://intercom.help/lumen";
/** Admin behind the test token (the emulator's first admin). */
export const ME = 991000001;
export const OTHER_AUTHOR = 991000002;

const IMAGE = "https://downloads.intercomcdn.com/i/o/1234/abcd/screen.png";

function collection(id: number, parentId: number | null, locales: Record<string, [string, string]>): StoredCollection {
  return {
    id,
    helpCenterId: 1,
    parentId,
    order: id,
    icon: "book-bookmark",
    defaultLocale: "en",
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    locales: Object.fromEntries(Object.entries(locales).map(([locale, [name, description]]) => [locale, { name, description }])),
  };
}

interface LocaleSeed {
  title: string;
  description?: string;
  html: string;
  state?: "published" | "draft";
  authorId?: number;
}

function article(id: number, parentId: number | null, locales: Record<string, LocaleSeed>): StoredArticle {
  const stored: Record<string, StoredArticleLocale> = {};
  for (const [locale, seed] of Object.entries(locales)) {
    stored[locale] = {
      title: seed.title,
      description: seed.description ?? "",
      body: seed.html === "" ? "" : storeArticleHtml(seed.html, "body"),
      authorId: seed.authorId ?? ME,
      state: seed.state ?? "published",
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
  }
  return { id, parentId, defaultLocale: "en", createdAt: SEEDED_AT, updatedAt: SEEDED_AT, locales: stored };
}

// Two of the five colours of Intercom's callout editor (blue, yellow).
const NOTE = 'style="background-color: #e3e7fa80; border-color: #334bfa33;"';
const WARNING = 'style="background-color: #feedaf80; border-color: #fbc91633;"';

/** Article ids, for edits in tests. */
export const IDS = { welcome: "1000", install: "1001", tuning: "1002", shortcuts: "1003", invoices: "1004", invoicesAgain: "1005" } as const;

export function existingHelpCenter(): EmulatorSeed {
  return {
    locales: ["en", "fr", "de", "es"],
    helpCenters: [{ id: 1, identifier: "lumen", displayName: "Lumen Help", isDefault: true }],
    collections: [
      collection(100, null, { en: ["Getting Started", "Install Lumen and take your first steps."], fr: ["Premiers pas", "Installer Lumen."], de: ["Erste Schritte", ""] }),
      collection(101, 100, { en: ["Advanced Setup", ""], fr: ["Configuration avancée", ""] }),
      collection(102, 101, { en: ["Power Users", "For people who live in Lumen."] }),
      collection(103, null, { en: ["Billing & Plans", "Money: invoices, plans."], fr: ["Facturation", ""], de: ["Abrechnung", ""] }),
    ],
    articles: [
      article(1000, null, {
        en: {
          title: "Welcome to Lumen",
          description: "What Lumen is, in one page.",
          html:
            `<p>Lumen keeps your notes <b>in sync</b>. Start with <a href="${HELP_CENTER_URL}/en/articles/1001-install-the-app">installing the app</a>.</p>` +
            `<img src="${IMAGE}" alt="The main window">` +
            `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allowfullscreen></iframe>`,
        },
        fr: {
          title: "Bienvenue sur Lumen",
          description: "Lumen en une page.",
          html: `<p>Lumen synchronise vos notes. Commencez par <a href="${HELP_CENTER_URL}/fr/articles/1001-installer-l-application">installer l'application</a>.</p>`,
        },
        de: { title: "Willkommen bei Lumen", html: "<p>Lumen hält Ihre Notizen synchron.</p>" },
        es: { title: "", html: "" },
      }),
      article(1001, 100, {
        en: {
          title: "Install the app",
          html:
            "<h1>Download</h1><p>Get the installer for your system:</p>" +
            "<ul><li>macOS</li><li>Windows<ul><li>64-bit</li><li>ARM</li></ul></li><li>Linux</li></ul>" +
            "<h2>Steps</h2><ol><li>Open the installer.</li><li>Follow the prompts.</li></ol>" +
            "<pre><code>lumen --version\n</code></pre>" +
            `<div class="intercom-interblocks-callout" ${NOTE}><p>Admin rights are needed on Windows.</p></div>`,
        },
        fr: { title: "Installer l'application", html: "<h1>Télécharger</h1><p>Téléchargez l'installateur.</p>" },
        de: { title: "", html: "" },
      }),
      article(1002, 101, {
        en: {
          title: "Tuning: cache & sync",
          description: "Make sync faster.",
          html:
            "<p>Defaults for each setting:</p>" +
            "<table><thead><tr><th>Setting</th><th>Default</th></tr></thead><tbody>" +
            "<tr><td>cache</td><td><code>256 MB</code></td></tr><tr><td>sync</td><td>every 5 min</td></tr></tbody></table>",
        },
        fr: { title: "Réglages : cache et synchro", html: "<p>Valeurs par défaut.</p>" },
      }),
      article(1003, 102, {
        en: {
          title: "Keyboard shortcuts",
          authorId: OTHER_AUTHOR,
          html: "<table><tbody><tr><td>Ctrl+N</td><td>New note</td></tr><tr><td>Ctrl+K</td><td>Search</td></tr></tbody></table>",
        },
      }),
      article(1004, 103, {
        en: {
          title: "Invoices",
          state: "draft",
          html: `<p>Invoices are sent monthly. See <a href="${HELP_CENTER_URL}/en/articles/1000-welcome-to-lumen#intro">the overview</a>.</p>` +
            `<div class="intercom-interblocks-callout" ${WARNING}><p>Unpaid invoices pause sync.</p></div>`,
        },
        fr: { title: "Factures", state: "published", html: "<p>Les factures sont mensuelles.</p>" },
      }),
      article(1005, 103, { en: { title: "Invoices", description: "For teams.", html: "<p>Team invoices list every seat.</p>" } }),
    ],
  };
}

/**
 * A test project before its first pull: an empty folder but for its config, next to an emulator
 * seeded with a help center (default: this one), on a clock that moves only with `tick()` (so an
 * edit gets a newer `updated_at`).
 */
export function beforeFirstPull(config: Record<string, unknown> = {}, seed: EmulatorSeed = existingHelpCenter()): TestProjectOptions {
  return {
    tree: "empty",
    config: { defaultState: "published", ...config },
    emulator: { seed, rateLimit: null },
    clockStartMs: (SEEDED_AT + 100) * 1000,
  };
}
