import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmulatorSnapshot } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestEmulator } from "../support/emulator.js";
import { callApi } from "../support/http.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

const AUTHOR = 991000001;

let emulator: TestEmulator | undefined;
let now = 1_700_000_000_000;
let tempDir: string;
beforeEach(async () => {
  now = 1_700_000_000_000;
  tempDir = await createTempDir("emulator-state");
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await removeTempDir(tempDir);
});

async function createArticle(target: TestEmulator, title = "Guide"): Promise<{ id: string; updated_at: number }> {
  const body = { title, author_id: AUTHOR, body: "<p>Text</p>", translated_content: { fr: { title: `${title} FR` } } };
  return (await callApi(target.url, "POST", "/articles", { body })).body;
}

describe("emulator editor edits", () => {
  it("changes one locale's text and bumps its updated_at and the article's", async () => {
    emulator = await startTestEmulator({ clock: () => now });
    const created = await createArticle(emulator);
    const edited = emulator.editInEditor(created.id, "fr", { body: "<h3>Édité</h3>" });
    expect(edited.updated_at).toBe(created.updated_at + 1);
    const fetched = await callApi(emulator.url, "GET", `/articles/${created.id}`);
    expect(fetched.body.translated_content.fr).toMatchObject({ body: '<h2 id="h_2f15828656">Édité</h2>', updated_at: created.updated_at + 1 });
    expect(fetched.body.translated_content.en.updated_at).toBe(created.updated_at);
    expect(fetched.body.updated_at).toBe(created.updated_at + 1);
  });

  it("edits a collection locale", async () => {
    emulator = await startTestEmulator({ clock: () => now });
    const collection = (await callApi(emulator.url, "POST", "/help_center/collections", { body: { name: "Docs" } })).body;
    const edited = emulator.editCollectionInEditor(collection.id, "de", { name: "Dokumente" });
    expect(edited.translated_content?.de).toMatchObject({ name: "Dokumente" });
    expect(edited.updated_at).toBe(collection.updated_at + 1);
  });

  it("refuses edits in a locale the help center has not enabled", async () => {
    emulator = await startTestEmulator();
    const created = await createArticle(emulator);
    expect(() => emulator?.editInEditor(created.id, "ko", { title: "x" })).toThrow(/not enabled/);
  });

  it("does not log editor edits as API requests", async () => {
    emulator = await startTestEmulator();
    const created = await createArticle(emulator);
    emulator.resetRequestLog();
    emulator.editInEditor(created.id, "en", { title: "Edited" });
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("emulator state", () => {
  it("dumps and loads the whole state", async () => {
    emulator = await startTestEmulator();
    const created = await createArticle(emulator);
    const snapshot = emulator.state.dump();
    await callApi(emulator.url, "DELETE", `/articles/${created.id}`);
    expect(emulator.state.dump().articles).toHaveLength(0);
    emulator.state.load(snapshot);
    expect((await callApi(emulator.url, "GET", `/articles/${created.id}`)).body.title).toBe("Guide");
    const next = await createArticle(emulator, "Next");
    expect(Number(next.id)).toBe(Number(created.id) + 1);
  });

  it("refuses to load something that is not a snapshot", async () => {
    emulator = await startTestEmulator();
    expect(() => emulator?.state.load({ version: 99 } as unknown as EmulatorSnapshot)).toThrow(/snapshot/);
  });

  it("saves to the data file after every write, atomically, and loads it on the next start", async () => {
    const dataFile = path.join(tempDir, "nested", "emulator.json");
    emulator = await startTestEmulator({ dataFile });
    const created = await createArticle(emulator);
    const saved = JSON.parse(await readFile(dataFile, "utf8")) as EmulatorSnapshot;
    expect(saved.articles.map((article) => String(article.id))).toEqual([created.id]);
    await emulator.close();
    emulator = await startTestEmulator({ dataFile });
    const fetched = await callApi(emulator.url, "GET", `/articles/${created.id}`);
    expect(fetched.body.title).toBe("Guide");
    expect(await readdir(path.dirname(dataFile))).toEqual(["emulator.json"]);
  });

  it("saves editor edits to the data file before close resolves", async () => {
    const dataFile = path.join(tempDir, "emulator.json");
    emulator = await startTestEmulator({ dataFile });
    const created = await createArticle(emulator);
    emulator.editInEditor(created.id, "en", { title: "Edited in Intercom" });
    await emulator.close();
    emulator = undefined;
    const saved = JSON.parse(await readFile(dataFile, "utf8")) as EmulatorSnapshot;
    expect(saved.articles[0]?.locales.en?.title).toBe("Edited in Intercom");
  });
});

describe("emulator control routes", () => {
  it("serves the state, editor edits, faults and reset under /_emulator/ without a token", async () => {
    emulator = await startTestEmulator({ clock: () => now });
    const created = await createArticle(emulator);

    const state = await callApi(emulator.url, "GET", "/_emulator/state", { token: null });
    expect(state.status).toBe(200);
    expect(state.body.articles).toHaveLength(1);

    const edit = await callApi(emulator.url, "POST", "/_emulator/edit", {
      token: null,
      body: { kind: "article", id: created.id, locale: "en", changes: { title: "Edited remotely" } },
    });
    expect(edit.body.title).toBe("Edited remotely");
    expect(edit.body.updated_at).toBe(created.updated_at + 1);

    const faults = await callApi(emulator.url, "POST", "/_emulator/faults", { token: null, body: { errorRate: 0.5, failNext: { count: 1, status: 502 } } });
    expect(faults.body.faults.errorRate).toBe(0.5);
    expect(emulator.faults.errorRate).toBe(0.5);
    expect((await callApi(emulator.url, "GET", "/me")).status).toBe(502);
    emulator.setFaults({ errorRate: 0 });

    const requests = await callApi(emulator.url, "GET", "/_emulator/requests", { token: null });
    expect(requests.body.map((entry: { path: string }) => entry.path)).toEqual(["/articles", "/me"]);

    const reset = await callApi(emulator.url, "POST", "/_emulator/reset", { token: null });
    expect(reset.body).toEqual({ reset: true });
    expect(emulator.state.dump().articles).toHaveLength(0);
    expect(emulator.requests).toHaveLength(0);
  });

  it("answers 400 to invalid control bodies and 404 to unknown control routes", async () => {
    emulator = await startTestEmulator();
    const badFaults = await callApi(emulator.url, "POST", "/_emulator/faults", { token: null, body: { errorRate: 2 } });
    expect(badFaults.status).toBe(400);
    const badEdit = await callApi(emulator.url, "POST", "/_emulator/edit", { token: null, body: { id: "1" } });
    expect(badEdit.status).toBe(400);
    expect((await callApi(emulator.url, "GET", "/_emulator/nothing", { token: null })).status).toBe(404);
  });

  it("resets to a snapshot given in the body", async () => {
    emulator = await startTestEmulator();
    await createArticle(emulator);
    const snapshot = emulator.state.dump();
    await callApi(emulator.url, "POST", "/_emulator/reset", { token: null });
    await callApi(emulator.url, "POST", "/_emulator/reset", { token: null, body: snapshot });
    expect(emulator.state.dump().articles).toHaveLength(1);
  });
});
