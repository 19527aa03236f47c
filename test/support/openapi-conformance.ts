/**
 * Checks JSON responses against the response schemas of Intercom's OpenAPI 3.0 description
 * (`../shared/intercom-openapi/api.intercom.io.yaml`, resolved from the repository root). The spec is
 * turned into JSON Schema by a small transform (`nullable`, enums holding null, `$ref` into
 * components, `allOf` merged) and compiled with ajv. Objects are closed: a response field the spec
 * does not declare is a violation, so the emulator cannot invent shapes Intercom never sends.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import type { ResponseCheck } from "../../src/emulator/index.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Json> };
}

export interface ConformanceChecker {
  /** Violations of `response` against the spec; empty when it conforms. */
  check(response: ResponseCheck): string[];
  /** Violations of a request body against the operation's request schema; empty when it conforms. */
  checkRequest(request: { method: string; path: string; body: unknown }): string[];
}

const SCHEMA_ID = "intercom-openapi";
const COMPONENT_PREFIX = "#/components/schemas/";
/** Keywords of OpenAPI that JSON Schema does not need (documentation, examples, vendor fields). */
const DROPPED_KEYWORDS: ReadonlySet<string> = new Set([
  "description", "example", "examples", "title", "readOnly", "writeOnly", "deprecated", "discriminator", "xml", "externalDocs",
]);
const MAX_REPORTED_ERRORS = 5;

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the spec is: `INTERCOM_OPENAPI_SPEC`, else `../shared/intercom-openapi/` next to the repository. */
export function findSpecFile(): string | null {
  const candidate = process.env.INTERCOM_OPENAPI_SPEC ?? path.resolve(repositoryRoot, "../shared/intercom-openapi/api.intercom.io.yaml");
  return existsSync(candidate) ? candidate : null;
}

let cached: ConformanceChecker | null | undefined;

/** The checker for the shared spec, parsed once per process; null (with one warning) when the spec is absent. */
export function loadConformanceChecker(): ConformanceChecker | null {
  if (cached !== undefined) return cached;
  const file = findSpecFile();
  if (file === null) {
    console.warn("openapi-conformance: ../shared/intercom-openapi/api.intercom.io.yaml not found; responses are NOT checked against the spec");
    cached = null;
    return cached;
  }
  cached = createConformanceChecker(readSpec(file));
  return cached;
}

/**
 * The parsed spec. Parsing its 1.3 MB of YAML takes more than a second, in every test process
 * that checks responses, so the result is kept as JSON under node_modules/.cache, keyed by the
 * spec file's path, size and modification time.
 */
function readSpec(file: string): OpenApiDocument {
  const info = statSync(file);
  const key = createHash("sha256").update(`${file}\0${info.size}\0${info.mtimeMs}`).digest("hex").slice(0, 16);
  const cacheFile = path.join(repositoryRoot, "node_modules", ".cache", "intercom-sync-tests", `openapi-${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8")) as OpenApiDocument;
  const document = parse(readFileSync(file, "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
  // Written aside, then renamed: a parallel test process reads the whole file or none.
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  const temp = `${cacheFile}.${process.pid}.${process.hrtime.bigint()}.tmp`;
  writeFileSync(temp, JSON.stringify(document));
  renameSync(temp, cacheFile);
  return document;
}

/** Builds a checker from a parsed OpenAPI 3.0 document. */
export function createConformanceChecker(document: OpenApiDocument): ConformanceChecker {
  const components = document.components.schemas;
  const definitions: JsonObject = {};
  for (const [name, schema] of Object.entries(components)) definitions[name] = toJsonSchema(schema, components);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: SCHEMA_ID, definitions });
  const routes = buildRouteMatchers(document);
  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: Json): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, components) as object);
      compiled.set(key, validate);
    }
    return validate;
  };
  const errorSchema: Json = { $ref: `${COMPONENT_PREFIX}error` };

  return {
    check({ method, path: requestPath, status, body }) {
      const label = `${method} ${requestPath} -> ${status}`;
      const matched = routes.find((route) => route.pattern.test(requestPath));
      const operation = matched ? document.paths[matched.template]?.[method.toLowerCase()] : undefined;
      const responses = operation?.responses ?? {};
      const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
      if (!declared) {
        // Intercom answers 400/429/5xx on any route without the spec listing them; their body is an error.list.
        if (status >= 400) return report(label, compile("#error", errorSchema), body);
        return [`${label}: ${operation ? "status" : "operation"} not declared in the OpenAPI description`];
      }
      const schema = declared.content?.["application/json"]?.schema;
      if (schema === undefined) return [];
      const key = `${matched?.template} ${method} ${status}`;
      return report(label, compile(key, schema), body);
    },
    checkRequest({ method, path: requestPath, body }) {
      const label = `${method} ${requestPath} request`;
      const matched = routes.find((route) => route.pattern.test(requestPath));
      const operation = matched ? document.paths[matched.template]?.[method.toLowerCase()] : undefined;
      if (!operation) return [`${label}: operation not declared in the OpenAPI description`];
      const schema = operation.requestBody?.content?.["application/json"]?.schema;
      if (schema === undefined) return body === undefined ? [] : [`${label}: the operation takes no body`];
      return report(label, compile(`${matched?.template} ${method} request`, schema), body);
    },
  };
}

function report(label: string, validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, MAX_REPORTED_ERRORS).map((error) => {
    const where = error.instancePath === "" ? "(root)" : error.instancePath;
    const extra = "additionalProperty" in error.params ? ` "${String(error.params.additionalProperty)}"` : "";
    return `${label}: ${where} ${error.message ?? "is invalid"}${extra}`;
  });
}

function buildRouteMatchers(document: OpenApiDocument): { template: string; pattern: RegExp }[] {
  return Object.keys(document.paths)
    .map((template) => {
      const segments = template.split("/").filter(Boolean);
      const source = segments.map((segment) => (/^\{.+\}$/.test(segment) ? "[^/]+" : escapeRegExp(segment))).join("/");
      const literals = segments.filter((segment) => !segment.startsWith("{")).length;
      return { template, pattern: new RegExp(`^/${source}/?$`), literals };
    })
    .sort((a, b) => b.literals - a.literals)
    .map(({ template, pattern }) => ({ template, pattern }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 schema -> JSON Schema (draft-07) with refs into the shared definitions. */
export function toJsonSchema(schema: Json, components: Record<string, Json>): Json {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, components));
  if (!isObject(schema)) return schema;
  const source = mergeAllOf(schema, components);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (key === "$ref" && typeof value === "string") out.$ref = value.replace(COMPONENT_PREFIX, `${SCHEMA_ID}#/definitions/`);
    else if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, components)]));
    } else out[key] = toJsonSchema(value, components);
  }
  if (isObject(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
  const enumValues = Array.isArray(out.enum) ? out.enum : null;
  const nullable = source.nullable === true || (enumValues?.includes(null) ?? false);
  if (!nullable) return out;
  if (enumValues && !enumValues.includes(null)) out.enum = [...enumValues, null];
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    return out;
  }
  // A nullable `$ref` (or composition): JSON Schema needs an explicit alternative.
  return { anyOf: [out, { type: "null" }] };
}

/**
 * Folds `allOf` members into one object schema, so that closing objects (additionalProperties:
 * false) still accepts the fields each member brings.
 */
function mergeAllOf(schema: JsonObject, components: Record<string, Json>): JsonObject {
  const members = schema.allOf;
  if (!Array.isArray(members)) return schema;
  const { allOf: _allOf, ...rest } = schema;
  const properties: JsonObject = {};
  const required: Json[] = [];
  for (const member of members) {
    const resolved = resolveRef(member, components);
    if (!isObject(resolved)) continue;
    const merged = mergeAllOf(resolved, components);
    if (isObject(merged.properties)) Object.assign(properties, merged.properties);
    if (Array.isArray(merged.required)) required.push(...merged.required);
  }
  if (isObject(rest.properties)) Object.assign(properties, rest.properties);
  if (Array.isArray(rest.required)) required.push(...rest.required);
  const result: JsonObject = { ...rest, type: "object", properties };
  if (required.length > 0) result.required = required;
  return result;
}

function resolveRef(schema: Json, components: Record<string, Json>): Json | undefined {
  if (isObject(schema) && typeof schema.$ref === "string" && schema.$ref.startsWith(COMPONENT_PREFIX)) {
    return components[schema.$ref.slice(COMPONENT_PREFIX.length)];
  }
  return schema;
}
