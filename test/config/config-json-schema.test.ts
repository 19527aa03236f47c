import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from "../../src/config/config-json-schema.js";
import { CONFIG_KEYS } from "../../src/config/config-schema.js";
import { repositoryRoot } from "../support/project.js";

const committed = (): Promise<string> => readFile(path.join(repositoryRoot, CONFIG_SCHEMA_FILE), "utf8");

describe("the config's JSON Schema", () => {
  it("is committed as the zod schema makes it", async () => {
    expect((await committed()) === configJsonSchemaText(), `${CONFIG_SCHEMA_FILE} is out of date: run \`npm run docs:schema\``).toBe(true);
  });

  it("is shipped in the package and exported", async () => {
    const manifest = JSON.parse(await readFile(path.join(repositoryRoot, "package.json"), "utf8")) as { files: string[]; exports: Record<string, unknown> };
    expect(manifest.files).toContain("schema");
    expect(manifest.exports["./config.schema.json"]).toBe(`./${CONFIG_SCHEMA_FILE}`);
  });

  it("accepts what the loader accepts and refuses unknown keys, bad locale codes and values out of range", async () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(await committed()) as object);
    const fixture = JSON.parse(await readFile(path.join(repositoryRoot, "test/fixtures/config-json/intercom-sync.config.json"), "utf8")) as object;
    expect(validate({ $schema: "./node_modules/intercom-sync/schema/intercom-sync.config.schema.json", ...fixture })).toBe(true);
    expect(validate({ locales: ["pt-BR"], helpCenterId: 12, concurrency: 256 })).toBe(true);
    expect(validate({ local: ["fr"] })).toBe(false);
    expect(validate({ locales: ["pt_BR"] })).toBe(false);
    expect(validate({ concurrency: 0 })).toBe(false);
    expect(validate({ onDelete: "purge" })).toBe(false);
  });

  it("describes every field", async () => {
    const schema = JSON.parse(await committed()) as { properties: Record<string, { description?: string }> };
    expect(CONFIG_KEYS.filter((key) => schema.properties[key]?.description === undefined)).toEqual([]);
  });
});
