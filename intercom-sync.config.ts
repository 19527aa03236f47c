import { defineConfig } from "intercom-sync";

// The example help center that `npm start` syncs into the built-in emulator.
export default defineConfig({
  sourceLocale: "en",
  locales: ["fr", "de"],
  defaultState: "published",
  assetBaseUrl: "https://assets.lumen-notes.example/help/",
  onDelete: "unpublish",
});
