import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/locales.js";
import { useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;
const OTHER_AUTHOR = 991000002;

const running = useEmulatorPerTest();

const create = (body: unknown) => callApi(running.emulator.url, "POST", "/articles", { body });
const update = (id: string, body: unknown) => callApi(running.emulator.url, "PUT", `/articles/${id}`, { body });

describe("emulator articles", () => {
  it("creates an article with 200, string id, 37 locale keys and a per-locale url", async () => {
    const response = await create({ title: "Hello World", body: "<p>Hi</p>", author_id: AUTHOR, state: "published" });
    expect(response.status).toBe(200);
    const article = response.body;
    expect(article).toMatchObject({
      type: "article",
      id: expect.stringMatching(/^\d+$/),
      title: "Hello World",
      description: "",
      body: '<p class="no-margin">Hi</p>',
      author_id: AUTHOR,
      state: "published",
      parent_ids: [],
      default_locale: "en",
      created_at: 1_700_000_000,
      updated_at: 1_700_000_000,
    });
    expect(article).not.toHaveProperty("parent_id");
    expect(article.url).toBe(`https://intercom.help/emulator/en/articles/${article.id}-hello-world`);
    const translated = article.translated_content;
    expect(translated.type).toBe("article_translated_content");
    expect(Object.keys(translated).sort()).toEqual(["type", ...LOCALES].sort());
    expect(translated.en).toMatchObject({ type: "article_content", title: "Hello World", state: "published", author_id: AUTHOR });
    expect(translated.en.url).toBe(article.url);
    expect(translated.de).toBeNull();
  });

  it("defaults the state to draft", async () => {
    const response = await create({ title: "Drafty", author_id: AUTHOR });
    expect(response.body.state).toBe("draft");
  });

  it("creates in a collection given an integer parent_id and reports integer parent_ids", async () => {
    const collection = (await callApi(running.emulator.url, "POST", "/help_center/collections", { body: { name: "Docs" } })).body;
    const response = await create({ title: "Inside", author_id: AUTHOR, parent_id: Number(collection.id), parent_type: "collection" });
    expect(response.body.parent_ids).toEqual([Number(collection.id)]);
  });

  it("creates translations with their own url and state", async () => {
    const response = await create({
      title: "Install",
      author_id: AUTHOR,
      state: "published",
      translated_content: { fr: { title: "Installer", body: "<p>Bonjour</p>", state: "draft" }, "pt-BR": { title: "Instalar" } },
    });
    const translated = response.body.translated_content;
    expect(translated.fr).toMatchObject({ title: "Installer", body: '<p class="no-margin">Bonjour</p>', state: "draft", author_id: AUTHOR });
    expect(translated.fr.url).toBe(`https://intercom.help/emulator/fr/articles/${response.body.id}-installer`);
    expect(translated["pt-BR"]).toMatchObject({ title: "Instalar", state: "draft" });
  });

  it("takes title and author_id from the default locale's translated_content", async () => {
    const response = await create({ translated_content: { en: { title: "From content", author_id: OTHER_AUTHOR } } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: "From content", author_id: OTHER_AUTHOR });
  });

  it("answers parameter_not_found without a title or an author", async () => {
    const noAuthor = await create({ title: "No author" });
    expect(noAuthor.status).toBe(400);
    expect(noAuthor.body.errors[0]).toMatchObject({ code: "parameter_not_found", field: "author_id" });
    const noTitle = await create({ author_id: AUTHOR });
    expect(noTitle.body.errors[0]).toMatchObject({ code: "parameter_not_found", field: "title" });
  });

  it("refuses an author who is not an admin of the workspace", async () => {
    const response = await create({ title: "Ghost", author_id: 12345 });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "author_id" });
  });

  it("refuses an unknown parent collection with 400 parameter_invalid", async () => {
    const response = await create({ title: "Lost", author_id: AUTHOR, parent_id: 999999, parent_type: "collection" });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "parent_id" });
  });

  it("refuses unknown fields and wrong types with parameter_invalid naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ title: "x", author_id: AUTHOR, parent_key: "a" }, "parent_key"],
      [{ title: "x", author_id: "991000001" }, "author_id"],
      [{ title: "x", author_id: AUTHOR, state: "archived" }, "state"],
      [{ title: "x", author_id: AUTHOR, translated_content: { fr: { title: "y", colour: 1 } } }, "translated_content.fr.colour"],
      [{ title: "x", author_id: AUTHOR, translated_content: { xx: { title: "y" } } }, "translated_content.xx"],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field });
    }
  });

  it("refuses a locale the help center has not enabled", async () => {
    const response = await create({ title: "x", author_id: AUTHOR, translated_content: { it: { title: "Ciao" } } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "translated_content.it" });
  });

  it("answers 400 to malformed JSON and to a non-object body", async () => {
    const malformed = await create('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe("error.list");
    const array = await create([1, 2]);
    expect(array.status).toBe(400);
    expect(running.emulator.state.dump().articles).toHaveLength(0);
  });

  it("gets, lists and deletes an article", async () => {
    const created = (await create({ title: "Short lived", author_id: AUTHOR })).body;
    const fetched = await callApi(running.emulator.url, "GET", `/articles/${created.id}`);
    expect(fetched.body).toMatchObject({ id: created.id, title: "Short lived" });
    expect(fetched.body.statistics.type).toBe("article_statistics");
    const deleted = await callApi(running.emulator.url, "DELETE", `/articles/${created.id}`);
    expect(deleted.body).toEqual({ id: created.id, object: "article", deleted: true });
    expect((await callApi(running.emulator.url, "GET", `/articles/${created.id}`)).status).toBe(404);
    expect((await callApi(running.emulator.url, "DELETE", `/articles/${created.id}`)).status).toBe(404);
  });
});

describe("emulator article updates", () => {
  async function createMultilingual(): Promise<{ id: string; updated_at: number }> {
    const response = await create({
      title: "Guide",
      body: "<p>English</p>",
      author_id: AUTHOR,
      state: "published",
      translated_content: { fr: { title: "Guide FR", body: "<p>Français</p>", state: "published" }, de: { title: "Anleitung" } },
    });
    return response.body;
  }

  it("leaves locales it does not mention untouched and keeps the state without one", async () => {
    const created = await createMultilingual();
    running.advance(60_000);
    const response = await update(created.id, { translated_content: { de: { body: "<p>Deutsch</p>" } } });
    expect(response.status).toBe(200);
    const translated = response.body.translated_content;
    expect(translated.de).toMatchObject({ title: "Anleitung", body: '<p class="no-margin">Deutsch</p>', state: "draft" });
    expect(translated.fr).toMatchObject({ title: "Guide FR", body: '<p class="no-margin">Français</p>', state: "published" });
    expect(response.body).toMatchObject({ title: "Guide", state: "published" });
  });

  it("bumps updated_at only of the locales whose content changed, and of the article", async () => {
    const created = await createMultilingual();
    running.advance(60_000);
    const response = await update(created.id, { translated_content: { fr: { title: "Guide FR v2" } } });
    const translated = response.body.translated_content;
    expect(translated.fr.updated_at).toBe(1_700_000_060);
    expect(translated.en.updated_at).toBe(1_700_000_000);
    expect(translated.de.updated_at).toBe(1_700_000_000);
    expect(response.body.updated_at).toBe(1_700_000_060);
  });

  it("does not bump anything when a PUT resends identical content", async () => {
    const created = await createMultilingual();
    running.advance(60_000);
    const response = await update(created.id, { title: "Guide", body: "<p>English</p>", translated_content: { fr: { title: "Guide FR" } } });
    expect(response.body.updated_at).toBe(created.updated_at);
    expect(response.body.translated_content.fr.updated_at).toBe(1_700_000_000);
  });

  it("sets the state per locale", async () => {
    const created = await createMultilingual();
    const response = await update(created.id, { translated_content: { de: { state: "published" }, fr: { state: "draft" } } });
    expect(response.body.translated_content.de.state).toBe("published");
    expect(response.body.translated_content.fr.state).toBe("draft");
    expect(response.body.state).toBe("published");
  });

  it("updates the default locale from top-level fields", async () => {
    const created = await createMultilingual();
    const response = await update(created.id, { title: "Guide v2", state: "draft", author_id: OTHER_AUTHOR });
    expect(response.body.translated_content.en).toMatchObject({ title: "Guide v2", state: "draft", author_id: OTHER_AUTHOR });
    expect(response.body.url).toBe(`https://intercom.help/emulator/en/articles/${created.id}-guide-v2`);
  });

  it("adds a new locale and requires its title", async () => {
    const created = await createMultilingual();
    const missing = await update(created.id, { translated_content: { es: { body: "<p>Hola</p>" } } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: "parameter_not_found", field: "translated_content.es.title" });
    const added = await update(created.id, { translated_content: { es: { title: "Guía" } } });
    expect(added.body.translated_content.es).toMatchObject({ title: "Guía", state: "draft" });
  });

  it("moves an article with a string parent_id (and out of its collection with null)", async () => {
    const created = await createMultilingual();
    const collection = (await callApi(running.emulator.url, "POST", "/help_center/collections", { body: { name: "Docs" } })).body;
    const moved = await update(created.id, { parent_id: collection.id, parent_type: "collection" });
    expect(moved.body.parent_ids).toEqual([Number(collection.id)]);
    const out = await update(created.id, { parent_id: null });
    expect(out.body.parent_ids).toEqual([]);
  });

  it("applies nothing when any part of a PUT is invalid", async () => {
    const created = await createMultilingual();
    const response = await update(created.id, { title: "Changed", translated_content: { ko: { title: "x" } } });
    expect(response.status).toBe(400);
    const fetched = await callApi(running.emulator.url, "GET", `/articles/${created.id}`);
    expect(fetched.body.title).toBe("Guide");
  });

  it("answers 404 to a PUT on an unknown article", async () => {
    const response = await update("987654", { title: "x" });
    expect(response.status).toBe(404);
    expect(response.body.errors[0].code).toBe("not_found");
  });
});
