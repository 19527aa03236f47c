import type { Random } from "./prng.js";
import { pickNoun } from "./vocabulary.js";

/** Fenced code block contents in the languages help centers show most. */

const API_BASE = "https://api.example.com/v1";

function identifier(random: Random): string {
  return pickNoun(random).replace(/\s+/g, "_").toLowerCase();
}

/** A language tag ("" = none) and a few lines of plausible code in it. */
export function makeCodeSample(random: Random): { language: string; code: string } {
  const name = identifier(random);
  const other = identifier(random);
  const id = random.int(1000, 99_999);
  switch (random.int(0, 5)) {
    case 0:
      return {
        language: "bash",
        code: `curl -X GET "${API_BASE}/${name}s?per_page=50" \\\n  -H "Authorization: Bearer $API_TOKEN" \\\n  -H "Accept: application/json"`,
      };
    case 1: {
      const body: Record<string, unknown> = { id: String(id), type: name, [other]: random.chance(0.5) };
      for (let i = random.int(1, 4); i > 0; i--) body[identifier(random)] = random.int(0, 500);
      return { language: "json", code: JSON.stringify(body, null, 2) };
    }
    case 2:
      return {
        language: "yaml",
        code: `${name}:\n  enabled: true\n  ${other}: ${random.int(1, 60)}\n  mode: ${random.pick(["strict", "lenient", "auto"])}`,
      };
    case 3:
      return {
        language: "ts",
        code: `const ${name}s = await client.${name}s.list({ limit: ${random.int(10, 100)} });\nfor (const item of ${name}s) {\n  console.log(item.id, item.${other});\n}`,
      };
    case 4:
      return {
        language: "python",
        code: `response = client.get("/${name}s/${id}")\nif response.status_code == 200:\n    print(response.json()["${other}"])`,
      };
    default:
      return { language: "", code: `${name.toUpperCase()}_ID=${id}\n${other.toUpperCase()}_ENABLED=true` };
  }
}
