import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { isSyncError, type SyncError } from "../../src/errors/sync-error.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("loadConfig", () => {
  let dir: string;

  beforeEach(async () => {
    // The temp dir has no node_modules: importing "intercom-sync" only works through the alias.
    dir = await createTempDir("config");
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  async function failure(promise: Promise<unknown>): Promise<SyncError> {
    try {
      await promise;
    } catch (error) {
      if (isSyncError(error)) return error;
      throw error;
    }
    throw new Error("expected a SyncError");
  }

  it("uses the defaults, rooted at cwd, when there is no config file", async () => {
    const config = await loadConfig({ cwd: dir });
    expect(config).toMatchObject({ rootDir: dir, configFile: null, sourceLocale: "en", contentDir: path.join(dir, "content") });
  });

  it("loads a .ts config that imports defineConfig from intercom-sync", async () => {
    await writeFile(
      path.join(dir, "intercom-sync.config.ts"),
      'import { defineConfig } from "intercom-sync";\nconst state: "published" | "draft" = "published";\nexport default defineConfig({ defaultState: state, locales: ["fr"] });\n',
    );
    const config = await loadConfig({ cwd: dir });
    expect(config).toMatchObject({ configFile: path.join(dir, "intercom-sync.config.ts"), defaultState: "published", locales: ["fr"] });
  });

  it("keeps a compiled .ts config in the cache folder, and compiles an edited one again", async () => {
    const cache = path.join(dir, "cache");
    const env = { INTERCOM_SYNC_CACHE_DIR: cache };
    const file = path.join(dir, "intercom-sync.config.ts");
    await writeFile(file, 'const n: number = 3;\nexport default { concurrency: n };\n');
    expect((await loadConfig({ cwd: dir, env })).concurrency).toBe(3);
    const compiled = await readdir(path.join(cache, "jiti"));
    expect(compiled.length).toBeGreaterThan(0);
    await writeFile(file, 'const n: number = 5;\nexport default { concurrency: n };\n');
    expect((await loadConfig({ cwd: dir, env })).concurrency).toBe(5);
  });

  it("loads a .ts config with an enum that imports a local .ts module", async () => {
    await writeFile(path.join(dir, "locales.ts"), 'export const extra: string = "de";\n');
    await writeFile(
      path.join(dir, "intercom-sync.config.ts"),
      'import { defineConfig } from "intercom-sync";\nimport type { UserConfig } from "intercom-sync";\nimport { extra } from "./locales";\nenum Locale { French = "fr" }\nconst locales: string[] = [Locale.French, extra];\nexport default defineConfig({ locales } as UserConfig);\n',
    );
    expect((await loadConfig({ cwd: dir })).locales).toEqual(["fr", "de"]);
  });

  it("loads a .ts config that uses top-level await and import.meta", async () => {
    await writeFile(
      path.join(dir, "intercom-sync.config.ts"),
      'const n: number = await Promise.resolve(4);\nconst url: string = import.meta.url;\nexport default { concurrency: n, contentDir: url.endsWith(".ts") ? "docs" : "other" };\n',
    );
    expect(await loadConfig({ cwd: dir })).toMatchObject({ concurrency: 4, contentDir: path.join(dir, "docs") });
  });

  it("loads a .ts config that exports a plain object", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.ts"), 'export default { contentDir: "docs" } satisfies Record<string, unknown>;\n');
    expect((await loadConfig({ cwd: dir })).contentDir).toBe(path.join(dir, "docs"));
  });

  it("loads an .mjs config", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.mjs"), "export default { concurrency: 3 };\n");
    expect((await loadConfig({ cwd: dir })).concurrency).toBe(3);
  });

  it("loads an .mjs config that imports intercom-sync where it is not installed", async () => {
    await writeFile(
      path.join(dir, "intercom-sync.config.mjs"),
      'import { defineConfig } from "intercom-sync";\nexport default defineConfig({ region: "eu" });\n',
    );
    expect((await loadConfig({ cwd: dir })).region).toBe("eu");
  });

  it("loads a .json config", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.json"), '{ "onDelete": "keep" }\n');
    expect((await loadConfig({ cwd: dir })).onDelete).toBe("keep");
  });

  it("prefers .ts over the other extensions", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.ts"), "export default { concurrency: 2 };\n");
    await writeFile(path.join(dir, "intercom-sync.config.json"), '{ "concurrency": 5 }\n');
    expect((await loadConfig({ cwd: dir })).concurrency).toBe(2);
  });

  it("loads an explicit config file and roots the project at its folder", async () => {
    await mkdir(path.join(dir, "site"));
    await writeFile(path.join(dir, "site", "help.json"), '{ "contentDir": "articles" }\n');
    const config = await loadConfig({ cwd: dir, configFile: "site/help.json" });
    expect(config).toMatchObject({ rootDir: path.join(dir, "site"), contentDir: path.join(dir, "site", "articles") });
  });

  it("fails with config/not-found for a missing explicit config file", async () => {
    const error = await failure(loadConfig({ cwd: dir, configFile: "nope.ts" }));
    expect(error.code).toBe("config/not-found");
  });

  it("fails with config/invalid carrying every problem", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.json"), '{ "concurency": 4, "locales": ["pt_BR"] }\n');
    const error = await failure(loadConfig({ cwd: dir }));
    expect(error.code).toBe("config/invalid");
    expect(error.diagnostics.map((diagnostic) => diagnostic.hint).sort()).toEqual(['Did you mean "concurrency"?', 'Did you mean "pt-BR"?']);
  });

  it("fails with config/load-failed for a config that does not parse", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.json"), "{ nope");
    const error = await failure(loadConfig({ cwd: dir }));
    expect(error.code).toBe("config/load-failed");
    expect(error.location?.file).toBe("intercom-sync.config.json");
  });

  it("fails with config/load-failed for a .ts config that throws", async () => {
    await writeFile(path.join(dir, "intercom-sync.config.ts"), 'throw new Error("boom");\nexport default {};\n');
    const error = await failure(loadConfig({ cwd: dir }));
    expect(error.code).toBe("config/load-failed");
    expect(error.message).toContain("boom");
  });
});
