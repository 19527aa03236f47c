import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countBlockKinds } from "../support/html-structure.js";
import { roundTrip } from "./fidelity.js";

const FIXTURES = new URL("../fixtures/intercom-html/", import.meta.url);
const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".html")).sort();

describe("real Intercom article bodies survive pull then push", () => {
  it("has fixtures to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)("%s keeps every block's structure", (name) => {
    const html = readFileSync(new URL(name, FIXTURES), "utf8");
    const trip = roundTrip(html);
    expect(trip.after).toEqual(trip.before);
    expect(countBlockKinds(trip.after)).toEqual(countBlockKinds(trip.before));
    expect(trip.markdown).not.toMatch(/signature=|expires=|req=/);
  });
});
