import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { countTree } from "../support/count-tree.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

/** A file the tests place outside the project: nothing may read it, link to it, or create it. */
let outside: string;
let project: TestProject | undefined;

beforeAll(async () => {
  outside = await createTempDir("outside");
  await writeFile(path.join(outside, "secret.md"), "---\ntitle: Secret\n---\nsecret text\n");
  await writeFile(path.join(outside, "logo.png"), randomBytes(64));
});

afterAll(async () => {
  await removeTempDir(outside);
});

afterEach(async () => {
  await project?.close();
  project = undefined;
});

const article = (front: string, body = "Body.\n"): string => `---\n${front}\n---\n${body}`;
const billionLaughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => {
  const name = String.fromCharCode(98 + i);
  const previous = String.fromCharCode(97 + i);
  return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`;
}), "title: Boom"].join("\n");

interface HostileCase {
  name: string;
  /** Puts the hostile input into the project. */
  plant(p: TestProject): Promise<void>;
  /** What the run must say (stderr and stdout together). */
  message: RegExp;
}

const REFUSED: HostileCase[] = [
  {
    name: "`---js` front matter",
    plant: (p) => p.write("content/writing/script.md", `---js\n{ title: (globalThis.__pwned = "js", "Pwned") }\n---\nBody\n`),
    message: /script\.md.*JavaScript front matter|javascript/i,
  },
  {
    name: "`---javascript` front matter",
    plant: (p) =>
      p.write("content/writing/script.md", `---javascript\nmodule.exports = { title: (globalThis.__pwned = "javascript", "Pwned") }\n---\nBody\n`),
    message: /script\.md/,
  },
  { name: "a YAML bomb (deep aliases)", plant: (p) => p.write("locales/fr/writing/bomb.md", article(billionLaughs)), message: /bomb\.md.*aliases/s },
  {
    name: "YAML nested ten thousand levels deep",
    plant: (p) => p.write("content/writing/deep.md", article(`title: Deep\nx: ${"[".repeat(10_000)}${"]".repeat(10_000)}`)),
    message: /deep\.md/,
  },
  { name: "a custom YAML tag", plant: (p) => p.write("content/writing/tag.md", article('title: !!js/function "function () {}"')), message: /tag\.md.*Custom YAML tags/s },
  {
    name: "a 50 MB file",
    plant: (p) => p.write("content/writing/huge.md", article("title: Huge", "lorem ipsum dolor\n".repeat(50 * 1024 * 1024 / 18))),
    message: /huge\.md.*at most \d+ bytes/s,
  },
  {
    name: "binary garbage in a .md",
    plant: (p) => writeFile(path.join(p.dir, "content/writing/garbage.md"), Buffer.concat([randomBytes(4096), Buffer.from([0])])),
    message: /garbage\.md.*binary/s,
  },
  {
    name: "invalid UTF-8",
    plant: (p) => writeFile(path.join(p.dir, "content/writing/latin1.md"), Buffer.from("---\ntitle: Caf\xe9\n---\nCaf\xe9 cr\xe8me\n", "latin1")),
    message: /latin1\.md.*not valid UTF-8/s,
  },
  {
    name: "a symlink leading outside the project",
    plant: (p) => symlink(path.join(outside, "secret.md"), path.join(p.dir, "content/writing/leak.md")),
    message: /leak\.md.*outside the project/s,
  },
  {
    name: "a `../` link that leaves the project",
    plant: (p) => p.write("content/writing/escape.md", article("title: Escape", `See [the secret](../../${path.relative(p.dir, outside)}/secret.md).\n`)),
    message: /escape\.md.*outside the project/s,
  },
  {
    name: "an image that leaves the project",
    plant: (p) => p.write("content/writing/picture.md", article("title: Picture", `![logo](../../${path.relative(p.dir, outside)}/logo.png)\n`)),
    message: /picture\.md.*outside the project/s,
  },
  { name: "front matter that never ends", plant: (p) => p.write("content/writing/open.md", "---\ntitle: Open\n\nNo closing line.\n"), message: /open\.md/ },
];

describe("hostile or broken input", () => {
  it.each(REFUSED)("stops before the first write with a clear error on $name", async ({ plant, message }) => {
    project = await createTestProject();
    await plant(project);
    const run = await project.cli("push");
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(1);
    expect(output).toMatch(message);
    expect(output).toContain("nothing was sent to Intercom");
    expect(output).not.toContain("This is a bug");
    expect(project.takeWrites()).toEqual([]);
    expect((globalThis as { __pwned?: string }).__pwned).toBeUndefined();
    // Nothing was created outside the project either.
    expect((await readdir(outside)).sort()).toEqual(["logo.png", "secret.md"]);
  }, 60_000);

  it("ignores a named pipe posing as markdown instead of hanging on it", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    execFileSync("mkfifo", [path.join(project.dir, "content/writing/pipe.md")]);
    const run = await project.cli("push");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/0 errors, 1 warning in 1 file.*intercom-sync check/s);
    const verbose = await project.cli("push", "--verbose");
    expect(verbose.stderr).toMatch(/pipe\.md.*not a regular file/s);
    expect(project.state().articles).toHaveLength(tree.articles);
  });

  it("refuses markdown nested a hundred thousand levels deep with an error, and keeps the text of realistic nesting", async () => {
    project = await createTestProject();
    await project.write("content/writing/nested.md", article("title: Nested", `${"> ".repeat(100_000)}deep\n\n${"- ".repeat(20_000)}list\n`));
    await project.write("content/writing/quoted.md", article("title: Quoted", `${"> ".repeat(20)}quoted twenty deep\n\n- a\n  - b\n    - c\n`));
    const refused = await project.cli("push");
    expect(refused.stdout + refused.stderr).not.toContain("This is a bug");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/content\/writing\/nested\.md[\s\S]*render\/nesting-too-deep/);
    expect(project.takeWrites()).toEqual([]);

    await project.remove("content/writing/nested.md");
    const run = await project.cli("push");
    expect(run.code, run.stderr).toBe(0);
    const quoted = project.state().articles.find((a) => a.locales.en?.title === "Quoted");
    expect(quoted?.locales.en?.body).toContain("quoted twenty deep");
  });

  it("pushes files and folders named with spaces and unicode correctly, and then nothing more", async () => {
    project = await createTestProject();
    await project.write("content/Ärger mit Leerzeichen/_collection.md", "---\nname: Ärger mit Leerzeichen\n---\n");
    await project.write("content/Ärger mit Leerzeichen/naïve café – 東京.md", article("title: Naïve café – 東京 \u200f"));
    await project.write("locales/fr/Ärger mit Leerzeichen/naïve café – 東京.md", article("title: Café naïf – 東京"));
    await project.write("content/writing/see also.md", article("title: See also", "Read [the café](../Ärger%20mit%20Leerzeichen/naïve%20café%20–%20東京.md).\n"));
    const run = await project.cli("push");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const state = project.state();
    const cafe = state.articles.find((a) => a.locales.en?.title.startsWith("Naïve café – 東京"));
    expect(cafe?.locales.fr?.title).toBe("Café naïf – 東京");
    expect(state.collections.find((c) => c.id === cafe?.parentId)?.locales.en?.name).toBe("Ärger mit Leerzeichen");
    const seeAlso = state.articles.find((a) => a.locales.en?.title === "See also");
    expect(seeAlso?.locales.en?.body).toContain(`/articles/${cafe?.id}-`);
    project.takeWrites();
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});
