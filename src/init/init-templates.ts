/**
 * The texts `intercom-sync init` writes: a commented config, a sample collection and article with
 * their translations, the .gitignore lines and the CI workflow. Pure: strings in, strings out.
 */
import { hashSourceText } from "../digest/source-text.js";

/** The sample collection and article, as a writer would write them. */
export const SAMPLE_COLLECTION = { folder: "getting-started", name: "Getting started", description: "First steps." };

export const SAMPLE_ARTICLE = {
  file: "getting-started/welcome.md",
  title: "Welcome",
  description: "What this help center covers.",
  body: `This article was written by \`intercom-sync init\` as a sample: edit it, or delete it and
write your own. Each markdown file under \`content/\` is an article; each folder is a collection.

## Next steps

- Run \`npx intercom-sync check\` to validate the files.
- Run \`npx intercom-sync plan\` to see what a push would change in Intercom.

> [!NOTE]
> New articles are drafts until their front matter says \`state: published\`.
`,
};

interface SampleTranslation {
  name: string;
  description: string;
  title: string;
  articleDescription: string;
  body: string;
}

/** The sample in a few languages; other locales get the English text to translate. */
const TRANSLATIONS: Record<string, SampleTranslation> = {
  fr: {
    name: "Premiers pas",
    description: "Les premières étapes.",
    title: "Bienvenue",
    articleDescription: "Ce que couvre ce centre d'aide.",
    body: `Cet article a été écrit par \`intercom-sync init\` comme exemple : modifiez-le, ou
supprimez-le et écrivez les vôtres. Chaque fichier markdown sous \`locales/fr/\` traduit le
fichier de même chemin sous \`content/\`.

## Étapes suivantes

- \`npx intercom-sync status\` montre les traductions manquantes ou à mettre à jour.
- \`npx intercom-sync stamp locales/fr\` les marque à jour.
`,
  },
  de: {
    name: "Erste Schritte",
    description: "Die ersten Schritte.",
    title: "Willkommen",
    articleDescription: "Was dieses Hilfe-Center abdeckt.",
    body: `Dieser Artikel wurde von \`intercom-sync init\` als Beispiel geschrieben: Bearbeiten Sie
ihn, oder löschen Sie ihn und schreiben Sie Ihre eigenen. Jede Markdown-Datei unter
\`locales/de/\` übersetzt die Datei mit demselben Pfad unter \`content/\`.

## Nächste Schritte

- \`npx intercom-sync status\` zeigt fehlende und veraltete Übersetzungen.
- \`npx intercom-sync stamp locales/de\` markiert sie als aktuell.
`,
  },
  es: {
    name: "Primeros pasos",
    description: "Los primeros pasos.",
    title: "Bienvenida",
    articleDescription: "Qué cubre este centro de ayuda.",
    body: `Este artículo lo escribió \`intercom-sync init\` como ejemplo: edítelo, o bórrelo y
escriba los suyos. Cada archivo markdown bajo \`locales/es/\` traduce el archivo de la misma
ruta bajo \`content/\`.

## Próximos pasos

- \`npx intercom-sync status\` muestra las traducciones que faltan o están desactualizadas.
- \`npx intercom-sync stamp locales/es\` las marca como actualizadas.
`,
  },
};

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function sampleCollectionText(): string {
  return `---\nname: ${yamlString(SAMPLE_COLLECTION.name)}\ndescription: ${yamlString(SAMPLE_COLLECTION.description)}\n---\n`;
}

export function sampleArticleText(): string {
  return `---\ntitle: ${yamlString(SAMPLE_ARTICLE.title)}\ndescription: ${yamlString(SAMPLE_ARTICLE.description)}\nstate: draft\n---\n\n${SAMPLE_ARTICLE.body}`;
}

export function translatedCollectionText(locale: string): string {
  const translation = TRANSLATIONS[locale];
  const name = translation?.name ?? SAMPLE_COLLECTION.name;
  const description = translation?.description ?? SAMPLE_COLLECTION.description;
  return `---\nname: ${yamlString(name)}\ndescription: ${yamlString(description)}\n---\n`;
}

/**
 * A translation of the sample article. A real translation is stamped (`source_hash`: it follows
 * the current source); the English placeholder of a locale without one is left unstamped, so
 * `status` shows it still needs a translator.
 */
export function translatedArticleText(locale: string): string {
  const translation = TRANSLATIONS[locale];
  if (translation === undefined) {
    return `---\ntitle: ${yamlString(SAMPLE_ARTICLE.title)}\ndescription: ${yamlString(SAMPLE_ARTICLE.description)}\n---\n\n${SAMPLE_ARTICLE.body}`;
  }
  const sourceHash = hashSourceText({ title: SAMPLE_ARTICLE.title, description: SAMPLE_ARTICLE.description, body: `\n${SAMPLE_ARTICLE.body}` });
  return `---\ntitle: ${yamlString(translation.title)}\ndescription: ${yamlString(translation.articleDescription)}\nsource_hash: ${sourceHash}\n---\n\n${translation.body}`;
}

/** The commented config; `locales` lists the translation folders init made. */
export function configText(locales: readonly string[]): string {
  const localesLine =
    locales.length > 0
      ? `  locales: [${locales.map((locale) => JSON.stringify(locale)).join(", ")}],`
      : `  // locales: ["fr", "de"],`;
  return `// intercom-sync: keeps an Intercom Help Center in git. Every field is optional; the values
// shown are the defaults unless a comment says otherwise. The access token is never written
// here: it is read from the INTERCOM_ACCESS_TOKEN environment variable only.
import { defineConfig } from "intercom-sync";

export default defineConfig({
  // Locale of the articles under contentDir.
  sourceLocale: "en",
  // Translation folders under localesDir to sync (default: every folder present).
${localesLine}
  contentDir: "content",
  localesDir: "locales",

  // State of a new article whose front matter has no \`state\`: "draft" or "published".
  defaultState: "draft",
  // What push does in Intercom when a file is removed: "unpublish", "delete" or "keep".
  onDelete: "unpublish",
  // Where the workspace is hosted: "us", "eu" or "au" (INTERCOM_API_URL overrides it).
  region: "us",

  // The help center to sync (default: the workspace's default help center).
  // helpCenterId: "123",
  // Default author of new articles, an admin id (default: the admin the token belongs to).
  // authorId: 123,
  // Relative image paths become assetBaseUrl + path: Intercom shows only public absolute URLs.
  // assetBaseUrl: "https://cdn.example.com/help/",
  // "stage": changes to published articles become drafts to review in Intercom, then \`publish\`.
  // publishMode: "live",
});
`;
}

/** Lines init makes sure .gitignore has. */
export const GITIGNORE_LINES = [".intercom-sync-cache/", "intercom-sync.lock.json.pid"] as const;

/** .gitignore with the missing lines appended (under a comment), or null when none is missing. */
export function gitignoreText(existing: string | null): string | null {
  const present = new Set((existing ?? "").split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line) && !present.has(`/${line}`));
  if (missing.length === 0) return null;
  const before = existing === null || existing === "" ? "" : existing.endsWith("\n") ? `${existing}\n` : `${existing}\n\n`;
  return `${before}# intercom-sync: the render cache CI keeps between runs, and the lock of a run in progress\n${missing.join("\n")}\n`;
}

/**
 * The first steps of both jobs of the workflow: the repository, Node with npm's cache, the
 * project's dependencies (the package's action among them), and the render cache.
 */
const SETUP_STEPS = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - uses: actions/cache@v4
        with:
          path: .intercom-sync-cache
          key: intercom-sync-\${{ hashFiles('content/**', 'locales/**') }}
          restore-keys: intercom-sync-
`;

/**
 * The CI workflow: check and plan on pull requests (the plan goes to the job's step summary),
 * push on the default branch and commit the lock back. It uses the action shipped in the
 * package, so CI runs the version package.json pins.
 */
export function workflowText(): string {
  return `# Written by \`intercom-sync init\`. Needs the repository secret INTERCOM_ACCESS_TOKEN.
name: intercom-sync

on:
  pull_request:
  push:
  workflow_dispatch:

env:
  # The render cache, kept between runs by actions/cache (it only saves work).
  INTERCOM_SYNC_CACHE_DIR: .intercom-sync-cache

jobs:
  plan:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    env:
      # Pull requests from forks get no secrets: they are checked, not planned.
      HAS_TOKEN: \${{ secrets.INTERCOM_ACCESS_TOKEN != '' }}
    steps:
${SETUP_STEPS}      - uses: ./node_modules/intercom-sync
        with:
          command: check
      - id: plan
        if: env.HAS_TOKEN == 'true'
        uses: ./node_modules/intercom-sync
        with:
          command: plan
        env:
          INTERCOM_ACCESS_TOKEN: \${{ secrets.INTERCOM_ACCESS_TOKEN }}

  push:
    if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    permissions:
      contents: write
    # One push at a time; a queued one waits and is never cancelled halfway.
    concurrency:
      group: intercom-sync-push
      cancel-in-progress: false
    steps:
${SETUP_STEPS}      - id: push
        uses: ./node_modules/intercom-sync
        with:
          command: push
        env:
          INTERCOM_ACCESS_TOKEN: \${{ secrets.INTERCOM_ACCESS_TOKEN }}
      # Also after a failed push: the lock records every write that was made.
      - name: Commit the lock
        if: \${{ !cancelled() }}
        run: |
          [ -f intercom-sync.lock.json ] || exit 0
          git add intercom-sync.lock.json
          if git diff --cached --quiet; then exit 0; fi
          git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" commit -m "Update intercom-sync.lock.json"
          # A merge may have landed meanwhile; the lock commit goes on top of it.
          git pull --rebase
          git push
`;
}
