/** Intercom's 37 help-center locale codes, exactly as the API spells them. */
export const LOCALES = [
  "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu",
  "id", "it", "ja", "ko", "lt", "lv", "mn", "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv",
  "tr", "vi", "pt-BR", "zh-CN", "zh-TW",
] as const;

export type LocaleCode = (typeof LOCALES)[number];

const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);

export function isLocaleCode(value: string): value is LocaleCode {
  return LOCALE_SET.has(value);
}

/**
 * The locale code a user most likely meant by `value` (`pt_BR` -> `pt-BR`, `zh-cn` -> `zh-CN`),
 * or undefined when nothing is close.
 */
export function suggestLocale(value: string): LocaleCode | undefined {
  const normalised = value.replace(/_/g, "-").toLowerCase();
  return LOCALES.find((code) => code.toLowerCase() === normalised);
}
