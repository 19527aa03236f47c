import { afterEach, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { runCli } from "../support/child-cli.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { hasScript, runCliOnPty } from "../support/pty-cli.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const QUESTION = 'Apply it? Type "yes" to go on';

/** Runs the CLI on a pty; `answer` is typed when the question shows. */
function onPty(p: TestProject, args: string[], answer?: string) {
  return runCliOnPty(builtCli(), args, { cwd: p.dir, env: p.env, ...(answer === undefined ? {} : { answer: { after: "--yes skips this question): ", type: answer } }) });
}

describe.runIf(hasScript())("push on a terminal", () => {
  it("asks before unpublishing: no writes nothing and exits 1, yes applies, --yes does not ask", async () => {
    project = await createTestProject();
    const first = await onPty(project, ["push"]);
    // 14 creates: under the threshold, so no question.
    expect(first.code).toBe(0);
    expect(first.output).not.toContain(QUESTION);
    project.takeWrites();

    await project.remove("content/writing/attachments.md");
    const declined = await onPty(project, ["push"], "no\n");
    expect(declined.output).toContain("- article writing/attachments");
    expect(declined.output).toContain("This push unpublishes 1 article.");
    expect(declined.output).toContain(QUESTION);
    expect(declined.output).toContain("Push cancelled; nothing was written.");
    expect(declined.code).toBe(1);
    expect(project.takeWrites()).toEqual([]);

    const accepted = await onPty(project, ["push"], "yes\n");
    expect(accepted.output).toContain(QUESTION);
    expect(accepted.code).toBe(0);
    expect(accepted.output).toContain("1 unpublished");
    expect(project.takeWrites().length).toBeGreaterThan(0);

    await project.remove("content/troubleshooting/sign-in.md");
    const skipped = await onPty(project, ["push", "--yes"]);
    expect(skipped.code).toBe(0);
    expect(skipped.output).not.toContain(QUESTION);
    expect(skipped.output).toContain("1 unpublished");
  });

  it("asks before overwriting an edit made in Intercom with --force", async () => {
    project = await createTestProject();
    expect((await onPty(project, ["push"])).code).toBe(0);
    const lock = await project.readLock();
    project.emulator.editInEditor(lock.articles.welcome?.id as string, "en", { title: "Edited in Intercom" });
    project.takeWrites();
    const run = await onPty(project, ["push", "--force"], "n\r");
    expect(run.output).toContain("This push overwrites edits made in Intercom on 1 item (--force).");
    expect(run.code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
  });

  it("asks before creating more than 25 items; end of input (Ctrl-D) is a no", async () => {
    project = await createTestProject({ tree: { generate: { articles: 30, locales: ["fr"] } } });
    const run = await onPty(project, ["push"], "\u0004");
    expect(run.output).toMatch(/This push creates \d+ items \(more than 25\)\./);
    expect(run.code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
  });

  it("shows a progress bar with the phase, done/total and time left; none without a terminal", async () => {
    project = await createTestProject({ tree: { generate: { articles: 30, locales: ["fr"] } } });
    const run = await onPty(project, ["push", "--yes"]);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/collections +\[[█░]+\] +\d+\/\d+/);
    expect(run.output).toMatch(/articles +\[[█░]+\] +\d+\/\d+ +(about \d+ s|less than 1 s) left/);
    // The generated tree links in cycles: some links are fixed up after both ends exist.
    expect(run.output).toMatch(/link fix-ups +\[█+\] +(\d+)\/\1 {2}done/);

    const again = await createTestProject({ tree: { generate: { articles: 30, locales: ["fr"] } } });
    try {
      const piped = await runCli(builtCli(), ["push"], { cwd: again.dir, env: again.env });
      expect(piped.code).toBe(0);
      expect(piped.stdout + piped.stderr).not.toContain("█");
      expect(piped.stdout + piped.stderr).not.toContain(QUESTION);
    } finally {
      await again.close();
    }
  });
});
