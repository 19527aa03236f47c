/**
 * The emulator on a worker thread of this process. Intercom answers from machines of its own; an
 * emulator on the benchmark's own thread would charge its serialising of every list page to the
 * client's wall time, since both would take turns on one event loop. On its own thread it answers
 * on the machine's other core, as a remote server would, and the figures are the client's.
 */
import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { startEmulator, type EmulatorOptions, type EmulatorSnapshot } from "../src/emulator/index.js";

export type ThreadRequest = { type: "dump"; id: number } | { type: "close"; id: number };
export type ThreadReply =
  | { type: "ready"; url: string }
  | { type: "dump"; id: number; snapshot: EmulatorSnapshot }
  | { type: "closed"; id: number }
  | { type: "failed"; id: number; message: string };

/** What the benchmark uses of an emulator, wherever it runs. */
export interface BenchEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly state: { dump(): EmulatorSnapshot | Promise<EmulatorSnapshot> };
  close(): Promise<void>;
  /** True when it answers from a thread of its own. */
  readonly onOwnThread?: boolean;
}

const WORKER_URL = new URL("./emulator-thread-worker.js", import.meta.url);

/** The compiled worker script, or null when running from TypeScript sources (tests). */
export async function findEmulatorWorker(): Promise<string | null> {
  try {
    await access(WORKER_URL);
    return fileURLToPath(WORKER_URL);
  } catch {
    return null;
  }
}

/**
 * Starts the emulator on a worker thread running `script` (see findEmulatorWorker). `options` are
 * copied to the thread, so they hold data only (no clock or random function).
 */
export async function startEmulatorThread(script: string, options: EmulatorOptions = {}): Promise<BenchEmulator> {
  const worker = new Worker(script, { workerData: options });
  const waiting = new Map<number, { resolve(reply: ThreadReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let exited: Error | null = null;

  const ready = new Promise<string>((resolve, reject) => {
    worker.on("message", (reply: ThreadReply) => {
      if (reply.type === "ready") return resolve(reply.url);
      const pending = waiting.get(reply.id);
      if (reply.type === "failed" && pending === undefined) return reject(new Error(`The emulator thread failed: ${reply.message}`));
      waiting.delete(reply.id);
      pending?.resolve(reply);
    });
    const fail = (error: Error): void => {
      // An uncaught error is followed by the exit: the error is the one worth reporting.
      exited ??= error;
      reject(exited);
      for (const pending of waiting.values()) pending.reject(exited);
      waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`The emulator thread exited (code ${code}).`)));
  });

  const ask = (type: ThreadRequest["type"]): Promise<ThreadReply> =>
    new Promise((resolve, reject) => {
      if (exited !== null) return reject(exited);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ type, id } satisfies ThreadRequest);
    });

  let url: string;
  try {
    url = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    url,
    onOwnThread: true,
    state: {
      async dump() {
        const reply = await ask("dump");
        if (reply.type !== "dump") throw new Error(`The emulator thread answered ${reply.type} to a state dump.`);
        return reply.snapshot;
      },
    },
    async close() {
      const reply = await ask("close");
      if (reply.type === "failed") throw new Error(`The emulator thread could not close: ${reply.message}`);
      await worker.terminate();
    },
  };
}

/**
 * The benchmark's emulator: on a thread of its own when running compiled, on this thread when
 * running from sources (tests, which pass an emulator of their own anyway).
 */
export async function startBenchEmulator(options: EmulatorOptions = {}): Promise<BenchEmulator> {
  const script = await findEmulatorWorker();
  return script === null ? startEmulator(options) : startEmulatorThread(script, options);
}
