import { describe, expect, it } from "vitest";
import { MANUAL_CLOCK_START, useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;
const running = useEmulatorPerTest();
const call = (method: string, path: string, body?: unknown) => callApi(running.emulator.url, method, path, body === undefined ? {} : { body });
const iso = (ms: number): string => new Date(ms).toISOString();
const IN_AN_HOUR = iso(MANUAL_CLOCK_START + 3_600_000);

async function article(body: Record<string, unknown> = {}): Promise<string> {
  const created = await call("POST", "/articles", { title: "Target", author_id: AUTHOR, state: "draft", ...body });
  expect(created.status).toBe(200);
  return String(created.body.id);
}

describe("emulator audiences", () => {
  it("lists audiences added through /_emulator/audiences, 50 a page at most, with top-level paging", async () => {
    for (let n = 0; n < 52; n += 1) running.emulator.addAudience(`Audience ${n}`);
    const added = await callApi(running.emulator.url, "POST", "/_emulator/audiences", { body: { name: "VIP customers" }, token: null });
    expect(added.body).toMatchObject({ type: "audience", id: "53", name: "VIP customers" });
    const first = await call("GET", "/audiences?per_page=100");
    expect(first.body).toMatchObject({ type: "list", total_count: 53, page: 1, per_page: 50, total_pages: 2 });
    expect(first.body.data).toHaveLength(50);
    expect((await call("GET", "/audiences?page=2")).body.data.map((a: { name: string }) => a.name)).toEqual(["Audience 50", "Audience 51", "VIP customers"]);
  });

  it("sets audiences and Fin availability per locale, broadcasts a top-level audience_ids, and refuses unknown ids with no partial write", async () => {
    running.emulator.addAudience("VIP customers");
    running.emulator.addAudience("Trial users");
    const id = await article({ translated_content: { fr: { title: "Cible", audience_ids: [2], ai_copilot_availability: false } } });
    const created = (await call("GET", `/articles/${id}`)).body;
    expect(created.translated_content.fr).toMatchObject({ audience_ids: [2], ai_copilot_availability: false, ai_chatbot_availability: true });
    expect(created.translated_content.en).toMatchObject({ audience_ids: [], ai_copilot_availability: true });

    const broadcast = await call("PUT", `/articles/${id}`, { audience_ids: [1], ai_chatbot_availability: false });
    expect(broadcast.body.translated_content.fr.audience_ids).toEqual([1]);
    expect(broadcast.body.translated_content.en).toMatchObject({ audience_ids: [1], ai_chatbot_availability: false });
    expect(broadcast.body.translated_content.fr.ai_chatbot_availability).toBe(true);

    const unknown = await call("PUT", `/articles/${id}`, { title: "Renamed", translated_content: { fr: { audience_ids: [999] } } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ code: "parameter_invalid", message: "audience_ids contains unknown audience IDs: 999" });
    expect((await call("GET", `/articles/${id}`)).body.title).toBe("Target");
  });
});

describe("emulator tags", () => {
  it("creates a tag once per name, applies and removes it on an article, and 404s an unknown tag", async () => {
    const id = await article();
    const tag = (await call("POST", "/tags", { name: "Billing" })).body;
    expect(tag).toMatchObject({ type: "tag", name: "Billing" });
    expect((await call("POST", "/tags", { name: "billing" })).body.id).toBe(tag.id);
    expect((await call("GET", "/tags")).body).toEqual({ type: "list", data: [{ type: "tag", id: tag.id, name: "Billing" }] });

    const before = (await call("GET", `/articles/${id}`)).body.updated_at;
    running.advance(1000);
    const applied = await call("POST", `/articles/${id}/tags`, { id: tag.id });
    expect(applied.body).toMatchObject({ type: "tag", id: tag.id, applied_by: { type: "admin" } });
    const tagged = (await call("GET", `/articles/${id}`)).body;
    expect(tagged.tags.tags.map((t: { name: string }) => t.name)).toEqual(["Billing"]);
    expect(tagged.updated_at).toBeGreaterThan(before);

    expect((await call("DELETE", `/articles/${id}/tags/${tag.id}`)).body).toMatchObject({ id: tag.id, applied_at: null, applied_by: null });
    expect((await call("GET", `/articles/${id}`)).body.tags.tags).toEqual([]);
    expect((await call("POST", `/articles/${id}/tags`, { id: "99999" })).body.errors[0].code).toBe("tag_not_found");
    expect((await call("POST", "/articles/424242/tags", { id: tag.id })).body.errors[0].code).toBe("article_not_found");
  });
});

describe("emulator schedules", () => {
  it("schedules a publication that happens on the emulator's clock", async () => {
    const id = await article();
    const scheduled = await call("PUT", `/articles/${id}`, { state: "published", scheduled_publish_at: IN_AN_HOUR });
    expect(scheduled.body).toMatchObject({ state: "draft", scheduled_publish_at: Math.floor(Date.parse(IN_AN_HOUR) / 1000), scheduled_unpublish_at: null });
    running.advance(3_600_000);
    const published = (await call("GET", `/articles/${id}`)).body;
    expect(published).toMatchObject({ state: "published", scheduled_publish_at: null });
    expect(published.updated_at).toBeGreaterThan(scheduled.body.updated_at);
  });

  it("schedules an unpublication of a published article, and cancels it with null", async () => {
    const id = await article({ state: "published" });
    expect((await call("PUT", `/articles/${id}`, { scheduled_unpublish_at: IN_AN_HOUR })).body.scheduled_unpublish_at).toBe(Math.floor(Date.parse(IN_AN_HOUR) / 1000));
    expect((await call("PUT", `/articles/${id}`, { scheduled_unpublish_at: null })).body.scheduled_unpublish_at).toBeNull();
    running.advance(7_200_000);
    expect((await call("GET", `/articles/${id}`)).body.state).toBe("published");
  });

  it("answers 400 parameter_invalid to the schedules 2.16 refuses", async () => {
    const draft = await article();
    const cases: [string, Record<string, unknown>][] = [
      [draft, { scheduled_publish_at: iso(MANUAL_CLOCK_START) }],
      [draft, { scheduled_publish_at: "" }],
      [draft, { scheduled_publish_at: IN_AN_HOUR, state: "draft" }],
      [draft, { scheduled_publish_at: IN_AN_HOUR, scheduled_unpublish_at: IN_AN_HOUR }],
      [draft, { scheduled_unpublish_at: IN_AN_HOUR }],
    ];
    for (const [id, body] of cases) {
      const answer = await call("PUT", `/articles/${id}`, body);
      expect([answer.status, answer.body.errors[0].code]).toEqual([400, "parameter_invalid"]);
    }
    expect((await call("GET", `/articles/${draft}`)).body).toMatchObject({ scheduled_publish_at: null, scheduled_unpublish_at: null });
  });
});

describe("emulator internal articles", () => {
  it("creates, lists, updates (omitted fields stay) and deletes internal articles in the 2.16 shapes", async () => {
    running.emulator.addAudience("Support team");
    const created = await call("POST", "/internal_articles", { title: "Refund playbook", body: "<p>Step one</p>", owner_id: AUTHOR, author_id: AUTHOR, audience_ids: [1] });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: "internal_article", title: "Refund playbook", owner_id: AUTHOR, locale: "en", audience_ids: [1], ai_chatbot_availability: false });
    const id = String(created.body.id);
    expect((await call("GET", "/internal_articles")).body).toMatchObject({ type: "list", total_count: 1, data: [{ id }] });

    running.advance(1000);
    const updated = await call("PUT", `/internal_articles/${id}`, { ai_copilot_availability: true, audience_ids: [] });
    expect(updated.body).toMatchObject({ title: "Refund playbook", ai_copilot_availability: true, audience_ids: [] });
    expect(updated.body.updated_at).toBeGreaterThan(created.body.updated_at);
    expect((await call("PUT", `/internal_articles/${id}`, { audience_ids: [7] })).status).toBe(404);

    expect((await call("DELETE", `/internal_articles/${id}`)).body).toEqual({ id, object: "internal_article", deleted: true });
    expect((await call("GET", `/internal_articles/${id}`)).status).toBe(404);
  });

  it("requires a title, an owner and an author", async () => {
    for (const body of [{ owner_id: AUTHOR, author_id: AUTHOR }, { title: "T", author_id: AUTHOR }, { title: "T", owner_id: AUTHOR }]) {
      const answer = await call("POST", "/internal_articles", body);
      expect([answer.status, answer.body.errors[0].code]).toEqual([400, "parameter_not_found"]);
    }
    expect((await call("POST", "/internal_articles", { title: "T", owner_id: 1, author_id: AUTHOR })).status).toBe(400);
  });
});
