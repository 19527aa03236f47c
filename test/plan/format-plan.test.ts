import { describe, expect, it } from "vitest";
import { formatPlan } from "../../src/plan/format-plan.js";
import { formatPlanMarkdown } from "../../src/plan/format-plan-markdown.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { Plan } from "../../src/plan/types.js";
import { emptyLock } from "../../src/types.js";
import { article, collection, desiredState, emptyRemote, planInput, SYNCED_AT, syncedWorld } from "./builders.js";

function scenario(): Plan {
  const before = desiredState({
    locales: ["en", "fr"],
    collections: [collection("guides", "Guides")],
    articles: [
      article("guides/install", { body: "<p>i</p>" }, { fr: { body: "<p>f</p>" } }),
      article("guides/old", { body: "<p>o</p>" }),
      article("drifty", { body: "<p>d</p>" }),
    ],
  });
  const world = syncedWorld(before);
  const edited = world.remote.articles.find((a) => a.id === "a3")?.locales.en;
  if (edited === undefined) throw new Error("fixture");
  edited.updatedAt = SYNCED_AT + 5;
  edited.title = "Web";
  const after = desiredState({
    locales: ["en", "fr"],
    collections: [collection("guides", "Guides"), collection("guides/advanced", "Advanced")],
    articles: [
      article("guides/setup", { title: "Title of guides/install", body: "<p>i</p>" }, { fr: { title: "Installer", body: "<p>f</p>" } }),
      article("guides/advanced/new", { body: "<p>n</p>" }),
      article("drifty", { body: "<p>d</p>" }),
    ],
  });
  return planSync(planInput(after, world));
}

describe("formatPlan", () => {
  it("prints each item with its per-locale changes, then the summary", () => {
    expect(formatPlan(scenario(), { color: false })).toBe(
      [
        "+ collection guides/advanced (new collection)",
        "    + en",
        "→ article guides/install → guides/setup (same content at a new path)",
        "    ~ fr update: title",
        "+ article guides/advanced/new (new article)",
        "    + en · published",
        "? article drifty (changed in Intercom since the last push; run `intercom-sync pull` to keep it, or push --force to overwrite)",
        "    ? en drift: title",
        "- article guides/old (file removed (onDelete: unpublish))",
        "    - en state: published → draft",
        "",
        "Warning: The en article drifty was edited in Intercom since the last push; it is kept as is. (content/drifty.md)",
        "  Run `intercom-sync pull` to bring the edit into the files, or `push --force` to overwrite it.",
        "",
        "Plan: 2 to create, 0 to update, 1 to move, 1 to unpublish, 0 to delete; 1 drift, 0 conflicts.",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to do", () => {
    const desired = desiredState({ articles: [article("welcome")] });
    expect(formatPlan(planSync(planInput(desired, syncedWorld(desired))), { color: false })).toBe("No changes. Intercom matches the files.");
  });

  it("prints plan errors and that nothing will be written", () => {
    const desired = desiredState({ locales: ["en", "ja"], articles: [article("welcome", {}, { ja: {} })] });
    const text = formatPlan(planSync(planInput(desired, { remote: emptyRemote(["en"]), lock: emptyLock() })), { color: false });
    expect(text).toMatch(/^Error: Locale "ja" is not enabled on help center "Acme" \(enabled: en\)\. \(locales\/ja\)\n/);
    expect(text.endsWith("Plan failed with 1 error; nothing will be written.")).toBe(true);
  });

  it("adds colour only when asked", () => {
    const plan = scenario();
    expect(formatPlan(plan, { color: false })).not.toContain("\u001b[");
    expect(formatPlan(plan, { color: true })).toContain("\u001b[32m+ collection guides/advanced");
  });
});

describe("formatPlanMarkdown", () => {
  it("renders a table, the summary and the warnings", () => {
    expect(formatPlanMarkdown(scenario())).toBe(
      [
        "### intercom-sync plan",
        "",
        "| | Item | Action | Changes |",
        "|---|---|---|---|",
        "| + | `guides/advanced` (collection) | create | en add (name, description) |",
        "| → | `guides/install → guides/setup` (article) | move | fr update (title) |",
        "| + | `guides/advanced/new` (article) | create | en add (title, description, body, state, author) · published |",
        "| ? | `drifty` (article) | drift | en drift (title) |",
        "| - | `guides/old` (article) | unpublish | en update (state) |",
        "",
        "**Plan: 2 to create, 0 to update, 1 to move, 1 to unpublish, 0 to delete; 1 drift, 0 conflicts.**",
        "",
        "#### Warnings",
        "",
        "- `content/drifty.md`: The en article drifty was edited in Intercom since the last push; it is kept as is. Run `intercom-sync pull` to bring the edit into the files, or `push --force` to overwrite it.",
        "",
      ].join("\n"),
    );
  });

  it("says there are no changes for an empty plan", () => {
    const desired = desiredState({ articles: [article("welcome")] });
    expect(formatPlanMarkdown(planSync(planInput(desired, syncedWorld(desired))))).toBe("### intercom-sync plan\n\nNo changes. Intercom matches the files.\n");
  });
});
