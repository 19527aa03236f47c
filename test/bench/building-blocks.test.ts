import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderBlocks, type Block } from "../../bench/markdown-blocks.js";
import { crc32, createPng } from "../../bench/png.js";
import { createRandom } from "../../bench/prng.js";
import { translateText } from "../../bench/pseudo-translate.js";
import { slugify } from "../../bench/vocabulary.js";

describe("createRandom", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe("createPng", () => {
  const png = Buffer.from(createPng(4, 3, { r: 200, g: 100, b: 50 }));

  it("writes a PNG signature and a header with the requested size", () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString("latin1", 12, 16)).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(4);
    expect(png.readUInt32BE(20)).toBe(3);
  });

  it("has valid chunk checksums and pixel data that inflates to the image size", () => {
    let offset = 8;
    const types: string[] = [];
    let idat = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString("latin1", offset + 4, offset + 8);
      const body = png.subarray(offset + 4, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(body));
      if (type === "IDAT") idat = Buffer.concat([idat, png.subarray(offset + 8, offset + 8 + length)]);
      types.push(type);
      offset += 12 + length;
    }
    expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(inflateSync(idat).length).toBe(3 * (1 + 4 * 3));
  });
});

describe("translateText", () => {
  it("rewrites letters but keeps punctuation, digits and spacing", () => {
    const source = "Open the settings, then press 2 keys.";
    for (const locale of ["fr", "de", "ru", "ja", "ko", "ar"]) {
      const translated = translateText(source, locale);
      expect(translated).not.toBe(source);
      expect(translated.replace(/[^\s,.\d]/gu, "")).toBe(source.replace(/[^\s,.\d]/g, ""));
    }
    expect(translateText("The team and your account", "fr")).toBe("Le téam et votre àccount");
  });
});

describe("renderBlocks", () => {
  it("translates prose but never code, URLs or paths", () => {
    const blocks: Block[] = [
      { kind: "paragraph", inlines: [{ kind: "text", text: "Read " }, { kind: "link", text: "the guide", href: "../guide/setup.md#limits" }, { kind: "text", text: " or use " }, { kind: "code", text: "api_key" }] },
      { kind: "image", alt: "Dashboard", src: "images/dashboard.png" },
      { kind: "code", language: "bash", code: "echo hello" },
    ];
    const translated = renderBlocks(blocks, (text) => text.toUpperCase());
    expect(translated).toBe("READ [THE GUIDE](../guide/setup.md#limits) OR USE `api_key`\n\n![DASHBOARD](images/dashboard.png)\n\n```bash\necho hello\n```\n");
  });
});

describe("slugify", () => {
  it("makes kebab-case slugs that keep non-ASCII letters", () => {
    expect(slugify("Why can't I export my invoice?")).toBe("why-cant-i-export-my-invoice");
    expect(slugify("Café  integrations (2)")).toBe("café-integrations-2");
    expect(slugify("日本語 support")).toBe("日本語-support");
  });
});
