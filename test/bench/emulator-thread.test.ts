import path from "node:path";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { startEmulatorThread } from "../../bench/emulator-thread.js";
import { builtCli } from "../support/built-cli.js";

const headers = { authorization: "Bearer t", "intercom-version": "2.16", "content-type": "application/json" };

describe("startEmulatorThread", () => {
  it("serves the API from a worker thread, dumps its state and closes", async () => {
    // The worker runs compiled JavaScript: the build the CLI tests use holds it.
    const script = path.join(path.dirname(builtCli()), "..", "bench", "emulator-thread-worker.js");
    const emulator = await startEmulatorThread(script, { rateLimit: null });
    expect(emulator.onOwnThread).toBe(true);
    try {
      const created = await request(`${emulator.url}/help_center/collections`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "From the thread" }),
      });
      expect(created.statusCode).toBe(200);
      await created.body.dump();
      const listed = await request(`${emulator.url}/help_center/collections`, { headers });
      const page = (await listed.body.json()) as { data: { name: string }[] };
      expect(page.data.map((collection) => collection.name)).toContain("From the thread");
      const state = await emulator.state.dump();
      expect(state.collections.map((collection) => collection.locales.en?.name)).toContain("From the thread");
    } finally {
      await emulator.close();
    }
    await expect(emulator.state.dump()).rejects.toThrow(/exited/);
  });

  it("reports a worker that cannot start", async () => {
    await expect(startEmulatorThread(path.join(import.meta.dirname, "no-such-worker.js"))).rejects.toThrow();
  });
});
