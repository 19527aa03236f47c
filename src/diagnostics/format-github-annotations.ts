import type { Diagnostic } from "../errors/sync-error.js";
import { toDisplayPath, type PathOptions } from "./display-path.js";

/** Escapes a workflow command's message, as the GitHub Actions runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command property value (`file=`, `title=`): also `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * One `::error file=…,line=…,col=…,title=CODE::message` line per diagnostic (`::warning` for
 * warnings), so GitHub shows the findings on the pull request's files. Paths are made relative to
 * `cwd` (the repository checkout) when given. Pure.
 */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[], options: PathOptions = {}): string {
  return diagnostics
    .map((diagnostic) => {
      const properties = [`file=${escapeProperty(toDisplayPath(diagnostic.location.file, options))}`];
      if (diagnostic.location.line !== undefined) properties.push(`line=${diagnostic.location.line}`);
      if (diagnostic.location.column !== undefined) properties.push(`col=${diagnostic.location.column}`);
      properties.push(`title=${escapeProperty(diagnostic.code)}`);
      const message = diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message;
      return `::${diagnostic.severity} ${properties.join(",")}::${escapeData(message)}`;
    })
    .join("\n");
}
