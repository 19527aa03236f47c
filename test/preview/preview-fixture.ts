/**
 * The project the browser tests preview: a copy of the example, with a Hebrew locale, an article
 * with a callout, a table, an image and links, a check warning, and a French translation stamped
 * against an older committed source (so the dashboard can show what changed).
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { visibleSourceText } from "../../src/preview/source-history.js";
import { repositoryRoot } from "../support/project.js";
import { createTempDir } from "../support/temp-dir.js";

const git = promisify(execFile);

export const TOUR = `---
title: A tour of the editor
description: Callouts, tables, images and links in one page.
---
The editor shows your notes as you write them.

![The sidebar](images/plan-output.png)

| Key | Does |
|---|---|
| Ctrl+B | Bold |
| Ctrl+K | Link |

> [!WARNING]
> Unsaved notes are lost when you close the window.

https://www.youtube.com/watch?v=dQw4w9WgXcQ

<div class="intercom-container"><a class="intercom-h2b-button" href="https://lumen.example/download">Download Lumen</a></div>

Next, read [Your first notebook](first-notebook.md).
`;

const HEBREW_WELCOME = `---
title: ברוכים הבאים ל-Lumen
description: מה זה Lumen ואיפה להתחיל.
---
Lumen שומר את הפתקים, המשימות והקבצים שלך במקום אחד.
`;

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, "utf8")));
}

/** A new project folder (a git repository with two commits); the caller removes it. */
export async function createPreviewProject(): Promise<string> {
  const dir = await createTempDir("preview");
  await cp(path.join(repositoryRoot, "content"), path.join(dir, "content"), { recursive: true });
  await cp(path.join(repositoryRoot, "locales"), path.join(dir, "locales"), { recursive: true });
  await writeFile(
    path.join(dir, "intercom-sync.config.json"),
    JSON.stringify({ sourceLocale: "en", locales: ["fr", "de", "he"], defaultState: "published", assetBaseUrl: "https://assets.example/help/" }),
  );
  await writeFile(path.join(dir, "content/getting-started/tour.md"), TOUR);
  await mkdir(path.join(dir, "locales/he"));
  await writeFile(path.join(dir, "locales/he/welcome.md"), HEBREW_WELCOME);
  await edit(dir, "content/writing/attachments.md", (text) => `${text}\nSee [the old page](gone.md).\n`);
  // The French install guide follows this version of the source...
  const source = await readFile(path.join(dir, "content/getting-started/install.md"), "utf8");
  const { hash } = visibleSourceText(source, "content/getting-started/install.md", "content", "locales");
  await edit(dir, "locales/fr/getting-started/install.md", (text) => text.replace(/^---\n/, `---\nsource_hash: ${hash}\n`));
  const run = (...args: string[]) => git("git", args, { cwd: dir });
  await run("init", "-q");
  await run("-c", "user.name=Preview Test", "-c", "user.email=preview@example.com", "add", ".");
  await run("-c", "user.name=Preview Test", "-c", "user.email=preview@example.com", "commit", "-qm", "first version");
  // ...which then changed.
  await edit(dir, "content/getting-started/install.md", (text) => text.replace("Lumen runs on macOS, Windows, Linux, iOS and Android.", "Lumen runs on macOS, Windows, Linux, ChromeOS, iOS and Android."));
  await run("-c", "user.name=Preview Test", "-c", "user.email=preview@example.com", "commit", "-qam", "ChromeOS");
  return dir;
}
