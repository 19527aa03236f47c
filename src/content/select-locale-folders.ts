import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { isLocaleCode, suggestLocale } from "../locales.js";

export interface LocaleFolderSelection {
  /** Folder names to read as translations, sorted. */
  locales: string[];
  diagnostics: Diagnostic[];
}

/**
 * Decides which folders under the locales dir are translations to read. Pure.
 * - With `configured` null every folder is read, and a folder that is not an Intercom code is an
 *   error with a suggestion (`pt_BR` -> `pt-BR`).
 * - With `configured` set, other folders are ignored, and a configured locale without a folder is
 *   a warning (pointing at a misspelt folder when there is one).
 *
 * @param folders names of the folders found under the locales dir
 * @param localesDir project-relative path of the locales dir, for locations
 */
export function selectLocaleFolders(
  folders: readonly string[],
  configured: readonly string[] | null,
  sourceLocale: string,
  localesDir: string,
): LocaleFolderSelection {
  const diagnostics: Diagnostic[] = [];
  const locales: string[] = [];
  for (const folder of [...folders].sort()) {
    const file = `${localesDir}/${folder}`;
    if (folder === sourceLocale) {
      diagnostics.push(diagnostic("locale/source-folder", { file, sourceLocale }, { file }));
    } else if (configured !== null) {
      if (configured.includes(folder)) locales.push(folder);
    } else if (isLocaleCode(folder)) {
      locales.push(folder);
    } else {
      const suggestion = suggestLocale(folder);
      diagnostics.push(diagnostic("locale/unknown-folder", { file, localesDir, suggestion }, { file }));
    }
  }
  for (const locale of configured ?? []) {
    if (locales.includes(locale)) continue;
    const misspelt = folders.find((folder) => folder !== locale && suggestLocale(folder) === locale);
    diagnostics.push(diagnostic("locale/missing-folder", { locale, localesDir, misspelt }, { file: `${localesDir}/${locale}` }));
  }
  return { locales, diagnostics };
}
