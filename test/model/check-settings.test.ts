import { describe, expect, it } from "vitest";
import { checkDateTime, checkFin, checkNames } from "../../src/model/check-settings.js";

describe("checkFin", () => {
  it("takes a map of the three availabilities, or one boolean for all of them", () => {
    expect(checkFin("fin", { agent: false, sales_agent: true })).toEqual({ fin: { agent: false, salesAgent: true } });
    expect(checkFin("fin", false)).toEqual({ fin: { agent: false, copilot: false, salesAgent: false } });
  });

  it("refuses an unknown sub-key with a suggestion, and a value that is not a boolean", () => {
    expect(checkFin("fin", { copilto: true })).toMatchObject({ code: "settings/invalid-fin", details: { suggestion: 'Did you mean "copilot"?' } });
    expect(checkFin("fin", { agent: "yes" })).toMatchObject({ code: "settings/invalid-fin", details: { got: 'agent: "yes"' } });
    expect(checkFin("fin", ["agent"])).toMatchObject({ code: "settings/invalid-fin" });
  });
});

describe("checkNames", () => {
  it("trims, drops empty entries and repeats, and takes a single name as a list of one", () => {
    expect(checkNames("tags", [" Billing ", "", "Billing", 2024])).toEqual({ names: ["Billing", "2024"] });
    expect(checkNames("tags", "Billing")).toEqual({ names: ["Billing"] });
    expect(checkNames("tags", { a: 1 })).toMatchObject({ code: "settings/invalid-names" });
  });
});

describe("checkDateTime", () => {
  it("normalises an ISO 8601 date-time with a zone to UTC and epoch seconds", () => {
    expect(checkDateTime("publish_at", "2030-01-31T10:00:00+01:00")).toEqual({ at: "2030-01-31T09:00:00.000Z", seconds: Date.parse("2030-01-31T09:00:00Z") / 1000 });
    expect(checkDateTime("publish_at", new Date("2030-01-31T09:00:00Z"))).toMatchObject({ at: "2030-01-31T09:00:00.000Z" });
  });

  it("refuses a bare date, a time without a zone, and text", () => {
    for (const value of ["2030-01-31", "2030-01-31T09:00:00", "tomorrow", 1893456000]) {
      expect(checkDateTime("publish_at", value)).toMatchObject({ code: "settings/invalid-datetime" });
    }
  });
});
