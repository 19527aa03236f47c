import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashSourceText } from "../../src/digest/source-text.js";
import type { StatusReport } from "../../src/status/types.js";
import { runCliInProcess } from "../support/run-cli.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

let dir: string;

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

const read = (file: string): Promise<string> => readFile(path.join(dir, file), "utf8");

const FR_GUIDE = "---\r\n# traduit par Zoé\r\ntitle: Guide\r\ndescription: \"Le guide\"\r\n---\r\nCorps  \r\n";

beforeEach(async () => {
  dir = await createTempDir("stamp");
  await put("intercom-sync.config.json", "{}");
  await put("content/guides/_collection.md", "---\nname: Guides\n---\n");
  await put("content/guides/guide.md", "---\ntitle: Guide\ndescription: The guide\n---\nBody text.\n");
  await put("content/welcome.md", "---\ntitle: Welcome\n---\nHello.\n");
  await put("locales/fr/guides/_collection.md", "---\nname: Guides\n---\n");
  await put("locales/fr/guides/guide.md", FR_GUIDE);
  await put("locales/fr/welcome.md", "---\ntitle: Bienvenue\nsource_hash: stale\n---\nBonjour.\n");
  await put("locales/de/orphan.md", "---\ntitle: Waise\n---\nKein Original.\n");
});

afterEach(async () => {
  await removeTempDir(dir);
});

async function status(): Promise<StatusReport> {
  const run = await runCliInProcess(["status", "--json"], { cwd: dir });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as StatusReport;
}

describe("stamp", () => {
  it("sets source_hash to the source's current hash, touching nothing else", async () => {
    const run = await runCliInProcess(["stamp", "locales/fr/guides/guide.md"], { cwd: dir });
    expect(run.code).toBe(0);
    const hash = hashSourceText({ title: "Guide", description: "The guide", body: "Body text.\n" });
    expect(await read("locales/fr/guides/guide.md")).toBe(FR_GUIDE.replace('"Le guide"\r\n', `"Le guide"\r\nsource_hash: ${hash}\r\n`));
    expect(run.stdout).toContain("Stamped 1 file; 0 already up to date; 0 refused.");
  });

  it("stamps every translated article below a folder with --outdated, passing over _collection.md", async () => {
    const run = await runCliInProcess(["stamp", "locales/fr", "--outdated"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await read("locales/fr/guides/_collection.md")).toBe("---\nname: Guides\n---\n");
    const fr = (await status()).locales.find((l) => l.locale === "fr");
    expect(fr).toMatchObject({ translated: 2, upToDate: 2, outdated: 0, unstamped: 0 });
  });

  it("skips and lists outdated translations below a folder, stamping the others", async () => {
    const run = await runCliInProcess(["stamp", "locales/fr"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Outdated, not stamped");
    expect(run.stderr).toContain("  locales/fr/welcome.md");
    expect(run.stdout).toContain("Stamped 1 file; 0 already up to date; 1 outdated skipped; 0 refused.");
    expect(await read("locales/fr/welcome.md")).toContain("source_hash: stale");
    const fr = (await status()).locales.find((l) => l.locale === "fr");
    expect(fr).toMatchObject({ upToDate: 1, outdated: 1, outdatedFiles: ["locales/fr/welcome.md"] });
  });

  it("stamps an outdated translation named alone, saying it was outdated", async () => {
    const run = await runCliInProcess(["stamp", "locales/fr/welcome.md", "locales/fr"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("locales/fr/welcome.md (was outdated: its source changed since the last stamp)");
    expect(run.stdout).toContain("Stamped 2 files; 0 already up to date; 0 refused.");
    expect(await read("locales/fr/welcome.md")).not.toContain("source_hash: stale");
  });

  it("is idempotent: a second stamp changes nothing", async () => {
    await runCliInProcess(["stamp", "locales/fr", "--outdated"], { cwd: dir });
    const first = await read("locales/fr/welcome.md");
    const run = await runCliInProcess(["stamp", "locales/fr"], { cwd: dir });
    expect(run.stdout).toContain("Stamped 0 files; 2 already up to date");
    expect(await read("locales/fr/welcome.md")).toBe(first);
  });

  it("lets status see a translation go out of date when its source changes", async () => {
    await runCliInProcess(["stamp", "locales/fr", "--outdated"], { cwd: dir });
    await put("content/guides/guide.md", "---\ntitle: Guide\ndescription: The guide\n---\nBody text, rewritten.\n");
    const fr = (await status()).locales.find((l) => l.locale === "fr");
    expect(fr).toMatchObject({ outdated: 1, upToDate: 1, outdatedFiles: ["locales/fr/guides/guide.md"] });
  });

  it("does not count edits a translator cannot see (trailing spaces, CRLF) as source changes", async () => {
    await runCliInProcess(["stamp", "locales/fr", "--outdated"], { cwd: dir });
    await put("content/guides/guide.md", "---\r\ntitle: Guide \r\ndescription: The guide\r\n---\r\nBody text.   \r\n\r\n");
    expect((await status()).locales.find((l) => l.locale === "fr")?.outdated).toBe(0);
  });

  it("refuses files that are not translations, with a clear message, and stamps the rest", async () => {
    const run = await runCliInProcess(["stamp", "content/welcome.md", "locales/fr/guides/_collection.md", "locales/de/orphan.md", "locales/fr/welcome.md", "nowhere.md"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("content/welcome.md is not a translation: translations live under locales/<locale>/.");
    expect(run.stderr).toContain("describes a collection; collections have no source_hash");
    expect(run.stderr).toContain("locales/de/orphan.md has no readable source article (content/orphan.md)");
    expect(run.stderr).toContain("nowhere.md does not exist.");
    expect(run.stdout).toContain("Stamped 1 file; 0 already up to date; 4 refused.");
    expect(await read("content/welcome.md")).toBe("---\ntitle: Welcome\n---\nHello.\n");
    expect(await read("locales/de/orphan.md")).toBe("---\ntitle: Waise\n---\nKein Original.\n");
  });

  it("refuses a source folder as a whole", async () => {
    const run = await runCliInProcess(["stamp", "content", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { refused: { message: string }[] };
    expect(result.refused.map((r) => r.message)).toEqual(["content holds no translations: translations live under locales/<locale>/."]);
  });
});
