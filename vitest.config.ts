import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Suites that start child processes, file watchers or worker threads, or push or generate whole
 * help centers. They run in a project of their own, in forks, and start first: the long files
 * begin while the many short unit files fill the other workers.
 */
const PROCESS_SUITES = [
  "test/reliability/**/*.test.ts",
  "test/bench/run-bench.test.ts",
  "test/bench/emulator-thread.test.ts",
  "test/bench/generate-help-center.test.ts",
  "test/watch/watch-*.test.ts",
  "test/sync/corpus.test.ts",
  "test/render/corpus.test.ts",
  "test/action/*.test.ts",
  "test/install/*.test.ts",
  "test/preview/preview-*.test.ts",
  "test/cli/terminal-*.test.ts",
];
const PROCESSES = "processes";

/** The default order (longest first, from the last run) with the process suites ahead of the rest. */
class ProcessSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification): number => (spec.project.name === PROCESSES ? 0 : 1);
    return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => first(a.spec) - first(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: a third worker fills the time the others spend waiting on children and sockets.
    maxWorkers: 3,
    sequence: { sequencer: ProcessSuitesFirst },
    setupFiles: ["test/support/emulator-checks.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: PROCESSES,
          include: PROCESS_SUITES,
          pool: "forks",
          // Compiles the CLI once for the child-process tests.
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...PROCESS_SUITES],
          // In-process tests share no global state: one module graph per worker thread, loaded once.
          pool: "threads",
          isolate: false,
        },
      },
    ],
  },
});
