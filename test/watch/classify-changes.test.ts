import { describe, expect, it } from "vitest";
import { classifyChanges } from "../../src/watch/classify-changes.js";
import type { FileEvent } from "../../src/watch/types.js";

const root = "/project";

function classify(events: FileEvent[], known: string[] = ["content/welcome.md", "locales/fr/welcome.md"]) {
  return classifyChanges({
    events,
    rootDir: root,
    contentDir: `${root}/content`,
    localesDir: `${root}/locales`,
    configFiles: [`${root}/intercom-sync.config.ts`],
    knownMarkdown: new Set(known),
  });
}

describe("classifyChanges", () => {
  it("re-reads only a changed file the tree knows, without listing the tree again", () => {
    expect(classify([{ kind: "change", path: `${root}/content/welcome.md` }])).toEqual({
      configChanged: false,
      rescan: false,
      reread: ["content/welcome.md"],
      changed: ["content/welcome.md"],
    });
  });

  it("lists the tree again when a file is added or removed, since links resolve against the set of files", () => {
    const added = classify([{ kind: "add", path: `${root}/content/new.md` }]);
    expect(added).toMatchObject({ rescan: true, reread: ["content/new.md"] });
    const removed = classify([{ kind: "unlink", path: `${root}/locales/fr/welcome.md` }]);
    expect(removed).toMatchObject({ rescan: true, changed: ["locales/fr/welcome.md"] });
  });

  it("lists the tree again for folders, and for a changed file it did not know", () => {
    expect(classify([{ kind: "addDir", path: `${root}/content/recipes` }])).toMatchObject({ rescan: true, changed: ["content/recipes/"] });
    expect(classify([{ kind: "unlinkDir", path: `${root}/content/old` }]).rescan).toBe(true);
    expect(classify([{ kind: "change", path: `${root}/content/unknown.md` }]).rescan).toBe(true);
  });

  it("flags the config and ignores hidden files, node_modules, changed assets and paths outside the tree", () => {
    const plan = classify([
      { kind: "change", path: `${root}/intercom-sync.config.ts` },
      { kind: "add", path: `${root}/content/.welcome.md.swp` },
      { kind: "add", path: `${root}/content/node_modules/x.md` },
      { kind: "change", path: `${root}/content/images/screen.png` },
      { kind: "change", path: `${root}/README.md` },
    ]);
    expect(plan).toEqual({ configChanged: true, rescan: false, reread: [], changed: [] });
  });

  it("still lists an added or removed asset, because images resolve against it", () => {
    expect(classify([{ kind: "add", path: `${root}/content/images/new.png` }])).toMatchObject({ rescan: true, reread: [], changed: ["content/images/new.png"] });
  });
});
