import { startEmulator, SUPPORTED_API_VERSION, SUPPORTED_API_VERSIONS } from "../../emulator/index.js";
import type { EmulatorOptions } from "../../emulator/index.js";
import { LOCALES } from "../../locales.js";
import { SyncError } from "../../errors/sync-error.js";
import type { CommandContext } from "../context.js";

export interface EmulatorFlags {
  port: string;
  host?: string;
  data?: string;
  locales?: string;
  rateLimit?: string;
  rateWindowMs?: string;
  errorRate?: string;
  latencyMs?: string;
  dropRate?: string;
  token?: string;
}

function toNumber(value: string | undefined, flag: string, { min, max }: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new SyncError("cli/invalid-flag", { flag, value, min, max });
  }
  return number;
}

/** Maps the command's flags onto the emulator's options. Pure. */
export function emulatorOptionsFromFlags(flags: EmulatorFlags): EmulatorOptions {
  const port = toNumber(flags.port, "port", { min: 0, max: 65535 });
  const rateLimit = toNumber(flags.rateLimit, "rate-limit", { min: 1, max: 1e9 });
  const windowMs = toNumber(flags.rateWindowMs, "rate-window-ms", { min: 1, max: 3_600_000 }) ?? 10_000;
  const latency = flags.latencyMs?.split("-").map((part) => toNumber(part, "latency-ms", { min: 0, max: 60_000 }) ?? 0);
  // The CLI's help center enables every Intercom locale, so any tree (the corpus has ten locales)
  // can be pushed to it; --locales narrows it to test the "locale not enabled" path.
  const locales = flags.locales ? flags.locales.split(",").map((code) => code.trim()) : [...LOCALES];
  return {
    port,
    host: flags.host,
    dataFile: flags.data,
    seed: { locales },
    // Only this token is accepted; any other gets Intercom's 401 "Access Token Invalid".
    ...(flags.token !== undefined && flags.token !== "" ? { tokens: [flags.token] } : {}),
    ...(rateLimit !== undefined ? { rateLimit: { limit: rateLimit, windowMs } } : {}),
    ...(flags.errorRate !== undefined ? { errorRate: toNumber(flags.errorRate, "error-rate", { min: 0, max: 1 }) } : {}),
    ...(flags.dropRate !== undefined ? { dropAfterWriteRate: toNumber(flags.dropRate, "drop-rate", { min: 0, max: 1 }) } : {}),
    ...(latency ? { latencyMs: latency.length === 2 ? [latency[0] ?? 0, latency[1] ?? 0] : (latency[0] ?? 0) } : {}),
  };
}

/** `intercom-sync emulator`: serves the local Intercom-compatible API until interrupted. */
export async function runEmulator(flags: EmulatorFlags, ctx: CommandContext): Promise<number> {
  const emulator = await startEmulator(emulatorOptionsFromFlags(flags));
  const { out } = ctx;
  if (out.json) out.printJson({ url: emulator.url, port: emulator.port });
  else {
    out.result(`Intercom emulator listening on ${emulator.url}`);
    const token = flags.token !== undefined && flags.token !== "" ? "<the --token>" : "<any>";
    out.info(out.colors.dim(`  INTERCOM_API_URL=${emulator.url} INTERCOM_ACCESS_TOKEN=${token} intercom-sync push`));
    out.info(out.colors.dim(`  Intercom-Version ${SUPPORTED_API_VERSIONS.join(", ")} (default ${SUPPORTED_API_VERSION}).`));
    out.info(out.colors.dim("  Ctrl-C to stop."));
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await emulator.close();
  return 0;
}
