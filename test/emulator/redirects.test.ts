import { describe, expect, it } from "vitest";
import { useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;
const BASE = "https://intercom.help/emulator";
const running = useEmulatorPerTest();
const call = (method: string, path: string, body?: unknown) => callApi(running.emulator.url, method, path, body === undefined ? {} : { body });
const redirects = "/help_center/help_centers/1/redirects";

async function article(): Promise<string> {
  return String((await call("POST", "/articles", { title: "Target", author_id: AUTHOR, state: "published" })).body.id);
}

describe("emulator redirects", () => {
  it("creates, retrieves, lists and deletes a redirect in the 2.16 shapes", async () => {
    const id = await article();
    const created = await call("POST", redirects, { from_url: `${BASE}/old-page`, locale: "en", target_type: "article", target_id: id });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: "help_center_redirect", from_url: `${BASE}/old-page`, locale: "en", help_center_id: "1", target_type: "article", target_id: id });
    const redirectId = String(created.body.id);
    expect((await call("GET", `${redirects}/${redirectId}`)).body.from_url).toBe(`${BASE}/old-page`);
    const list = await call("GET", redirects);
    expect(list.body).toMatchObject({ type: "list", total_count: 1, pages: { page: 1, total_pages: 1 } });
    expect((await call("DELETE", `${redirects}/${redirectId}`)).body).toEqual({ id: redirectId, object: "help_center_redirect", deleted: true });
    expect((await call("GET", `${redirects}/${redirectId}`)).status).toBe(404);
    expect((await call("DELETE", `${redirects}/${redirectId}`)).status).toBe(404);
  });

  it("pages the list, up to 250 a page", async () => {
    const id = await article();
    for (let n = 0; n < 7; n += 1) await call("POST", redirects, { from_url: `${BASE}/page-${n}`, locale: "en", target_type: "article", target_id: id });
    const first = await call("GET", `${redirects}?per_page=3`);
    expect(first.body.data).toHaveLength(3);
    expect(first.body.pages).toMatchObject({ page: 1, per_page: 3, total_pages: 3 });
    const last = await call("GET", `${redirects}?per_page=3&page=3`);
    expect(last.body.data).toHaveLength(1);
    expect((await call("GET", `${redirects}?per_page=300`)).body.pages.per_page).toBe(250);
  });

  it("answers 400 for a missing field or target type, 409 for a URL that already redirects, 422 outside the help center", async () => {
    const id = await article();
    const missing = await call("POST", redirects, { locale: "en", target_type: "article", target_id: id });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: "parameter_not_found", message: "from_url is required" });
    const badType = await call("POST", redirects, { from_url: `${BASE}/x`, locale: "en", target_type: "page", target_id: id });
    expect(badType.body.errors[0]).toMatchObject({ code: "parameter_invalid", message: "target_type must be 'article' or 'collection'" });
    await call("POST", redirects, { from_url: `${BASE}/taken`, locale: "en", target_type: "article", target_id: id });
    const conflict = await call("POST", redirects, { from_url: `${BASE}/taken`, locale: "en", target_type: "article", target_id: id });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].code).toBe("resource_conflict");
    const outside = await call("POST", redirects, { from_url: "https://elsewhere.example/old", locale: "en", target_type: "article", target_id: id });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]).toMatchObject({ code: "data_invalid" });
    const relative = await call("POST", redirects, { from_url: "/old", locale: "en", target_type: "article", target_id: id });
    expect(relative.status).toBe(422);
    expect((await call("GET", "/help_center/help_centers/99/redirects")).status).toBe(404);
  });
});
