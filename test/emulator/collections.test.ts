import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/locales.js";
import { MAX_COLLECTION_DEPTH } from "../../src/emulator/index.js";
import { useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const running = useEmulatorPerTest();

const create = (body: unknown) => callApi(running.emulator.url, "POST", "/help_center/collections", { body });

describe("emulator collections", () => {
  it("creates a collection with 200 and Intercom's shape", async () => {
    const response = await create({ name: "Getting started", description: "First steps" });
    expect(response.status).toBe(200);
    const collection = response.body;
    expect(collection).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: "Getting started",
      description: "First steps",
      parent_id: null,
      help_center_id: 1,
      default_locale: "en",
      created_at: 1_700_000_000,
      updated_at: 1_700_000_000,
    });
    expect(collection.url).toBe(`https://intercom.help/emulator/en/collections/${collection.id}-getting-started`);
    expect(collection.translated_content.type).toBe("group_translated_content");
    expect(Object.keys(collection.translated_content)).toHaveLength(LOCALES.length + 1);
    expect(collection.translated_content.en).toEqual({ type: "group_content", name: "Getting started", description: "First steps" });
    expect(collection.translated_content.fr).toBeNull();
  });

  it("reports help_center_id null for a child collection, with its parent_id as a string", async () => {
    const parent = (await create({ name: "Parent" })).body;
    const child = (await create({ name: "Child", parent_id: parent.id })).body;
    expect(child.parent_id).toBe(parent.id);
    expect(child.help_center_id).toBeNull();
    const fetched = await callApi(running.emulator.url, "GET", `/help_center/collections/${child.id}`);
    expect(fetched.body.help_center_id).toBeNull();
  });

  it("stores translations and updates one locale without touching the others", async () => {
    const created = (
      await create({ name: "Billing", translated_content: { fr: { name: "Facturation", description: "Payer" }, de: { name: "Abrechnung" } } })
    ).body;
    expect(created.translated_content.fr).toMatchObject({ name: "Facturation", description: "Payer" });
    running.advance(5_000);
    const updated = await callApi(running.emulator.url, "PUT", `/help_center/collections/${created.id}`, {
      body: { translated_content: { de: { description: "Zahlen" } } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.translated_content.de).toMatchObject({ name: "Abrechnung", description: "Zahlen" });
    expect(updated.body.translated_content.fr).toMatchObject({ name: "Facturation", description: "Payer" });
    expect(updated.body.name).toBe("Billing");
    expect(updated.body.updated_at).toBe(1_700_000_005);
  });

  it("bumps updated_at past the previous value even within the same second", async () => {
    const created = (await create({ name: "Fast" })).body;
    const first = await callApi(running.emulator.url, "PUT", `/help_center/collections/${created.id}`, { body: { name: "Faster" } });
    const second = await callApi(running.emulator.url, "PUT", `/help_center/collections/${created.id}`, { body: { name: "Fastest" } });
    expect(first.body.updated_at).toBe(created.updated_at + 1);
    expect(second.body.updated_at).toBe(created.updated_at + 2);
  });

  it("leaves updated_at alone when a PUT changes nothing", async () => {
    const created = (await create({ name: "Same" })).body;
    const response = await callApi(running.emulator.url, "PUT", `/help_center/collections/${created.id}`, { body: { name: "Same" } });
    expect(response.body.updated_at).toBe(created.updated_at);
  });

  it("moves a collection with parent_id, and back to the top level with null", async () => {
    const a = (await create({ name: "A" })).body;
    const b = (await create({ name: "B" })).body;
    const moved = await callApi(running.emulator.url, "PUT", `/help_center/collections/${b.id}`, { body: { parent_id: a.id } });
    expect(moved.body.parent_id).toBe(a.id);
    const back = await callApi(running.emulator.url, "PUT", `/help_center/collections/${b.id}`, { body: { parent_id: null } });
    expect(back.body.parent_id).toBeNull();
    expect(back.body.help_center_id).toBe(1);
  });

  it("refuses moving a collection into its own descendant", async () => {
    const a = (await create({ name: "A" })).body;
    const b = (await create({ name: "B", parent_id: a.id })).body;
    const response = await callApi(running.emulator.url, "PUT", `/help_center/collections/${a.id}`, { body: { parent_id: b.id } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "parent_id" });
  });

  it(`refuses nesting deeper than ${MAX_COLLECTION_DEPTH} levels`, async () => {
    let parentId: string | undefined;
    for (let level = 1; level <= MAX_COLLECTION_DEPTH; level += 1) {
      const response = await create({ name: `Level ${level}`, parent_id: parentId });
      expect(response.status).toBe(200);
      parentId = response.body.id;
    }
    const tooDeep = await create({ name: "Too deep", parent_id: parentId });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "parent_id" });
  });

  it("answers parameter_not_found when the name is missing", async () => {
    const response = await create({ description: "no name" });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_not_found", message: "Name is a required parameter." });
  });

  it("answers 400 parameter_invalid for an unknown parent", async () => {
    const response = await create({ name: "Orphan", parent_id: "999999" });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "parent_id" });
  });

  it("refuses a locale the help center has not enabled, naming it", async () => {
    const response = await create({ name: "Multi", translated_content: { ko: { name: "한국어" } } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "translated_content.ko" });
    expect(response.body.errors[0].message).toContain("ko");
  });

  it("refuses unknown fields, unknown locale codes and wrong types", async () => {
    const cases: [unknown, string][] = [
      [{ name: "x", colour: "red" }, "colour"],
      [{ name: "x", translated_content: { pt_BR: { name: "y" } } }, "translated_content.pt_BR"],
      [{ name: 42 }, "name"],
      [{ name: "x", help_center_id: "1" }, "help_center_id"],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field });
    }
  });

  it("deletes an empty collection and then answers 404 for it", async () => {
    const created = (await create({ name: "Temp" })).body;
    const deleted = await callApi(running.emulator.url, "DELETE", `/help_center/collections/${created.id}`);
    expect(deleted.body).toEqual({ id: created.id, object: "collection", deleted: true });
    const gone = await callApi(running.emulator.url, "GET", `/help_center/collections/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].code).toBe("not_found");
  });

  it("refuses to delete a collection that still holds a child collection or an article", async () => {
    const parent = (await create({ name: "Full" })).body;
    const child = (await create({ name: "Child", parent_id: parent.id })).body;
    const refused = await callApi(running.emulator.url, "DELETE", `/help_center/collections/${parent.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe("parameter_invalid");
    const article = await callApi(running.emulator.url, "POST", "/articles", {
      body: { title: "Inside", author_id: 991000001, parent_id: Number(child.id), parent_type: "collection" },
    });
    const refusedChild = await callApi(running.emulator.url, "DELETE", `/help_center/collections/${child.id}`);
    expect(refusedChild.status).toBe(400);
    await callApi(running.emulator.url, "DELETE", `/articles/${article.body.id}`);
    expect((await callApi(running.emulator.url, "DELETE", `/help_center/collections/${child.id}`)).status).toBe(200);
    expect((await callApi(running.emulator.url, "DELETE", `/help_center/collections/${parent.id}`)).status).toBe(200);
  });

  it("answers 404 to PUT and DELETE on an unknown collection", async () => {
    expect((await callApi(running.emulator.url, "PUT", "/help_center/collections/424242", { body: { name: "x" } })).status).toBe(404);
    expect((await callApi(running.emulator.url, "DELETE", "/help_center/collections/424242")).status).toBe(404);
  });
});
