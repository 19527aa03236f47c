import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createAnswerQueue } from "../../src/emulator/answer-queue.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "../support/emulator.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("emulator answer queue", () => {
  it("answers one request per event-loop turn, so other work runs between two answers", async () => {
    const answer = createAnswerQueue();
    const order: string[] = [];
    const answers = [1, 2, 3].map((n) =>
      answer(() => {
        order.push(`answer ${n}`);
        setImmediate(() => order.push(`turn after ${n}`));
        return n * 10;
      }),
    );
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["answer 1", "turn after 1", "answer 2", "turn after 2", "answer 3", "turn after 3"]);
  });

  it("rejects with what an answer throws, and goes on with the next", async () => {
    const answer = createAnswerQueue();
    const failed = answer(() => {
      throw new Error("refused");
    });
    await expect(failed).rejects.toThrow("refused");
    expect(await answer(() => "next")).toBe("next");
  });
});

describe("emulator rate limit on arrival", () => {
  it("counts a request in the window it arrived in, even when its body comes in a later one", async () => {
    let now = 1_700_000_001_000;
    let clockReads = 0;
    emulator = await startTestEmulator({
      clock: () => {
        clockReads += 1;
        return now;
      },
      rateLimit: { limit: 5, windowMs: 10_000 },
    });
    const { port } = new URL(emulator.url);
    const readsBefore = clockReads;
    const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/tags", headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json", "intercom-version": "2.16" } }, resolve);
      req.on("error", reject);
      req.flushHeaders();
      // The body is sent once the emulator has counted the request (or after a second, so that an
      // emulator counting only once the body is in fails on the headers below, not on a timeout),
      // after its window has ended.
      let polls = 0;
      const waitForCount = (): void => {
        polls += 1;
        if (clockReads === readsBefore && polls < 200) {
          setTimeout(waitForCount, 5);
          return;
        }
        now = 1_700_000_012_000;
        req.end(JSON.stringify({ name: "late body" }));
      };
      waitForCount();
    });
    const response = await answered;
    response.resume();
    expect(response.headers["x-ratelimit-reset"]).toBe("1700000010");
    expect(response.headers["x-ratelimit-remaining"]).toBe("4");
  });
});
