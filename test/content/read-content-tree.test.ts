import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/validate-config.js";
import type { ResolvedConfig } from "../../src/config/types.js";
import { MAX_MARKDOWN_BYTES } from "../../src/content/read-text-file.js";
import { readContentTree } from "../../src/content/read-content-tree.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("readContentTree", () => {
  let root: string;
  let outside: string;

  async function write(relative: string, data: string | Uint8Array): Promise<void> {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }

  function configFor(locales: string[] | null = null): ResolvedConfig {
    return resolveConfig(locales === null ? {} : { locales }, root, null);
  }

  function codeAt(tree: Awaited<ReturnType<typeof readContentTree>>, file: string): string[] {
    return tree.diagnostics.filter((diagnostic) => diagnostic.location.file === file).map((diagnostic) => diagnostic.code);
  }

  beforeEach(async () => {
    root = await createTempDir("tree");
    outside = await createTempDir("outside");
  });
  afterEach(async () => {
    await removeTempDir(root);
    await removeTempDir(outside);
  });

  it("lists markdown and assets with project-relative POSIX paths, sorted", async () => {
    await write("content/b.md", "# B\n");
    await write("content/guide/a.md", "# A\n");
    await write("content/guide/img/shot.png", new Uint8Array([137, 80, 78, 71, 0, 1]));
    await write("locales/fr/guide/a.md", "# A fr\n");
    const tree = await readContentTree(configFor());
    expect(tree.markdown.map((file) => [file.file, file.locale, file.relativePath])).toEqual([
      ["content/b.md", "en", "b.md"],
      ["content/guide/a.md", "en", "guide/a.md"],
      ["locales/fr/guide/a.md", "fr", "guide/a.md"],
    ]);
    expect(tree.assets).toEqual(["content/guide/img/shot.png"]);
    expect(tree.locales).toEqual(["fr"]);
    expect(tree.diagnostics).toEqual([]);
  });

  it("strips a byte-order mark and normalises CRLF", async () => {
    await write("content/bom.md", "\uFEFF---\r\ntitle: Hi\r\n---\r\nText\r\n");
    const tree = await readContentTree(configFor());
    expect(tree.markdown[0]?.text).toBe("---\ntitle: Hi\n---\nText\n");
  });

  it("reads file names with spaces and unicode", async () => {
    await write("content/Ünïcödé guide/mañana y tarde.md", "# Hola\n");
    const tree = await readContentTree(configFor());
    expect(tree.markdown.map((file) => file.relativePath)).toEqual(["Ünïcödé guide/mañana y tarde.md"]);
    expect(tree.diagnostics).toEqual([]);
  });

  it("refuses binary, invalid UTF-8 and oversized files, each with a diagnostic", async () => {
    await write("content/binary.md", new Uint8Array([35, 32, 0, 1, 2]));
    await write("content/latin1.md", new Uint8Array([35, 10, 10, 99, 97, 102, 0xe9, 10]));
    await write("content/huge.md", new Uint8Array(MAX_MARKDOWN_BYTES + 1).fill(97));
    await write("content/ok.md", "# OK\n");
    const tree = await readContentTree(configFor());
    expect(codeAt(tree, "content/binary.md")).toEqual(["content/binary"]);
    expect(codeAt(tree, "content/latin1.md")).toEqual(["content/invalid-utf8"]);
    expect(tree.diagnostics.find((diagnostic) => diagnostic.code === "content/invalid-utf8")?.location.line).toBe(3);
    expect(codeAt(tree, "content/huge.md")).toEqual(["content/too-large"]);
    expect(tree.markdown.map((file) => file.file)).toEqual(["content/ok.md"]);
    expect(tree.unreadable).toEqual(["content/binary.md", "content/huge.md", "content/latin1.md"]);
  });

  it("refuses symlinks that lead outside the project and reads those that stay inside", async () => {
    await writeFile(path.join(outside, "secret.md"), "# secret\n");
    await write("content/real.md", "# Real\n");
    await symlink(path.join(outside, "secret.md"), path.join(root, "content/leak.md"));
    await symlink(path.join(root, "content/real.md"), path.join(root, "content/alias.md"));
    await symlink(outside, path.join(root, "content/linked-folder"));
    const tree = await readContentTree(configFor());
    expect(codeAt(tree, "content/leak.md")).toEqual(["content/symlink-outside"]);
    expect(codeAt(tree, "content/linked-folder")).toEqual(["content/symlink-outside"]);
    expect(tree.markdown.map((file) => file.file)).toEqual(["content/alias.md", "content/real.md"]);
    expect(tree.markdown.some((file) => file.text.includes("secret"))).toBe(false);
  });

  it("reports a broken symlink", async () => {
    await mkdir(path.join(root, "content"), { recursive: true });
    await symlink(path.join(root, "nowhere.md"), path.join(root, "content/broken.md"));
    const tree = await readContentTree(configFor());
    expect(codeAt(tree, "content/broken.md")).toEqual(["content/broken-symlink"]);
  });

  it.skipIf(process.platform === "win32")("ignores a FIFO instead of blocking on it", async () => {
    await write("content/ok.md", "# OK\n");
    execFileSync("mkfifo", [path.join(root, "content/pipe.md")]);
    const tree = await readContentTree(configFor());
    expect(codeAt(tree, "content/pipe.md")).toEqual(["content/not-a-file"]);
    expect(tree.markdown).toHaveLength(1);
  });

  it("reports unknown locale folders with a suggestion, and skips them", async () => {
    await write("content/a.md", "# A\n");
    await write("locales/pt_BR/a.md", "# A\n");
    await write("locales/de/a.md", "# A\n");
    const tree = await readContentTree(configFor());
    expect(tree.locales).toEqual(["de"]);
    const unknown = tree.diagnostics.find((diagnostic) => diagnostic.code === "locale/unknown-folder");
    expect(unknown?.location.file).toBe("locales/pt_BR");
    expect(unknown?.hint).toContain("pt-BR");
    expect(tree.markdown.map((file) => file.file)).toEqual(["content/a.md", "locales/de/a.md"]);
  });

  it("reads only the configured locales and warns about configured ones that are missing", async () => {
    await write("content/a.md", "# A\n");
    await write("locales/de/a.md", "# A\n");
    await write("locales/fr/a.md", "# A\n");
    await write("locales/pt_BR/a.md", "# A\n");
    const tree = await readContentTree(configFor(["fr", "pt-BR"]));
    expect(tree.locales).toEqual(["fr"]);
    const missing = tree.diagnostics.filter((diagnostic) => diagnostic.code === "locale/missing-folder");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.severity).toBe("warning");
    expect(missing[0]?.hint).toBe("Rename locales/pt_BR to locales/pt-BR.");
    expect(tree.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  it("reports a missing content dir instead of throwing", async () => {
    const tree = await readContentTree(configFor());
    expect(tree.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["content/missing-dir"]);
    expect(tree.markdown).toEqual([]);
  });

  it("does not read a locales dir nested in the content dir as source articles", async () => {
    await write("a.md", "# A\n");
    await write("locales/fr/a.md", "# A\n");
    const tree = await readContentTree(resolveConfig({ contentDir: "." }, root, null));
    expect(tree.markdown.map((file) => [file.file, file.locale, file.relativePath])).toEqual([
      ["a.md", "en", "a.md"],
      ["locales/fr/a.md", "fr", "a.md"],
    ]);
  });

  it("skips hidden files and folders", async () => {
    await write("content/.DS_Store", "x");
    await write("content/.drafts/secret.md", "# no\n");
    await write("content/a.md", "# A\n");
    const tree = await readContentTree(configFor());
    expect(tree.markdown.map((file) => file.file)).toEqual(["content/a.md"]);
    expect(tree.assets).toEqual([]);
  });
});
