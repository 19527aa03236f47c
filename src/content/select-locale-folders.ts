import type { Diagnostic } from "../errors.js";
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
      diagnostics.push({
        code: "locale/source-folder",
        severity: "warning",
        message: `${file} is a folder for the source locale "${sourceLocale}"; it is ignored.`,
        hint: "Source files belong in the content dir; remove or rename this folder.",
        location: { file },
      });
    } else if (configured !== null) {
      if (configured.includes(folder)) locales.push(folder);
    } else if (isLocaleCode(folder)) {
      locales.push(folder);
    } else {
      const suggestion = suggestLocale(folder);
      diagnostics.push({
        code: "locale/unknown-folder",
        severity: "error",
        message: `${file} is not named after an Intercom locale code.`,
        hint: suggestion
          ? `Did you mean ${suggestion}? Rename the folder to ${localesDir}/${suggestion}.`
          : "Name locale folders with Intercom's codes (fr, de, pt-BR, zh-CN, ...), or list the folders to sync in the config's `locales`.",
        location: { file },
      });
    }
  }
  for (const locale of configured ?? []) {
    if (locales.includes(locale)) continue;
    const misspelt = folders.find((folder) => folder !== locale && suggestLocale(folder) === locale);
    diagnostics.push({
      code: "locale/missing-folder",
      severity: "warning",
      message: `The config lists locale "${locale}" but ${localesDir}/${locale} does not exist.`,
      hint: misspelt
        ? `Rename ${localesDir}/${misspelt} to ${localesDir}/${locale}.`
        : `Create ${localesDir}/${locale}/ or remove "${locale}" from the config's locales.`,
      location: { file: `${localesDir}/${locale}` },
    });
  }
  return { locales, diagnostics };
}
