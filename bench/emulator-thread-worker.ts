/**
 * Worker side of {@link startEmulatorThread}: starts the emulator with the options it was given and
 * answers the parent's requests (a state dump, closing) by message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { startEmulator, type EmulatorOptions } from "../src/emulator/index.js";
import type { ThreadReply, ThreadRequest } from "./emulator-thread.js";

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error("emulator-thread-worker runs as a worker thread only");
  const emulator = await startEmulator(workerData as EmulatorOptions);
  const reply = (message: ThreadReply): void => port.postMessage(message);
  port.on("message", (request: ThreadRequest) => {
    if (request.type === "dump") {
      reply({ type: "dump", id: request.id, snapshot: emulator.state.dump() });
    } else {
      emulator.close().then(
        () => {
          reply({ type: "closed", id: request.id });
          port.close();
        },
        (error: unknown) => reply({ type: "failed", id: request.id, message: String(error) }),
      );
    }
  });
  reply({ type: "ready", url: emulator.url });
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ type: "failed", id: 0, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ThreadReply);
});
