import { describe, expect, it } from "vitest";
import { loadConformanceChecker, toJsonSchema } from "../support/openapi-conformance.js";

const checker = loadConformanceChecker();

describe("openapi conformance checker", () => {
  it.skipIf(checker === null)("catches a response whose shape the spec does not declare", () => {
    const violations = checker?.check({
      method: "GET",
      path: "/articles/12",
      status: 200,
      body: { type: "article", id: 12, parent_id: "3", title: "Wrong" },
    });
    expect(violations?.join("\n")).toMatch(/\/id must be string/);
    expect(violations?.join("\n")).toMatch(/must NOT have additional properties "parent_id"/);
  });

  it.skipIf(checker === null)("accepts a response in the declared shape, with nulls where the spec allows them", () => {
    const violations = checker?.check({
      method: "GET",
      path: "/help_center/collections/5",
      status: 200,
      body: {
        id: "5",
        workspace_id: "w",
        name: "Docs",
        description: null,
        url: null,
        icon: null,
        order: 0,
        created_at: 1,
        updated_at: 1,
        default_locale: "en",
        parent_id: null,
        help_center_id: null,
        translated_content: { type: "group_translated_content", en: { type: "group_content", name: "Docs", description: "" }, fr: null },
      },
    });
    expect(violations).toEqual([]);
  });

  it.skipIf(checker === null)("checks undeclared error statuses against the error schema, and flags undeclared success", () => {
    expect(checker?.check({ method: "GET", path: "/articles", status: 503, body: { type: "error.list", errors: [{ code: "x" }] } })).toEqual([]);
    expect(checker?.check({ method: "GET", path: "/articles", status: 429, body: { oops: true } }).length).toBeGreaterThan(0);
    expect(checker?.check({ method: "GET", path: "/articles", status: 201, body: {} })).toEqual([
      "GET /articles -> 201: status not declared in the OpenAPI description",
    ]);
  });

  it.skipIf(checker === null)("checks the staged-draft and redirect endpoints against their declared shapes", () => {
    const redirect = { id: "26", type: "help_center_redirect", from_url: "https://h/x", locale: "en", help_center_id: "7", target_type: "article", target_id: "11", created_at: 1, updated_at: 1 };
    expect(checker?.check({ method: "POST", path: "/help_center/help_centers/7/redirects", status: 200, body: redirect })).toEqual([]);
    expect(checker?.check({ method: "GET", path: "/help_center/help_centers/7/redirects/26", status: 200, body: { ...redirect, id: 26 } }).join("\n")).toMatch(/\/id must be string/);
    expect(checker?.check({ method: "DELETE", path: "/help_center/help_centers/7/redirects/26", status: 200, body: { id: "26", object: "help_center_redirect", deleted: true } })).toEqual([]);
    expect(checker?.check({ method: "POST", path: "/help_center/help_centers/7/redirects", status: 409, body: { type: "error.list", errors: [{ code: "resource_conflict", message: "m" }] } })).toEqual([]);
    const unpublished = { type: "error.list", errors: [{ code: "parameter_invalid", message: "Article has no draft to publish" }] };
    expect(checker?.check({ method: "POST", path: "/articles/5/draft/publish", status: 422, body: unpublished })).toEqual([]);
    expect(checker?.check({ method: "PUT", path: "/articles/5/draft", status: 200, body: { type: "article", id: "5", has_unpublished_changes: "yes" } }).join("\n")).toMatch(/has_unpublished_changes must be boolean/);
  });

  it("turns OpenAPI nullable, enums holding null and component refs into JSON Schema", () => {
    expect(toJsonSchema({ type: "string", nullable: true, enum: ["a"] }, {})).toEqual({ type: ["string", "null"], enum: ["a", null] });
    expect(toJsonSchema({ type: "string", enum: [null, "a"] }, {})).toEqual({ type: ["string", "null"], enum: [null, "a"] });
    expect(toJsonSchema({ $ref: "#/components/schemas/x", nullable: true }, {})).toEqual({
      anyOf: [{ $ref: "intercom-openapi#/definitions/x" }, { type: "null" }],
    });
    expect(toJsonSchema({ type: "object", properties: { a: { type: "integer", readOnly: true, description: "d" } } }, {})).toEqual({
      type: "object",
      properties: { a: { type: "integer" } },
      additionalProperties: false,
    });
  });
});
