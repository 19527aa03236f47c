import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { article, collection, desiredState } from "../plan/builders.js";
import { FakeIntercomApi, type FakeCall } from "../support/fake-intercom-api.js";
import { findSpecFile, toJsonSchema, type OpenApiDocument } from "../support/openapi-conformance.js";
import { push } from "./helpers.js";

const REQUEST_SCHEMAS: Partial<Record<FakeCall["method"], string>> = {
  createArticle: "create_article_request",
  updateArticle: "update_article_request",
  createCollection: "create_collection_request",
  updateCollection: "update_collection_request",
};

const specFile = findSpecFile();

describe.skipIf(specFile === null)("request bodies", () => {
  it("match the 2.16 request schemas for creates, updates, moves and unpublishes", async () => {
    const document = parse(readFileSync(specFile ?? "", "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
    const components = document.components.schemas;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: "intercom-openapi", definitions: Object.fromEntries(Object.entries(components).map(([name, s]) => [name, toJsonSchema(s, components)])) });

    const api = new FakeIntercomApi();
    const v1 = desiredState({
      locales: ["en", "fr"],
      collections: [collection("a", "A", { fr: "A fr" }), collection("a/b", "B"), collection("c", "C")],
      articles: [article("a/one", { authorId: 3 }, { fr: {} }), article("a/b/two"), article("gone")],
    });
    const first = await push(api, v1);
    const v2 = desiredState({
      locales: ["en", "fr"],
      collections: [collection("a", "A2", { fr: "A fr" }), collection("c/b", "B"), collection("c", "C")],
      articles: [article("a/one", { title: "One" }, { fr: { title: "Un" } }), article("c/b/two", { title: "Title of a/b/two", body: "<p>Body of a/b/two (en)</p>" })],
    });
    const second = await push(api, v2, first.result.lock);
    expect(second.result.ok).toBe(true);
    expect(second.result.counts).toMatchObject({ updated: 2, moved: 2, unpublished: 1 });

    const checked = new Set<string>();
    for (const call of api.writes()) {
      const name = REQUEST_SCHEMAS[call.method];
      if (name === undefined) continue;
      const validate = ajv.compile(toJsonSchema({ $ref: `#/components/schemas/${name}` }, components) as object);
      const valid = validate(call.body);
      expect(valid ? [] : validate.errors, `${call.method} ${JSON.stringify(call.body)}`).toEqual([]);
      checked.add(call.method);
    }
    expect([...checked].sort()).toEqual(["createArticle", "createCollection", "updateArticle", "updateCollection"]);
  });
});
