// `intercom-sync stamp`: mark translations as following the current source (`source_hash`).
export { setSourceHash, formatSourceHashLine, type SetSourceHashResult } from "./set-source-hash.js";
export { findTranslationFiles, type FoundTranslations, type TranslationFile } from "./find-translation-files.js";
export { stampFiles, type StampedFile, type StampResult } from "./stamp-files.js";
