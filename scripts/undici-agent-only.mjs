/**
 * What the CLI bundle gets when the code imports "undici" (see bundle-cli.mjs): the Agent, with
 * the request API on every dispatcher as undici's own index puts it there. The index loads all of
 * undici besides (fetch, WebSocket, cookies, caches, mocks, node's internal copy of undici): about
 * 30 ms of CPU in the bundle (60 ms from node_modules) in every command that talks to Intercom,
 * and 16 MB of a push's peak RSS, for the two parts the code uses. The library (`dist/index.js`)
 * imports undici's index as usual.
 *
 * These paths are undici's files, not its documented API; the bundle is built against the
 * locked version, and esbuild fails the build if a path moves or the code imports anything else
 * from "undici".
 */
import api from "undici/lib/api/index.js";
import Agent from "undici/lib/dispatcher/agent.js";
import Dispatcher from "undici/lib/dispatcher/dispatcher.js";

Object.assign(Dispatcher.prototype, api);

export { Agent };
