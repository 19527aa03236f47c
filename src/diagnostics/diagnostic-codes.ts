import type { Severity } from "../errors.js";

export interface DiagnosticCodeInfo {
  severity: Severity;
  /** What the code means, for the README table. */
  meaning: string;
}

/**
 * Every diagnostic code that config, reading, parsing and the model emit. Codes are permanent:
 * users grep for them and CI filters on them, so a code is never renamed or reused. (Renderer
 * codes live with the renderer.)
 */
export const DIAGNOSTIC_CODES: Readonly<Record<string, DiagnosticCodeInfo>> = {
  "config/invalid": { severity: "error", meaning: "A config field is unknown, of the wrong type or out of range." },
  "config/not-found": { severity: "error", meaning: "The file given with --config does not exist." },
  "config/load-failed": { severity: "error", meaning: "The config file could not be evaluated (syntax error, exception)." },
  "content/missing-dir": { severity: "error", meaning: "The content dir does not exist." },
  "content/too-large": { severity: "error", meaning: "A markdown file is over the size limit (5 MB); it is not read." },
  "content/binary": { severity: "error", meaning: "A .md file contains NUL bytes." },
  "content/invalid-utf8": { severity: "error", meaning: "A .md file is not valid UTF-8." },
  "content/unreadable": { severity: "error", meaning: "A file or folder could not be read (permissions, I/O error)." },
  "content/broken-symlink": { severity: "error", meaning: "A symbolic link points at nothing." },
  "content/symlink-outside": { severity: "error", meaning: "A symbolic link leads outside the project; it is not read." },
  "content/symlink-folder": { severity: "warning", meaning: "A symbolic link to a folder; linked folders are not followed." },
  "content/not-a-file": { severity: "warning", meaning: "A FIFO, socket or device in the tree; it is ignored." },
  "content/changed-during-run": { severity: "error", meaning: "A file a push sends changed or disappeared after it was read; nothing was sent." },
  "locale/unknown-folder": { severity: "error", meaning: "A locale folder is not an Intercom locale code (suggests the right one)." },
  "locale/missing-folder": { severity: "warning", meaning: "A locale listed in the config has no folder." },
  "locale/source-folder": { severity: "warning", meaning: "A folder for the source locale under the locales dir; it is ignored." },
  "frontmatter/unclosed": { severity: "error", meaning: "Front matter opened with --- is never closed." },
  "frontmatter/javascript": { severity: "error", meaning: "JavaScript front matter (---js); it is never run." },
  "frontmatter/language": { severity: "error", meaning: "Front matter in a language other than YAML/JSON (---toml)." },
  "frontmatter/yaml-syntax": { severity: "error", meaning: "Invalid YAML, including duplicate keys." },
  "frontmatter/yaml-tag": { severity: "error", meaning: "A custom YAML tag (!!js/function, !!binary, ...)." },
  "frontmatter/yaml-aliases": { severity: "error", meaning: "Too many YAML aliases expanded (a YAML bomb)." },
  "frontmatter/not-a-mapping": { severity: "error", meaning: "Front matter that is a list or a scalar, not key: value lines." },
  "frontmatter/unknown-key": { severity: "warning", meaning: "A key the file type does not use; suggests the closest known key." },
  "frontmatter/missing-field": { severity: "error", meaning: "A required field (title, name) is missing or empty." },
  "frontmatter/invalid-type": { severity: "error", meaning: "A field has the wrong type (author_id not an integer, title a list)." },
  "frontmatter/invalid-value": { severity: "error", meaning: "A field has a value outside its set (state: publish)." },
  "frontmatter/invalid-redirect": { severity: "error", meaning: "A redirect_from entry is neither a path (/old/page), an absolute URL nor an article key." },
  "collection/missing-file": { severity: "warning", meaning: "A folder with articles has no _collection.md; its name is humanised." },
  "collection/too-deep": { severity: "error", meaning: "Collections nested deeper than Intercom allows (3 levels)." },
  "collection/body-ignored": { severity: "warning", meaning: "A _collection.md has text below its front matter; it is ignored." },
  "collection/root-file": { severity: "warning", meaning: "A _collection.md at the top of the content dir; it is ignored." },
  "article/empty-body": { severity: "warning", meaning: "An article has no text." },
  "key/duplicate": { severity: "error", meaning: "Two files map to the same key (names that differ only in Unicode normalisation)." },
  "key/case-collision": { severity: "error", meaning: "Two keys differ only by case; they clash on macOS and Windows." },
  "key/article-collection-clash": { severity: "error", meaning: "An article and a folder have the same key (a.md next to a/)." },
  "translation/no-source": { severity: "warning", meaning: "A translated article has no source at the same path; it is skipped." },
  "translation/no-source-collection": { severity: "warning", meaning: "A translated _collection.md has no source collection; it is skipped." },
};
