import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorSeed } from "../../src/emulator/index.js";
import { storeArticleHtml } from "../../src/emulator/rewrite-html.js";
import { describeStructure, findLinkedIds } from "../support/html-structure.js";
import { callApi } from "../support/http.js";
import { beforeFirstPull, ME, SEEDED_AT } from "./existing-help-center.js";
import { createTestProject, type TestProject } from "../support/project.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/intercom-html/${name}`, import.meta.url), "utf8");
const IMAGE = "https://downloads.intercomcdn.com/i/o/802074957/9aec16eb0745ce62aed26167/1.png";
const ARTICLE_ID = "2000";

function locale(title: string, html: string) {
  return { title, description: "", body: storeArticleHtml(html, "body"), authorId: ME, state: "published" as const, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
}

/** One article made in Intercom's editor, in three locales that share an image. */
function editorHelpCenter(): EmulatorSeed {
  const image = `<div class="intercom-container"><img src="${IMAGE}"></div>`;
  return {
    locales: ["en", "fr", "de"],
    helpCenters: [{ id: 1, identifier: "lumen", displayName: "Lumen Help", isDefault: true }],
    collections: [],
    articles: [
      {
        id: Number(ARTICLE_ID),
        parentId: null,
        defaultLocale: "en",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        locales: {
          en: locale("Sync Outlook", fixture("spacers-and-signed-images.html") + fixture("callouts-five-colours.html") + fixture("developer-docs-example.html")),
          fr: locale("Synchroniser Outlook", `<p class="intercom-align-center">Ouvrez Power Automate.</p>${image}<p class="no-margin"></p>`),
          de: locale("Outlook synchronisieren", `<p>Öffnen Sie Power Automate.</p>${image}`),
        },
      },
    ],
  };
}

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

async function pulled(): Promise<TestProject> {
  project = await createTestProject(beforeFirstPull({}, editorHelpCenter()));
  await project.pull();
  return project;
}

function storedBody(p: TestProject, code: string): string {
  return p.emulator.state.dump().articles.find((article) => String(article.id) === ARTICLE_ID)!.locales[code]!.body;
}

describe("an article made in Intercom's editor, pulled", () => {
  it("reads signed image URLs (a new signature on every read) and writes them unsigned", async () => {
    const p = await pulled();
    const reads = await Promise.all([1, 2].map(() => callApi(p.emulator.url, "GET", `/articles/${ARTICLE_ID}`)));
    const sources = reads.map((read) => /src="([^"]*1\.png[^"]*)"/.exec(String(read.body.body))?.[1]);
    expect(sources[0]).toMatch(/^https:\/\/downloads\.intercomcdn\.com\/.+\?expires=\d+&amp;signature=[0-9a-f]{64}&amp;req=/);
    expect(sources[1]).not.toBe(sources[0]);
    const en = await p.read("content/sync-outlook.md");
    expect(en).toContain(`![](${IMAGE})`);
    expect(en).not.toMatch(/expires=|signature=|req=/);
  });

  it("then pushed makes no write, and pulled twice changes no file, although every read re-signs the images", async () => {
    const p = await pulled();
    p.emulator.resetRequestLog();
    const pushed = await p.push();
    expect(p.emulator.writeCount()).toBe(0);
    expect(pushed.plan.summary.writes).toBe(0);
    const files = await p.snapshot();
    const again = await p.pull();
    expect(again.summary).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(await p.snapshot()).toEqual(files);
  });

  it("keeps how it looks after a one-word edit and a push: only the word changes", async () => {
    const p = await pulled();
    const before = storedBody(p, "en");
    const file = "content/sync-outlook.md";
    await p.write(file, (await p.read(file)).replace("Yellow: a warning.", "Yellow: a caution."));
    p.emulator.resetRequestLog();
    await p.push();
    expect(p.emulator.writeCount()).toBe(1);
    const after = storedBody(p, "en");
    const linked = findLinkedIds(before);
    expect(describeStructure(after, linked)).toEqual(describeStructure(before.replace("Yellow: a warning.", "Yellow: a caution."), linked));
  });

  it("rewrites only the edited locale's file after a web edit, with no image-line churn elsewhere", async () => {
    const p = await pulled();
    const files = await p.snapshot();
    p.tick();
    p.emulator.editInEditor(ARTICLE_ID, "fr", { body: `<p class="intercom-align-center">Ouvrez Power Automate, puis Flux.</p><div class="intercom-container"><img src="${IMAGE}"></div>` });
    const result = await p.pull();
    expect(result.summary).toMatchObject({ updated: 1, skipped: 0 });
    const changed = [...(await p.snapshot())].filter(([file, text]) => files.get(file) !== text).map(([file]) => file);
    expect(changed.sort()).toEqual(["intercom-sync.lock.json", "locales/fr/sync-outlook.md"]);
    const fr = await p.read("locales/fr/sync-outlook.md");
    expect(fr).toContain('<p class="intercom-align-center">Ouvrez Power Automate, puis Flux.</p>');
    expect(fr).toContain(`![](${IMAGE})`);
  });
});
