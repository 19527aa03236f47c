import { describe, expect, it } from "vitest";
import { CLOCK_MARGIN_S, createLostCreateFinder, type LostCreate } from "../../src/apply/find-lost-creates.js";
import { createSlots } from "../../src/apply/slots.js";
import type { WireArticle } from "../../src/intercom/wire.js";
import type { IntercomApi } from "../../src/remote/api.js";

const PER_PAGE = 3;

function wireArticle(id: number, title: string, updatedAt: number, parent: number | null = 7): WireArticle {
  return {
    type: "article",
    id: String(id),
    workspace_id: "ws",
    title,
    description: null,
    body: null,
    author_id: 1,
    state: "draft",
    created_at: updatedAt,
    updated_at: updatedAt,
    url: null,
    parent_id: parent,
    parent_ids: parent === null ? [] : [parent],
    parent_type: parent === null ? null : "collection",
    default_locale: "en",
    translated_content: null,
  } as unknown as WireArticle;
}

/** Articles listed most recently updated first, `PER_PAGE` a page, every page read counted. */
function listingOf(articles: WireArticle[]): { api: IntercomApi; pagesRead: number[] } {
  const sorted = [...articles].sort((a, b) => b.updated_at - a.updated_at);
  const pagesRead: number[] = [];
  const api = {
    listArticlesPage: async (page: number) => {
      pagesRead.push(page);
      const data = sorted.slice((page - 1) * PER_PAGE, page * PER_PAGE);
      return { data, total_count: sorted.length, pages: { total_pages: Math.ceil(sorted.length / PER_PAGE) } };
    },
    listArticles: async () => {
      throw new Error("the whole list is not read when pages can be");
    },
  } as unknown as IntercomApi;
  return { api, pagesRead };
}

function finderFor(api: IntercomApi, owned: string[] = [], concurrency = 4) {
  return createLostCreateFinder({ api, slots: createSlots(concurrency), concurrency, ownedIds: () => new Set(owned) });
}

const lost = (title: string, floor: number | null, parentId: string | number | null = 7): LostCreate => ({ kind: "article", parentId, title, floor });

describe("finding lost creates", () => {
  // Ten old articles, then two created by this run after t=1000.
  const old = Array.from({ length: 10 }, (_, i) => wireArticle(i + 1, `Old ${i}`, 100 + i));
  const recent = [wireArticle(20, "New A", 1_001), wireArticle(21, "New B", 1_002)];

  it("reads only the head of the list when the floor is known: the first page already reaches older items", async () => {
    const { api, pagesRead } = listingOf([...old, ...recent]);
    const finder = finderFor(api);
    const found = await finder.find(lost("New A", 1_000));
    expect(found?.id).toBe("20");
    expect(pagesRead).toEqual([1]);
    expect(finder.stats).toMatchObject({ lost: 1, found: 1, requests: 1, looks: 1 });
  });

  it("reads on while the page ends within the clock margin of the floor, and reads everything without a floor", async () => {
    const close = Array.from({ length: 6 }, (_, i) => wireArticle(30 + i, `Close ${i}`, 1_000 - CLOCK_MARGIN_S + 1));
    const { api, pagesRead } = listingOf([...old, ...recent, ...close]);
    await finderFor(api).find(lost("Nowhere", 1_000));
    expect(pagesRead).toEqual([1, 2, 3]);
    pagesRead.length = 0;
    await finderFor(api).find(lost("Nowhere", null));
    expect(pagesRead).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("never picks an item the lock owns, nor one under another parent", async () => {
    const { api } = listingOf([...old, ...recent, wireArticle(22, "New A", 1_003, 8)]);
    expect(await finderFor(api, ["20"]).find(lost("New A", 1_000))).toBeUndefined();
    expect((await finderFor(api).find(lost("New A", 1_000, "8")))?.id).toBe("22");
  });

  it("serves every create lost at the same moment with one look", async () => {
    const { api, pagesRead } = listingOf([...old, ...recent]);
    const finder = finderFor(api, [], 3);
    // Three items of the level run; all three lose their create.
    finder.setRunning(3);
    const finds = [finder.find(lost("New A", 1_000)), finder.find(lost("New B", 1_000)), finder.find(lost("Never made", 1_000))];
    const found = await Promise.all(finds);
    expect(found.map((item) => item?.id)).toEqual(["20", "21", undefined]);
    expect(pagesRead).toEqual([1]);
    expect(finder.stats).toMatchObject({ lost: 3, found: 2, looks: 1, requests: 1 });
  });

  it("waits for more lost creates while other items of the level still run", async () => {
    const { api, pagesRead } = listingOf([...old, ...recent]);
    const finder = finderFor(api, [], 4);
    finder.setRunning(3);
    let settled = false;
    const first = finder.find(lost("New A", 1_000)).then((item) => {
      settled = true;
      return item;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(pagesRead).toEqual([]);
    // The two others finish: only the parked one is left, so the look starts.
    finder.setRunning(-2);
    expect((await first)?.id).toBe("20");
    expect(pagesRead).toEqual([1]);
  });
});
