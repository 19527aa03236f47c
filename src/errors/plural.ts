/**
 * Counted nouns for messages: `plural(1, "file")` is "1 file", `plural(2, "file")` "2 files".
 * In errors/ (the base layer) so that catalog messages and every formatter can share it.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
