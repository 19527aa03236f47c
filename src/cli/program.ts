import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { createContext, type CommandContext, type GlobalFlags, type ProcessIo } from "./context.js";
import { reportError } from "./report-error.js";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

type Action<F> = (flags: F, ctx: CommandContext) => Promise<number>;

/** Environment variables, by what reads them; each command's --help lists the ones it reads. */
const ENV = {
  token: ["INTERCOM_ACCESS_TOKEN", "the Intercom access token (read from the environment only)"],
  apiUrl: ["INTERCOM_API_URL", "the API's base URL; overrides apiUrl and region in the config"],
  cache: ["INTERCOM_SYNC_CACHE_DIR", "folder of the render cache (default: $XDG_CACHE_HOME or ~/.cache, intercom-sync/)"],
  github: ["GITHUB_ACTIONS", "\"true\": findings also print as ::error/::warning annotations"],
  summary: ["GITHUB_STEP_SUMMARY", "under GitHub Actions, the plan is appended to this file"],
  output: ["GITHUB_OUTPUT", "under GitHub Actions, the step output changes=N is written to this file"],
  color: ["NO_COLOR, FORCE_COLOR", "colours off / on (default: on a terminal only)"],
} as const satisfies Record<string, readonly [string, string]>;

type EnvName = keyof typeof ENV;

/** The "Environment:" section of a command's --help. */
function envHelp(names: readonly EnvName[]): string {
  const rows = [...names, "color" as const].map((name) => ENV[name]);
  const width = Math.max(...rows.map(([variable]) => variable.length));
  return `\nEnvironment:\n${rows.map(([variable, what]) => `  ${variable.padEnd(width)}  ${what}`).join("\n")}\n`;
}

const REMOTE_ENV: readonly EnvName[] = ["token", "apiUrl", "cache", "github", "summary", "output"];

/**
 * Each command's module is imported when that command runs, not at start-up: `--help` and
 * `--version` load no renderer, parser or HTTP client.
 */
const commands = {
  check: async () => (await import("./commands/check.js")).runCheck,
  plan: async () => (await import("./commands/plan.js")).runPlan,
  push: async () => (await import("./commands/push.js")).runPush,
  publish: async () => (await import("./commands/publish.js")).runPublish,
  pull: async () => (await import("./commands/pull.js")).runPull,
  status: async () => (await import("./commands/status.js")).runStatus,
  stamp: async () => (await import("./commands/stamp.js")).runStamp,
  watch: async () => (await import("./commands/watch.js")).runWatch,
  emulator: async () => (await import("./commands/emulator.js")).runEmulator,
  init: async () => (await import("./commands/init.js")).runInit,
  preview: async () => (await import("./commands/preview.js")).runPreview,
  open: async () => (await import("./commands/open.js")).runOpen,
};

const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The options `plan` and `push` share, after their own: what a plan shows, and of which locales. */
function withPlanOutputOptions(command: Command): Command {
  return command
    .option("--diff", "show what each change does to the text, as a unified diff per locale")
    .option("--locale <code>", "only this locale (repeatable)", repeatable)
    .option("--json-all", "with --json: every item, unchanged ones included")
    .addHelpText("after", envHelp(REMOTE_ENV));
}

/**
 * Builds the command line. Each action gets its flags and a context; the number it returns is the
 * exit code. Errors are printed in one place (reportError).
 */
export function buildProgram(io: ProcessIo, setExitCode: (code: number) => void): Command {
  const program = new Command("intercom-sync")
    .description("Keep an Intercom Help Center in git: plan and push only the differences.")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help (for a command: intercom-sync <command> --help)")
    // Each command's --help lists the global flags too.
    .configureHelp({ showGlobalOptions: true })
    .option("--config <file>", "config file (default: intercom-sync.config.{ts,mts,mjs,js,json} in this folder)")
    .option("--json", "machine-readable output on stdout")
    .option("--verbose", "more detail, including each request")
    .option("--quiet", "only results and errors")
    .addHelpText("after", envHelp(REMOTE_ENV))
    .showHelpAfterError("(run `intercom-sync --help` for usage)")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();

  function action<F>(load: () => Promise<Action<F>>) {
    return async (flags: F, command: Command): Promise<void> => {
      const ctx = createContext(command.optsWithGlobals<GlobalFlags>(), io);
      try {
        const run = await load();
        setExitCode(await run(flags, ctx));
      } catch (error) {
        setExitCode(reportError(error, ctx));
      }
    };
  }

  program
    .command("check")
    .description("validate the whole tree: front matter, locales, links, images, HTML, depth, keys (no network)")
    .option("--strict", "treat warnings as errors")
    .addHelpText("after", envHelp(["cache", "github"]))
    .action(action(commands.check));

  /** Runs a command whose action takes its positional arguments first. */
  function withArgs<F>(load: () => Promise<(args: string[], flags: F, ctx: CommandContext) => Promise<number>>) {
    return (args: string[], flags: F, command: Command) =>
      action<F>(async () => {
        const run = await load();
        return (f, ctx) => run(args, f, ctx);
      })(flags, command);
  }

  withPlanOutputOptions(
    program
      .command("plan")
      .description("read Intercom once and print what push would do, per item and locale")
      .argument("[paths...]", "only these files or folders of content/ or locales/ (the whole tree is still read)")
      .option("--out <file>", "also write the plan as JSON to a file, for `push --plan FILE`")
      .option("--detailed-exitcode", "exit 2 when there are changes to push")
      .option("--force", "plan as push --force would (overwrite edits made in Intercom)")
      .option("--stage", "plan as push --stage would (changes to published articles staged as drafts)")
  ).action(withArgs(commands.plan));

  withPlanOutputOptions(
    program
      .command("push")
      .description("plan, then apply: write only the differences to Intercom")
      .argument("[paths...]", "only write these files or folders of content/ or locales/ (the whole tree is still read)")
      .option("--dry-run", "plan only; write nothing")
      .option("--force", "overwrite edits made in Intercom (conflicts and drift)")
      .option("--stage", "stage changes to published articles as drafts for review in Intercom (publishMode \"stage\" for this run)")
      .option("-y, --yes", "do not ask before unpublishing, deleting, overwriting or creating many items")
      .option("--plan <file>", "apply the plan saved by `plan --out FILE`, if the files and Intercom still match it")
  ).action(withArgs(commands.push));

  program
    .command("open")
    .description("open an article's or collection's page in Intercom (prints the URL when there is no browser)")
    .argument("<item>", "a key (guides/install) or a file (content/guides/install.md)")
    .option("--locale <code>", "that locale's page (default: the source locale, or the file's)")
    .option("--print", "print the URL; do not open a browser")
    .addHelpText("after", envHelp(["token", "apiUrl"]))
    .action((item: string, flags: object, command: Command) => withArgs(commands.open)([item], flags, command));

  program
    .command("publish")
    .description("publish the drafts staged by push --stage: all, or those of the given keys or files")
    .argument("[items...]", "article keys (guides/install) or their files")
    .option("--locale <code>", "only this locale (repeatable)", repeatable)
    .option("--dry-run", "list what would be published; publish nothing")
    .addHelpText("after", envHelp(["token", "apiUrl"]))
    .action((items: string[], flags: object, command: Command) =>
      action<object>(async () => {
        const runPublish = await commands.publish();
        return (f, ctx) => runPublish(items, f, ctx);
      })(flags, command),
    );

  program
    .command("pull")
    .description("write the help center from Intercom into content/, locales/ and the lock (reads Intercom, writes local files)")
    .option("--force", "overwrite local files even when they have changes not pushed yet")
    .addHelpText("after", envHelp(["token", "apiUrl"]))
    .action(action(commands.pull));

  program
    .command("status")
    .description("translation progress per locale: translated, missing, outdated, unstamped (no network)")
    .option("--locale <code>", "only this locale")
    .addHelpText("after", envHelp(["cache"]))
    .action(action(commands.status));

  program
    .command("stamp")
    .description("set source_hash in translation files: \"this translation follows the current source\" (no network)")
    .argument("<paths...>", "translation files or folders (every translated article below)")
    .option("--outdated", "below a folder, stamp outdated translations too (a file named alone is always stamped)")
    .addHelpText("after", envHelp([]))
    .action((paths: string[], flags: object, command: Command) =>
      action<object>(async () => {
        const runStamp = await commands.stamp();
        return (f, ctx) => runStamp(paths, f, ctx);
      })(flags, command),
    );

  program
    .command("watch")
    .description("push once, then push the difference on every file change (debounced, one run at a time)")
    .option("--force", "overwrite edits made in Intercom (conflicts and drift)")
    .option("--debounce <ms>", "quiet time in ms after a change before a run starts", "50")
    .option("--poll", "poll the file system instead of using native events (network drives)")
    .addHelpText("after", envHelp(["token", "apiUrl", "cache"]))
    .action(action(commands.watch));

  program
    .command("init")
    .description("scaffold a project: config, sample content and translations, .gitignore lines, CI workflow (never overwrites; no network)")
    .option("--locales <codes>", "translation locales to create, comma-separated (fr,de,pt-BR)")
    .option("--yes", "ask nothing: without --locales, no translation locales")
    .addHelpText("after", envHelp([]))
    .action(action(commands.init));

  program
    .command("preview")
    .description("serve the help center as readers will see it, from the files, with a translation dashboard (no network)")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default("4020"))
    .option("--host <host>", "interface to listen on (default 127.0.0.1: this machine only)")
    .option("--open", "open the preview in the browser")
    .option("--out <dir>", "write the site as static files to a folder instead of serving it")
    .option("--title <name>", "the help center's name in the header", "Help Center")
    .option("--poll", "poll the file system instead of using native events (network drives)")
    .addHelpText("after", envHelp(["cache"]))
    .action(action(commands.preview));

  program
    .command("emulator")
    .description("serve a local Intercom-compatible Help Center API")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default("4010"))
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--data <file>", "persist the emulator's state in a JSON file")
    .option("--locales <codes>", "locales enabled on the help center, comma-separated (default: all 37)")
    .option("--rate-limit <n>", "requests allowed per window (default: no limit)")
    .option("--rate-window-ms <ms>", "rate-limit window length", "10000")
    .option("--error-rate <x>", "share of requests answered 500/503, 0..1")
    .option("--latency-ms <ms>", "delay per request, or a range like 20-200")
    .option("--drop-rate <x>", "share of writes whose response is lost, 0..1")
    .option("--token <token>", "accept only this access token (others get 401, as Intercom answers); default: any")
    .addHelpText("after", envHelp([]))
    .action(action(commands.emulator));

  return program;
}

/** Runs the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: readonly string[], io: ProcessIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    throw error;
  }
  return exitCode;
}
