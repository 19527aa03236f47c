import { defineEntry } from "./define-entry.js";

/** Front matter, collection, article, key and translation codes: what building the model finds. */
export const MODEL_ERRORS = {
  "frontmatter/unclosed": defineEntry({
    severity: "error",
    summary: "Front matter opened with --- is never closed.",
    message: () => "The front matter starts with --- but never ends.",
    hint: "Close it with a line holding only ---.",
  }),
  "frontmatter/javascript": defineEntry({
    severity: "error",
    summary: "JavaScript front matter (---js); it is never run.",
    message: () => "JavaScript front matter is not allowed; it was not run.",
    hint: "Write the front matter in YAML: start the file with a line holding only ---.",
  }),
  "frontmatter/language": defineEntry({
    severity: "error",
    summary: "Front matter in a language other than YAML/JSON (---toml).",
    message: (d: { language: string }) => `Front matter in "${d.language}" is not supported.`,
    hint: "Write the front matter in YAML: start the file with a line holding only ---.",
  }),
  "frontmatter/yaml-syntax": defineEntry({
    severity: "error",
    summary: "Invalid YAML, including duplicate keys.",
    message: (d: { reason: string }) => `Invalid YAML: ${d.reason}.`,
    hint: "Fix the YAML syntax of the front matter.",
  }),
  "frontmatter/yaml-tag": defineEntry({
    severity: "error",
    summary: "A custom YAML tag (!!js/function, !!binary, ...).",
    message: (d: { reason: string }) => `Custom YAML tags are not allowed in front matter (${d.reason}).`,
    hint: "Remove the tag (the `!!...` before the value).",
  }),
  "frontmatter/yaml-aliases": defineEntry({
    severity: "error",
    summary: "Too many YAML aliases expanded (a YAML bomb).",
    message: (d: { reason: string; limit: number }) => `The front matter expands too many YAML aliases (${d.reason}).`,
    hint: (d) => `Write the values out; at most ${d.limit} aliases are expanded.`,
  }),
  "frontmatter/not-a-mapping": defineEntry({
    severity: "error",
    summary: "Front matter that is a list or a scalar, not key: value lines.",
    message: () => "The front matter must be a set of `key: value` lines.",
    hint: "Write fields such as `title: Install the app`.",
  }),
  "frontmatter/unknown-key": defineEntry({
    severity: "warning",
    summary: "A key the file type does not use; suggests the closest known key.",
    message: (d: { key: string; suggestion: string | undefined; known: readonly string[] }) => `Unknown front matter key "${d.key}"; it is ignored.`,
    hint: (d) => d.suggestion ?? `Known keys here: ${d.known.join(", ")}.`,
  }),
  "frontmatter/missing-field": defineEntry({
    severity: "error",
    summary: "A required field (title, name) is missing or empty.",
    message: (d: { key: string; empty: boolean }) => (d.empty ? `"${d.key}" is empty; it is required.` : `The front matter has no "${d.key}"; it is required.`),
    hint: (d) => (d.empty ? undefined : `Add a line \`${d.key}: ...\` between the --- lines at the top of the file.`),
  }),
  "frontmatter/invalid-type": defineEntry({
    severity: "error",
    summary: "A field has the wrong type (author_id not an integer, title a list).",
    message: (d: { key: string; got: string; expected: "text" | "hash" | "author" | "redirects"; quotedId?: boolean }) => {
      if (d.expected === "author") return `"${d.key}" must be a positive whole number (an Intercom admin id); got ${d.got}.`;
      if (d.expected === "redirects") return `"${d.key}" must be a list of paths, URLs or article keys; got ${d.got}.`;
      return `"${d.key}" must be text; got ${d.got}.`;
    },
    hint: (d) => {
      if (d.expected === "text") return "Quote the value if it contains special characters.";
      if (d.expected === "hash") return "Let `intercom-sync stamp` write it.";
      if (d.expected === "redirects") return `Write \`${d.key}: [/old/page]\`.`;
      return d.quotedId ? "Write the id without quotes." : undefined;
    },
  }),
  "frontmatter/invalid-redirect": defineEntry({
    severity: "error",
    summary: "A redirect_from entry is neither a path, an absolute URL nor an article key.",
    message: (d: { key: string; entry: string }) =>
      `"${d.key}" entry "${d.entry}" is neither a path (/old/page), an absolute URL nor an article key (guides/old-page).`,
    hint: "Paths start with /, URLs with https://, keys are paths under content/ without .md.",
  }),
  "frontmatter/invalid-value": defineEntry({
    severity: "error",
    summary: "A field has a value outside its set (state: publish).",
    message: (d: { key: string; got: string; suggestion: string | undefined }) => `"${d.key}" must be "published" or "draft"; got ${d.got}.`,
    hint: (d) => d.suggestion,
  }),
  "collection/missing-file": defineEntry({
    severity: "warning",
    summary: "A folder with articles has no _collection.md; its name is humanised.",
    message: (d: { folder: string; name: string }) => `${d.folder}/ has no _collection.md; its name is assumed to be "${d.name}".`,
    hint: (d) => `Create ${d.folder}/_collection.md with front matter \`name: ${d.name}\`.`,
  }),
  "collection/too-deep": defineEntry({
    severity: "error",
    summary: "Collections nested deeper than Intercom allows (3 levels).",
    message: (d: { folder: string; depth: number; limit: number }) =>
      `${d.folder} is nested ${d.depth} folders deep; Intercom allows at most ${d.limit} levels of collections.`,
    hint: "Move its articles up into a shallower folder.",
  }),
  "collection/body-ignored": defineEntry({
    severity: "warning",
    summary: "A _collection.md has text below its front matter; it is ignored.",
    message: () => "A _collection.md holds front matter only; the text below it is ignored.",
    hint: "Move the text into an article, or into the `description` field.",
  }),
  "collection/root-file": defineEntry({
    severity: "warning",
    summary: "A _collection.md at the top of the content dir; it is ignored.",
    message: (d: { file: string }) => `${d.file} describes the content folder itself, which is not a collection; it is ignored.`,
    hint: "Move it into a folder to name that folder's collection.",
  }),
  "article/empty-body": defineEntry({
    severity: "warning",
    summary: "An article has no text.",
    message: () => "The article has no text below its front matter.",
    hint: "Write the article, or remove the file if it is not ready.",
  }),
  "key/duplicate": defineEntry({
    severity: "error",
    summary: "Two files map to the same key (names that differ only in Unicode normalisation).",
    message: (d: { kind: "source"; path: string; key: string; first: string } | { kind: "translation"; file: string; earlier: string }) =>
      d.kind === "source"
        ? `${d.path} has the same key "${d.key}" as ${d.first} (their names differ only in Unicode normalisation).`
        : `${d.file} translates the same file as ${d.earlier} (their names differ only in Unicode normalisation).`,
    hint: (d) => (d.kind === "source" ? "Keep one of the two; retype the name of the other." : "Keep one of the two."),
  }),
  "key/case-collision": defineEntry({
    severity: "error",
    summary: "Two keys differ only by case; they clash on macOS and Windows.",
    message: (d: { key: string; other: string }) => `"${d.key}" and "${d.other}" differ only by case; they would collide on macOS and Windows.`,
    hint: "Rename one of them so the names differ by more than case.",
  }),
  "key/article-collection-clash": defineEntry({
    severity: "error",
    summary: "An article and a folder have the same key (a.md next to a/).",
    message: (d: { article: string; folder: string; key: string }) => `The article ${d.article} and the folder ${d.folder}/ have the same key "${d.key}".`,
    hint: "Rename the article or the folder; a key must name one item.",
  }),
  "translation/no-source": defineEntry({
    severity: "warning",
    summary: "A translated article has no source at the same path; it is skipped.",
    message: (d: { file: string; key: string }) => `${d.file} has no source article at the same path; it is skipped.`,
    hint: (d) => `Translations mirror the content dir: the source would be "${d.key}.md". Move or delete this file.`,
  }),
  "translation/no-source-collection": defineEntry({
    severity: "warning",
    summary: "A translated _collection.md has no source collection; it is skipped.",
    message: (d: { file: string }) => `${d.file} translates a collection that does not exist in the source locale; it is skipped.`,
    hint: "Move it to the folder of an existing collection, or delete it.",
  }),
};
