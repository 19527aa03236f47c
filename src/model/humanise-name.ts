/** A folder name as a collection name: `getting-started` -> `Getting started`. */
export function humaniseName(folder: string): string {
  const words = folder.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  if (words === "") return folder;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
