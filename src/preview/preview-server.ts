/**
 * The preview's HTTP server: pages rendered from the current build on each request, the project's
 * images, and a server-sent event stream that tells open pages to reload after a rebuild.
 * Listens on 127.0.0.1 unless told otherwise; serves GET and HEAD only.
 */
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SyncError } from "../errors/sync-error.js";
import { escapeHtml } from "../render/escape.js";
import { EVENTS_PATH } from "./layout.js";
import { parseServerPath, serverUrlOf } from "./page-paths.js";
import { contentTypeOf, resolveAsset } from "./project-files.js";
import { renderPage, type SiteBuild } from "./render-site.js";
import { PREVIEW_CSS } from "./styles.js";

export const DEFAULT_PREVIEW_HOST = "127.0.0.1";
export const DEFAULT_PREVIEW_PORT = 4020;
/** Names a browser may use for a server on loopback. */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * On loopback, a request naming another host is refused: a web page whose domain re-resolves to
 * 127.0.0.1 (DNS rebinding) must not read the help center through the reader's browser.
 */
function hostAllowed(listenHost: string, header: string | undefined): boolean {
  if (!LOOPBACK_NAMES.has(listenHost)) return true;
  if (header === undefined) return false;
  const name = header.startsWith("[") ? header.slice(0, header.indexOf("]") + 1) : (header.split(":")[0] ?? "");
  return LOOPBACK_NAMES.has(name.toLowerCase());
}

/** A comment line on every event stream this often, so proxies and browsers keep it open. */
const KEEPALIVE_MS = 15_000;

export interface PreviewServerOptions {
  host?: string;
  port?: number;
  rootDir: string;
  /** The build to answer from, read on every request (the composer swaps it after each rebuild). */
  current(): SiteBuild;
  /** A request failed in a way no page could show (a bug): for the log. */
  onError?(error: unknown): void;
}

export interface PreviewServer {
  /** `http://host:port/` */
  url: string;
  port: number;
  /** Tells every open page to reload. */
  notifyReload(): void;
  /** Open event streams. */
  clients(): number;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store", "x-content-type-options": "nosniff" });
  response.end(head ? undefined : body);
}

/** Starts the server; rejects with a clear error when the port is taken. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? DEFAULT_PREVIEW_HOST;
  const port = options.port ?? DEFAULT_PREVIEW_PORT;
  const streams = new Set<ServerResponse>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const head = request.method === "HEAD";
    if (request.method !== "GET" && !head) {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (!hostAllowed(host, request.headers.host)) return send(response, 403, "text/plain; charset=utf-8", "This preview answers only to 127.0.0.1 and localhost.\n", head);
    const url = new URL(request.url ?? "/", "http://preview.invalid");
    const build = options.current();
    if (url.pathname === "/" || url.pathname === "/index.html") {
      response.writeHead(302, { location: serverUrlOf({ kind: "home", locale: build.site.state.sourceLocale }) }).end();
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      streams.add(response);
      request.on("close", () => streams.delete(response));
      return;
    }
    const ref = parseServerPath(url.pathname);
    if (ref?.kind === "style") return send(response, 200, "text/css; charset=utf-8", PREVIEW_CSS, head);
    if (ref?.kind === "asset") {
      const file = await resolveAsset(build.site, options.rootDir, ref.path);
      if (file === null) return send(response, 404, "text/plain; charset=utf-8", "Not a file of the help center.\n", head);
      response.writeHead(200, { "content-type": contentTypeOf(file), "cache-control": "no-store", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
      if (head) response.end();
      else createReadStream(file).on("error", () => response.destroy()).pipe(response);
      return;
    }
    if (ref === null) return send(response, 404, "text/html; charset=utf-8", `<!doctype html><p>Not a page of the preview: ${escapeHtml(url.pathname)}</p>`, head);
    const page = await renderPage(build, ref, "server");
    send(response, page.status, "text/html; charset=utf-8", page.html, head);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", `The preview failed on this page: ${error instanceof Error ? error.message : String(error)}\n`, false);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new SyncError("preview/port-in-use", { host, port }));
      else reject(new SyncError("preview/listen-failed", { host, port, reason: error.code ?? error.message }));
    });
    server.listen(port, host, () => resolve());
  });
  const keepalive = setInterval(() => {
    for (const stream of streams) stream.write(": keepalive\n\n");
  }, KEEPALIVE_MS);
  keepalive.unref();
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/`,
    port: bound,
    notifyReload() {
      for (const stream of streams) stream.write("event: reload\ndata: {}\n\n");
    },
    clients: () => streams.size,
    async close() {
      clearInterval(keepalive);
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
