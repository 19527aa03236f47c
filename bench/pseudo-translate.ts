import { hashString } from "./prng.js";

/**
 * Pseudo-translation: recognisably "another language" (accents, other scripts, CJK) while keeping
 * every markdown-significant character as it was, so a translated body has the same structure,
 * links and images as its source. Only letters are rewritten; spaces and punctuation are kept.
 */

/** Common English words replaced by a real equivalent, so Latin-script text reads as translated. */
const FUNCTION_WORDS: Record<string, Record<string, string>> = {
  fr: { the: "le", and: "et", to: "à", with: "avec", your: "votre", a: "un", for: "pour", in: "dans", you: "vous" },
  de: { the: "der", and: "und", to: "zu", with: "mit", your: "Ihr", a: "ein", for: "für", in: "im", you: "Sie" },
  es: { the: "el", and: "y", to: "a", with: "con", your: "su", a: "un", for: "para", in: "en", you: "usted" },
  it: { the: "il", and: "e", to: "a", with: "con", your: "tuo", a: "un", for: "per", in: "nel", you: "tu" },
  pt: { the: "o", and: "e", to: "para", with: "com", your: "seu", a: "um", for: "por", in: "no", you: "você" },
  nl: { the: "de", and: "en", to: "naar", with: "met", your: "uw", a: "een", for: "voor", in: "in", you: "u" },
};

/** Vowel accents per Latin-script locale; locales not listed get the generic table. */
const ACCENTS: Record<string, Record<string, string>> = {
  fr: { a: "à", e: "é", i: "î", o: "ô", u: "ù" },
  de: { a: "ä", o: "ö", u: "ü", e: "ë", i: "ï" },
  es: { a: "á", e: "é", i: "í", o: "ó", n: "ñ" },
  pt: { a: "ã", e: "ê", o: "õ", c: "ç" },
  pl: { a: "ą", e: "ę", o: "ó", s: "ś", z: "ż" },
  cs: { e: "ě", r: "ř", s: "š", z: "ž" },
  tr: { g: "ğ", s: "ş", i: "ı", o: "ö" },
  vi: { a: "ạ", e: "ế", o: "ở", u: "ư" },
  generic: { a: "å", e: "ë", o: "ø", u: "ū" },
};

const CYRILLIC = [..."абцдефгхийклмнопкрстувшхыз"];
const GREEK = [..."αβψδεφγηιξκλμνοπκρστθωςχυζ"];
const ARABIC = [..."ابتثجحخدذرزسشصضطظعغفقكلمنه"];
const HEBREW = [..."אבגדהוזחטיכלמנסעפצקרשתךםןף"];
const KANA = [..."設定管理画面請求書支払方法確認変更削除追加検索共有のをにはがでとしますあいうえおかきくけこ"];
const HANZI = [..."设置管理账户发票支付方式确认更改删除添加搜索共享的是在和了有这个用户团队报告数据安全"];
const HANZI_TRADITIONAL = [..."設置管理帳戶發票支付方式確認更改刪除添加搜尋共享的是在和了有這個用戶團隊報告數據安全"];
const HANGUL_START = 0xac00;
const HANGUL_COUNT = 11172;

const SCRIPT_BY_LOCALE: Record<string, readonly string[]> = {
  ru: CYRILLIC, bg: CYRILLIC, sr: CYRILLIC, mn: CYRILLIC, el: GREEK, ar: ARABIC, he: HEBREW,
};

const CJK_BY_LOCALE: Record<string, readonly string[]> = { ja: KANA, "zh-CN": HANZI, "zh-TW": HANZI_TRADITIONAL };

/** Pseudo-translates `text` into `locale`. Pure: the same text and locale give the same string. */
export function translateText(text: string, locale: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => translateWord(word, locale));
}

function translateWord(word: string, locale: string): string {
  const cjk = CJK_BY_LOCALE[locale];
  if (cjk !== undefined) return pickChars(word, cjk, 1 + (word.length % 3));
  if (locale === "ko") return hangulWord(word);
  const script = SCRIPT_BY_LOCALE[locale];
  if (script !== undefined) return mapLetters(word, script);
  const base = locale.split("-")[0] ?? locale;
  const replacement = FUNCTION_WORDS[base]?.[word.toLowerCase()];
  if (replacement !== undefined) return matchCase(word, replacement);
  return accentWord(word, ACCENT_PATTERNS.get(base) ?? GENERIC_ACCENTS);
}

interface AccentPattern {
  letters: RegExp;
  accents: Record<string, string>;
}

function toPattern(accents: Record<string, string>): AccentPattern {
  return { letters: new RegExp(`[${Object.keys(accents).join("")}]`), accents };
}

const ACCENT_PATTERNS = new Map(Object.entries(ACCENTS).map(([locale, accents]) => [locale, toPattern(accents)]));
const GENERIC_ACCENTS = toPattern(ACCENTS.generic ?? {});

/** Accents the first letter that has an accented form: words stay readable and close in length. */
function accentWord(word: string, pattern: AccentPattern): string {
  return word.replace(pattern.letters, (letter) => pattern.accents[letter] ?? letter);
}

function mapLetters(word: string, letters: readonly string[]): string {
  let out = "";
  for (const letter of word.toLowerCase()) out += letters[letter.charCodeAt(0) - 97] ?? letter;
  return out;
}

function pickChars(word: string, chars: readonly string[], count: number): string {
  let hash = hashString(word.toLowerCase());
  let out = "";
  for (let i = 0; i < count; i++) {
    out += chars[hash % chars.length] ?? "";
    hash = Math.floor(hash / chars.length) + i * 7919;
  }
  return out;
}

function hangulWord(word: string): string {
  const hash = hashString(word.toLowerCase());
  const first = String.fromCharCode(HANGUL_START + (hash % HANGUL_COUNT));
  const second = String.fromCharCode(HANGUL_START + ((hash >>> 8) % HANGUL_COUNT));
  return word.length > 3 ? first + second : first;
}

function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first === first.toUpperCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
