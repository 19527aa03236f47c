import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMINS, SUPPORTED_API_VERSIONS } from "../../src/emulator/index.js";
import { startTestEmulator, type TestEmulator } from "../support/emulator.js";
import { callApi } from "../support/http.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function articleInCollection(api: TestEmulator): Promise<string> {
  const collection = await callApi(api.url, "POST", "/help_center/collections", { body: { name: "Guides" } });
  const article = await callApi(api.url, "POST", "/articles", {
    body: { title: "Install", author_id: DEFAULT_ADMINS[0].id, parent_id: Number(collection.body.id), parent_type: "collection", state: "published" },
  });
  expect(article.status).toBe(200);
  return article.body.id as string;
}

describe("Intercom-Version", () => {
  it("answers every version from 2.10 to 2.16, which the Node SDK's 2.14 is among", async () => {
    emulator = await startTestEmulator();
    expect(SUPPORTED_API_VERSIONS).toContain("2.14");
    for (const version of SUPPORTED_API_VERSIONS) expect((await callApi(emulator.url, "GET", "/me", { version })).status).toBe(200);
  });

  it("gives articles parent_id and parent_type up to 2.15, and only parent_ids in 2.16", async () => {
    emulator = await startTestEmulator();
    const id = await articleInCollection(emulator);
    const collectionId = emulator.state.dump().collections[0]?.id;
    const old = await callApi(emulator.url, "GET", `/articles/${id}`, { version: "2.14" });
    expect(old.body).toMatchObject({ parent_id: collectionId, parent_type: "collection", parent_ids: [collectionId] });
    expect(old.body).not.toHaveProperty("has_unpublished_changes");
    expect(old.body.translated_content.en).not.toHaveProperty("draft_updated_at");
    const listed = await callApi(emulator.url, "GET", "/articles", { version: "2.15" });
    expect(listed.body.data[0]).toMatchObject({ parent_id: collectionId, parent_type: "collection" });
    const current = await callApi(emulator.url, "GET", `/articles/${id}`, { version: "2.16" });
    expect(current.body).not.toHaveProperty("parent_id");
    expect(current.body).toHaveProperty("has_unpublished_changes", false);
  });

  it("has no tags on articles before 2.13, and no default or locales on help centers before 2.16", async () => {
    emulator = await startTestEmulator();
    const id = await articleInCollection(emulator);
    expect((await callApi(emulator.url, "GET", `/articles/${id}`, { version: "2.12" })).body).not.toHaveProperty("tags");
    expect((await callApi(emulator.url, "GET", `/articles/${id}`, { version: "2.13" })).body).toHaveProperty("tags");
    const centers = await callApi(emulator.url, "GET", "/help_center/help_centers", { version: "2.15" });
    expect(centers.body.data[0]).not.toHaveProperty("locales");
    expect(centers.body.data[0]).not.toHaveProperty("default");
  });

  it("answers 404 for the endpoints new in 2.16 (drafts, redirects) under older versions", async () => {
    emulator = await startTestEmulator();
    const id = await articleInCollection(emulator);
    const centers = await callApi(emulator.url, "GET", "/help_center/help_centers");
    expect((await callApi(emulator.url, "GET", `/help_center/help_centers/${centers.body.data[0].id}/redirects`, { version: "2.15" })).status).toBe(404);
    expect((await callApi(emulator.url, "PUT", `/articles/${id}/draft`, { version: "2.14", body: { title: "x" } })).status).toBe(404);
    expect((await callApi(emulator.url, "GET", `/help_center/help_centers/${centers.body.data[0].id}/redirects`)).status).toBe(200);
  });
});
