import { describe, expect, it } from "vitest";
import { Output } from "../../src/cli/output.js";
import { createRedactor } from "../../src/errors/redact-secret.js";

describe("createRedactor", () => {
  it("hides a short token where it stands alone, and leaves words that contain its letters", () => {
    const redact = createRedactor(["any"], "***");
    expect(redact("The company has any number of articles.")).toBe("The company has *** number of articles.");
    expect(redact("Authorization: Bearer any")).toBe("Authorization: Bearer ***");
    expect(redact('{"token":"any"}')).toBe('{"token":"***"}');
  });

  it("leaves `locale` alone with the token `local`, and `in` inside words", () => {
    expect(createRedactor(["local"], "***")("locale fr is local")).toBe("locale fr is ***");
    expect(createRedactor(["in"], "***")("Sign in to the admin interface")).toBe("Sign *** to the admin interface");
  });

  it("hides a token of real length wherever it occurs, even glued to other text", () => {
    const token = "dG9rOjEyMzQ1Njc4OTBhYmNkZWY6OjE=";
    const redact = createRedactor([token], "[redacted]");
    expect(redact(`GET /x?access_token=${token}&y`)).toBe("GET /x?access_token=[redacted]&y");
    expect(redact(`abc${token}xyz`)).toBe("abc[redacted]xyz");
  });

  it("treats characters of regular expressions in a token literally", () => {
    expect(createRedactor(["a.b"], "***")("a.b axb")).toBe("*** axb");
  });

  it("changes nothing without secrets", () => {
    expect(createRedactor([""], "***")("company")).toBe("company");
  });
});

describe("Output", () => {
  it("hides a short token in what it prints, and leaves the words that contain its letters", () => {
    const lines: string[] = [];
    const stdout = { write: (text: string) => lines.push(text) } as unknown as NodeJS.WritableStream;
    const out = new Output({ json: false, quiet: false, verbose: false, secrets: ["any"], stdout, stderr: stdout, env: {} });
    out.info("company: any");
    expect(lines.join("")).toBe("company: ***\n");
  });
});
