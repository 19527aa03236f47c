import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMINS } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestEmulator } from "../support/emulator.js";
import { callApi } from "../support/http.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("emulator auth", () => {
  it("answers 401 error.list without a bearer token, and sends no rate-limit headers", async () => {
    emulator = await startTestEmulator();
    const response = await callApi(emulator.url, "GET", "/articles", { token: null });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe("error.list");
    expect(response.body.errors).toEqual([{ code: "unauthorized", message: "Access Token Invalid" }]);
    expect(response.body.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers["x-ratelimit-limit"]).toBeUndefined();
    expect(response.headers["x-ratelimit-remaining"]).toBeUndefined();
  });

  it("accepts only the configured tokens when given", async () => {
    emulator = await startTestEmulator({ tokens: ["secret"] });
    expect((await callApi(emulator.url, "GET", "/me", { token: "other" })).status).toBe(401);
    expect((await callApi(emulator.url, "GET", "/me", { token: "secret" })).status).toBe(200);
  });

  it("answers intercom_version_invalid to an Intercom-Version outside 2.10 to 2.16", async () => {
    emulator = await startTestEmulator();
    for (const version of ["2.9", "3.0", "Unstable"]) {
      const response = await request(`${emulator.url}/me`, { headers: { authorization: "Bearer t", "intercom-version": version } });
      const body = (await response.body.json()) as { errors: { code: string }[] };
      expect(response.statusCode).toBe(400);
      expect(body.errors[0]?.code).toBe("intercom_version_invalid");
    }
  });

  it("sends rate-limit headers on authenticated responses", async () => {
    emulator = await startTestEmulator({ clock: () => 1_700_000_003_000 });
    const response = await callApi(emulator.url, "GET", "/me");
    expect(response.headers["x-ratelimit-limit"]).toBe("1666");
    expect(response.headers["x-ratelimit-remaining"]).toBe("1665");
    // The 10 s window containing ...003 s ends at ...010 s (epoch seconds, as Intercom).
    expect(response.headers["x-ratelimit-reset"]).toBe("1700000010");
  });
});

describe("emulator discovery endpoints", () => {
  it("answers /me with the first admin and its app", async () => {
    emulator = await startTestEmulator();
    const response = await callApi(emulator.url, "GET", "/me");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: "admin", id: String(DEFAULT_ADMINS[0].id), email: DEFAULT_ADMINS[0].email });
    expect(response.body.app.type).toBe("app");
  });

  it("lists the two default admins", async () => {
    emulator = await startTestEmulator();
    const response = await callApi(emulator.url, "GET", "/admins");
    expect(response.body.type).toBe("admin.list");
    expect(response.body.admins.map((admin: { id: string }) => admin.id)).toEqual(DEFAULT_ADMINS.map((admin) => String(admin.id)));
  });

  it("lists help centers with their enabled locales", async () => {
    emulator = await startTestEmulator();
    const response = await callApi(emulator.url, "GET", "/help_center/help_centers");
    expect(response.body.type).toBe("list");
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({ id: "1", default: true, identifier: "emulator", url: "https://intercom.help/emulator" });
    expect(response.body.data[0].locales).toEqual(["en", "fr", "de", "es", "pt-BR", "ja"]);
  });

  it("takes help centers and locales from the seed", async () => {
    emulator = await startTestEmulator({
      seed: {
        locales: ["en", "nl"],
        helpCenters: [
          { id: 7, identifier: "main", isDefault: true },
          { id: 8, identifier: "partners", locales: ["en", "de"] },
        ],
      },
    });
    const list = await callApi(emulator.url, "GET", "/help_center/help_centers");
    expect(list.body.data.map((center: { id: string; locales: string[] }) => [center.id, center.locales])).toEqual([
      ["7", ["en", "nl"]],
      ["8", ["en", "de"]],
    ]);
    const one = await callApi(emulator.url, "GET", "/help_center/help_centers/8");
    expect(one.body).toMatchObject({ id: "8", identifier: "partners", default: false });
  });

  it("answers 404 not_found for an unknown help center, id or route", async () => {
    emulator = await startTestEmulator();
    for (const path of ["/help_center/help_centers/99", "/help_center/help_centers/abc", "/articles/123456", "/nowhere"]) {
      const response = await callApi(emulator.url, "GET", path);
      expect(response.status, path).toBe(404);
      expect(response.body.errors[0].code).toBe("not_found");
    }
  });
});
