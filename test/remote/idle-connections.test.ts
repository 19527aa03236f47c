import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createIntercomClient } from "../../src/remote/client.js";
import { createIdleAwareDispatcher, IDLE_CONNECTION_MS } from "../../src/remote/idle-connections.js";

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (running === undefined) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** A server answering every request with an admin, counting the TCP connections it accepts. */
async function countingServer(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ type: "admin", id: "1", name: "A", email: "a@example.com" }));
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

describe("createIdleAwareDispatcher", () => {
  it("keeps one pool while requests follow each other, and starts a new one after an idle gap", () => {
    let now = 1_000;
    const pick = createIdleAwareDispatcher(() => now, 3_000);
    const first = pick();
    now += 2_999;
    expect(pick()).toBe(first);
    now += 2_999;
    expect(pick()).toBe(first);
    now += 3_001;
    expect(pick()).not.toBe(first);
  });
});

describe("the client's connections", () => {
  it("reuses a kept-alive connection, but not one left idle longer than undici's keep-alive window by the clock", async () => {
    const { url, connections } = await countingServer();
    let now = 0;
    const client = createIntercomClient({ baseUrl: url, token: "t", clock: () => now });
    // undici hands a connection back a moment after the body ends.
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await client.me();
    await settle();
    await client.me();
    await settle();
    expect(connections()).toBe(1);
    // A long synchronous stretch holds undici's own idle timer back; the clock still moves.
    now += IDLE_CONNECTION_MS + 1;
    await client.me();
    expect(connections()).toBe(2);
  });
});
