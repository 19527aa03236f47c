/**
 * Setup file of every test file: fails the test during which a test emulator sent a response
 * that Intercom's OpenAPI description does not allow. A setup file (not the emulator module
 * itself) registers the hook, because a module shared by the files of one worker is evaluated
 * only once, and its hooks would only reach the first file.
 */
import { afterEach } from "vitest";
import { reportViolations } from "./emulator.js";

afterEach(() => {
  reportViolations();
});
