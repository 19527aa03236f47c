import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator, EmulatorOptions } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { createIntercomClient, type ClientOptions } from "../../src/remote/client.js";
import { IntercomApiError } from "../../src/remote/errors.js";
import { fetchRemoteState } from "../../src/remote/fetch-remote-state.js";

const TOKEN = "tok_emulator_SENTINEL_41d";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function setUp(emulatorOptions: EmulatorOptions = {}, clientOptions: Partial<ClientOptions> = {}) {
  emulator = await startTestEmulator({ tokens: [TOKEN], rateLimit: null, ...emulatorOptions });
  const sleeps: number[] = [];
  const client = createIntercomClient({
    baseUrl: emulator.url,
    token: TOKEN,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...clientOptions,
  });
  return { emulator, client, sleeps };
}

describe("createIntercomClient against the emulator", () => {
  it("creates nested collections and an article, then reads them back as remote state", async () => {
    const { client } = await setUp();
    const root = await client.createCollection({ name: "Getting started", help_center_id: 1 });
    const child = await client.createCollection({ name: "Advanced", parent_id: root.id });
    const created = await client.createArticle({ title: "Tuning", author_id: Number((await client.me()).id), parent_id: Number(child.id), parent_type: "collection" });
    const state = await fetchRemoteState(client, { helpCenterId: null });
    expect(state.helpCenter.id).toBe("1");
    const byId = [...state.collections].sort((a, b) => Number(a.id) - Number(b.id));
    expect(byId.map((c) => [c.id, c.parentId, c.helpCenterId])).toEqual([
      [root.id, null, "1"],
      [child.id, root.id, "1"],
    ]);
    expect(state.articles.map((a) => [a.id, a.parentId])).toEqual([[created.id, child.id]]);
    expect(Object.keys(state.articles[0]?.locales ?? {})).toEqual(["en"]);
  });

  it("reads every page of the audiences, which page at the top level, 50 at most", async () => {
    const { emulator, client } = await setUp();
    for (let n = 1; n <= 120; n += 1) emulator.addAudience(`Audience ${n}`);
    const audiences = await client.listAudiences?.();
    expect(audiences?.map((audience) => audience.name).sort()).toEqual(Array.from({ length: 120 }, (_, n) => `Audience ${n + 1}`).sort());
    const pages = emulator.requests.filter((entry) => entry.path === "/audiences");
    expect(pages.map((entry) => entry.query.page).sort()).toEqual(["1", "2", "3"]);
  });

  it("reads every page of a long listing", async () => {
    const { client } = await setUp({}, { perPage: 3 });
    const me = await client.me();
    for (let i = 0; i < 8; i += 1) await client.createArticle({ title: `A${i}`, author_id: Number(me.id) });
    const articles = await client.listArticles();
    expect(new Set(articles.map((a) => a.id)).size).toBe(8);
  });

  it("says the token was refused without repeating it", async () => {
    const { client } = await setUp({ tokens: ["another-token"] });
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomApiError);
    expect((error as IntercomApiError).status).toBe(401);
    expect(inspect(error, { depth: 20, showHidden: true }) + JSON.stringify(error)).not.toContain(TOKEN);
  });

  it("retries reads through server errors", async () => {
    const { emulator: server, client, sleeps } = await setUp();
    server.failNext(2, 503);
    const centers = await client.listHelpCenters();
    expect(centers.map((c) => c.id)).toEqual(["1"]);
    expect(sleeps).toHaveLength(2);
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("flags a create whose response was lost as unknown, without sending it twice", async () => {
    const { emulator: server, client } = await setUp();
    server.dropNextWrites(1);
    const error = await client.createCollection({ name: "Lost", help_center_id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomApiError);
    expect((error as IntercomApiError).outcomeUnknown).toBe(true);
    expect(server.writeCount()).toBe(1);
    expect((await client.listCollections()).map((c) => c.name)).toEqual(["Lost"]);
  });

  it("paces concurrent requests to the rate limit without drawing 429s", async () => {
    const { emulator: server } = await setUp({ rateLimit: { limit: 15, windowMs: 1_000 } });
    // Real waits here: the emulator's windows follow the real clock.
    const client = createIntercomClient({ baseUrl: server.url, token: TOKEN });
    const total = 40;
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          next += 1;
          await client.listAdmins();
        }
      }),
    );
    const statuses = server.requests.map((r) => r.status);
    expect(statuses).toHaveLength(total);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });
});
