import { describe, expect, it } from "vitest";
import { isIntercomCdnUrl, unsignUrl } from "../../src/intercom/signed-urls.js";

const PATH = "https://downloads.intercomcdn.com/i/o/lupk8zyo/1584654217/db0a977417e38e43639f060d96e0/image.png";

describe("unsignUrl", () => {
  it("drops expires, signature and req from Intercom CDN URLs, keeping every other byte", () => {
    expect(unsignUrl(`${PATH}?expires=1789573500&signature=06847e99&req=dSUvEs97mYNe%2BXvMW1HO4z%0A`)).toBe(PATH);
    expect(unsignUrl(`${PATH}?w=200&expires=1&signature=2&req=3#top`)).toBe(`${PATH}?w=200#top`);
  });

  it("knows the per-workspace attachment hosts", () => {
    const url = "https://edge-1a5ed69e1271.intercom-attachments-7.com/i/o/ourx4xix/2112521579/a9ac/23547023893147";
    expect(isIntercomCdnUrl(url)).toBe(true);
    expect(unsignUrl(`${url}?expires=1775187900&signature=f57e&req=diEm`)).toBe(url);
  });

  it("leaves other hosts alone, query and all", () => {
    const url = "https://img.example.com/a.png?expires=1&signature=2";
    expect(isIntercomCdnUrl(url)).toBe(false);
    expect(unsignUrl(url)).toBe(url);
  });
});
