import { defineEntry } from "./define-entry.js";

/** Codes of `preview`: the local help center and its static copy. */
export const PREVIEW_ERRORS = {
  "preview/port-in-use": defineEntry({
    severity: "error",
    summary: "preview cannot listen on the port asked for: something else already does.",
    message: (d: { host: string; port: number }) => `Port ${d.port} on ${d.host} is already in use; the preview cannot listen there.`,
    hint: "Stop what uses it, or pick another port with --port N (--port 0 picks a free one).",
  }),
  "preview/listen-failed": defineEntry({
    severity: "error",
    summary: "preview could not start its server on the host and port asked for.",
    message: (d: { host: string; port: number; reason: string }) => `The preview cannot listen on ${d.host}:${d.port}: ${d.reason}.`,
    hint: "Check --host (an address of this machine, 127.0.0.1 by default) and --port.",
  }),
  "preview/out-inside-tree": defineEntry({
    severity: "error",
    summary: "preview --out names a folder inside content/ or locales/, where the pages would be read as content.",
    message: (d: { out: string; dir: string }) => `--out ${d.out} is inside ${d.dir}/: the written pages would become part of the help center's files.`,
    hint: "Write the site outside the content and locales folders, e.g. --out preview-site.",
  }),
  "preview/out-not-folder": defineEntry({
    severity: "error",
    summary: "preview --out names a file, not a folder.",
    message: (d: { out: string }) => `--out ${d.out} is a file, not a folder; nothing was written.`,
    hint: "Name a folder (it is created when missing).",
  }),
};
