import { describe, expect, it } from "vitest";
import { useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;
const running = useEmulatorPerTest();

const call = (method: string, path: string, body?: unknown) => callApi(running.emulator.url, method, path, body === undefined ? {} : { body });

async function publishedArticle(): Promise<string> {
  const response = await call("POST", "/articles", {
    title: "Live",
    body: "<p>Live text</p>",
    author_id: AUTHOR,
    state: "published",
    translated_content: { fr: { title: "En ligne", body: "<p>Texte</p>", author_id: AUTHOR, state: "published" } },
  });
  return String(response.body.id);
}

describe("emulator staged drafts", () => {
  it("stages a draft that readers do not see: the live article is unchanged, the draft is flagged per locale", async () => {
    const id = await publishedArticle();
    running.advance(5_000);
    const staged = await call("PUT", `/articles/${id}/draft`, { title: "Staged", body: "<p>New text</p>" });
    expect(staged.status).toBe(200);
    expect(staged.body).toMatchObject({ title: "Staged", has_unpublished_changes: true, draft_updated_at: 1_700_000_005, updated_at: 1_700_000_005 });
    const live = (await call("GET", `/articles/${id}`)).body;
    expect(live.title).toBe("Live");
    expect(live.body).toContain("Live text");
    expect(live.translated_content.en).toMatchObject({ has_unpublished_changes: true, draft_updated_at: 1_700_000_005 });
    expect(live.translated_content.fr).toMatchObject({ has_unpublished_changes: false, draft_updated_at: null });
    const draft = (await call("GET", `/articles/${id}/draft`)).body;
    expect(draft.title).toBe("Staged");
    expect(draft.body).toContain("New text");
  });

  it("answers 404 for the draft of an article without one, and 422 when staging on an unpublished article", async () => {
    const id = await publishedArticle();
    expect((await call("GET", `/articles/${id}/draft`)).status).toBe(404);
    const draftOnly = (await call("POST", "/articles", { title: "Never live", author_id: AUTHOR })).body;
    const refused = await call("PUT", `/articles/${String(draftOnly.id)}/draft`, { title: "x" });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: "parameter_invalid", message: "Article must be published before a draft can be staged" });
  });

  it("publishes the named locales' drafts, and refuses without locales, without a draft, or for a locale with none", async () => {
    const id = await publishedArticle();
    await call("PUT", `/articles/${id}/draft`, { title: "Staged", translated_content: { fr: { title: "Préparé" } } });
    const noLocales = await call("POST", `/articles/${id}/draft/publish`);
    expect(noLocales.status).toBe(422);
    expect(noLocales.body.errors[0].code).toBe("parameter_not_found");
    const published = await call("POST", `/articles/${id}/draft/publish`, { locales: ["fr"] });
    expect(published.status).toBe(200);
    expect(published.body.translated_content.fr).toMatchObject({ title: "Préparé", has_unpublished_changes: false, draft_updated_at: null });
    expect(published.body.translated_content.en).toMatchObject({ title: "Live", has_unpublished_changes: true });
    const again = await call("POST", `/articles/${id}/draft/publish`, { locales: ["fr"] });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].message).toBe("Cannot publish a draft for locale(s) without pending changes: fr");
    await call("POST", `/articles/${id}/draft/publish`, { locales: ["en"] });
    const none = await call("POST", `/articles/${id}/draft/publish`, { locales: ["en"] });
    expect(none.body.errors[0].message).toBe("Article has no draft to publish");
  });

  it("publishes every draft without a body on a single-language help center", async () => {
    await running.restart({ seed: { locales: ["en"] } });
    const created = await call("POST", "/articles", { title: "Live", author_id: AUTHOR, state: "published" });
    const id = String(created.body.id);
    await call("PUT", `/articles/${id}/draft`, { title: "Staged" });
    const published = await call("POST", `/articles/${id}/draft/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ title: "Staged", has_unpublished_changes: false, draft_updated_at: null });
  });

  it("edits a staged draft in the editor, bumping draft_updated_at and leaving the live text", async () => {
    const id = await publishedArticle();
    await call("PUT", `/articles/${id}/draft`, { title: "Staged" });
    running.advance(3_000);
    const edited = running.emulator.editInEditor(id, "en", { draft: true, title: "Reviewed" });
    expect(edited.title).toBe("Live");
    expect(edited.draft_updated_at).toBe(1_700_000_003);
    expect((await call("GET", `/articles/${id}/draft`)).body.title).toBe("Reviewed");
  });
});
