import { describe, expect, it } from "vitest";
import { MAX_PER_PAGE } from "../../src/emulator/index.js";
import { useEmulatorPerTest } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;

const running = useEmulatorPerTest();

async function createArticles(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    running.advance(1_000);
    const response = await callApi(running.emulator.url, "POST", "/articles", { body: { title: `Article ${i}`, author_id: AUTHOR } });
    ids.push(response.body.id);
  }
  return ids;
}

describe("emulator lists", () => {
  it("pages articles with page/per_page, total_pages, next and updated_at descending", async () => {
    const ids = await createArticles(7);
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await callApi(running.emulator.url, "GET", `/articles?page=${page}&per_page=3`);
      expect(response.body.type).toBe("list");
      expect(response.body.total_count).toBe(7);
      expect(response.body.pages).toMatchObject({ type: "pages", page, per_page: 3, total_pages: 3 });
      if (page < 3) expect(response.body.pages.next).toMatchObject({ per_page: 3, starting_after: expect.any(String) });
      else expect(response.body.pages).not.toHaveProperty("next");
      seen.push(...response.body.data.map((article: { id: string }) => article.id));
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("follows the next cursor to the same page as page=N", async () => {
    await createArticles(4);
    const first = await callApi(running.emulator.url, "GET", "/articles?per_page=2");
    const cursor = first.body.pages.next.starting_after;
    const viaCursor = await callApi(running.emulator.url, "GET", `/articles?per_page=2&starting_after=${cursor}`);
    const viaPage = await callApi(running.emulator.url, "GET", "/articles?per_page=2&page=2");
    expect(viaCursor.body.data.map((a: { id: string }) => a.id)).toEqual(viaPage.body.data.map((a: { id: string }) => a.id));
  });

  it("moves an edited article to the front of the list", async () => {
    const ids = await createArticles(3);
    running.advance(1_000);
    await callApi(running.emulator.url, "PUT", `/articles/${ids[0]}`, { body: { title: "Edited" } });
    const response = await callApi(running.emulator.url, "GET", "/articles");
    expect(response.body.data[0].id).toBe(ids[0]);
  });

  it(`caps per_page at ${MAX_PER_PAGE} and defaults it to 50`, async () => {
    const capped = await callApi(running.emulator.url, "GET", "/articles?per_page=1000");
    expect(capped.body.pages.per_page).toBe(MAX_PER_PAGE);
    const defaulted = await callApi(running.emulator.url, "GET", "/help_center/collections");
    expect(defaulted.body.pages.per_page).toBe(50);
  });

  it("answers 400 to a page that is not an integer", async () => {
    const response = await callApi(running.emulator.url, "GET", "/articles?page=two");
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "page" });
  });

  it("lists the articles of every help center of the workspace", async () => {
    await running.restart({
      seed: { helpCenters: [{ id: 1, identifier: "main", isDefault: true }, { id: 2, identifier: "other" }] },
    });
    const other = await callApi(running.emulator.url, "POST", "/help_center/collections", { body: { name: "Other", help_center_id: 2 } });
    await callApi(running.emulator.url, "POST", "/articles", { body: { title: "In other", author_id: AUTHOR, parent_id: Number(other.body.id) } });
    await callApi(running.emulator.url, "POST", "/articles", { body: { title: "In main", author_id: AUTHOR } });
    const list = await callApi(running.emulator.url, "GET", "/articles");
    expect(list.body.total_count).toBe(2);
    const inOther = list.body.data.find((a: { title: string }) => a.title === "In other");
    expect(inOther.url).toMatch(/^https:\/\/intercom\.help\/other\/en\/articles\//);
  });

  it("pages collections ordered by updated_at descending", async () => {
    for (const name of ["One", "Two", "Three"]) {
      running.advance(1_000);
      await callApi(running.emulator.url, "POST", "/help_center/collections", { body: { name } });
    }
    const response = await callApi(running.emulator.url, "GET", "/help_center/collections?per_page=2&page=1");
    expect(response.body.total_count).toBe(3);
    expect(response.body.pages.total_pages).toBe(2);
    expect(response.body.data.map((c: { name: string }) => c.name)).toEqual(["Three", "Two"]);
  });
});

describe("emulator article search", () => {
  it("finds articles by phrase in any locale, filtered by state and help center", async () => {
    await callApi(running.emulator.url, "POST", "/articles", {
      body: { title: "Install the agent", body: "<p>Run the installer</p>", author_id: AUTHOR, state: "published" },
    });
    await callApi(running.emulator.url, "POST", "/articles", {
      body: { title: "Billing", author_id: AUTHOR, translated_content: { fr: { title: "Installer la facture" } } },
    });
    await callApi(running.emulator.url, "POST", "/articles", { body: { title: "Unrelated", author_id: AUTHOR } });
    const all = await callApi(running.emulator.url, "GET", "/articles/search?phrase=install");
    expect(all.status).toBe(200);
    expect(all.body.type).toBe("list");
    expect(all.body.total_count).toBe(2);
    expect(all.body.data.articles.map((a: { title: string }) => a.title).sort()).toEqual(["Billing", "Install the agent"]);
    expect(all.body.data.highlights).toEqual([]);
    const published = await callApi(running.emulator.url, "GET", "/articles/search?phrase=install&state=published");
    expect(published.body.data.articles.map((a: { title: string }) => a.title)).toEqual(["Install the agent"]);
    const inBody = await callApi(running.emulator.url, "GET", "/articles/search?phrase=installer&help_center_id=1");
    expect(inBody.body.total_count).toBe(2);
    const elsewhere = await callApi(running.emulator.url, "GET", "/articles/search?phrase=install&help_center_id=42");
    expect(elsewhere.body.total_count).toBe(0);
  });
});
