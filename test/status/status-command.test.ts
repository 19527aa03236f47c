import path from "node:path";
import { describe, expect, it } from "vitest";
import type { StatusReport } from "../../src/status/types.js";
import { runCliInProcess } from "../support/run-cli.js";

// The FastAPI corpus: read in place, status writes nothing.
const CORPUS_CONFIG = path.resolve(import.meta.dirname, "../../../shared/corpus/fastapi/intercom-sync.config.ts");
const LOCALES = ["de", "es", "fr", "ja", "ko", "pt-BR", "ru", "tr", "zh-CN", "zh-TW"];

describe("status on the FastAPI corpus", () => {
  it("reports every locale's figures as JSON and exits 0", async () => {
    const run = await runCliInProcess(["status", "--json", "--config", CORPUS_CONFIG], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as StatusReport & { errors: number };
    expect(report.articles).toBe(129);
    expect(report.locales.map((l) => l.locale)).toEqual(LOCALES);
    for (const locale of report.locales) {
      // No file in the corpus has source_hash yet: every translation is unstamped, none outdated.
      expect(locale).toMatchObject({ total: 129, translated: 122, missing: 7, outdated: 0, unstamped: 122, upToDate: 0, translatedPercent: 94.6, donePercent: 0 });
    }
    expect(report.totals).toMatchObject({ total: 1290, translated: 1220, missing: 70, translatedPercent: 94.6 });
  });

  it("prints a table for people, one locale with --locale", async () => {
    const run = await runCliInProcess(["status", "--locale", "pt-BR", "--config", CORPUS_CONFIG], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("pt-BR      122/129        7         0        122           0  0.0%");
    expect(run.stdout).not.toContain("zh-CN");
  });

  it("refuses a locale code Intercom does not have, suggesting the right one", async () => {
    const run = await runCliInProcess(["status", "--locale", "pt_BR", "--config", CORPUS_CONFIG], { cwd: process.cwd() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Did you mean pt-BR?");
  });
});
