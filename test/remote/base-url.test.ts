import { describe, expect, it } from "vitest";
import { SyncError } from "../../src/errors/sync-error.js";
import { readAccessToken } from "../../src/remote/access-token.js";
import { isLoopbackHost, resolveApiBaseUrl } from "../../src/remote/base-url.js";

describe("resolveApiBaseUrl", () => {
  it("maps each region to its Intercom host", () => {
    expect(resolveApiBaseUrl({ region: "us", apiUrl: null }, {})).toBe("https://api.intercom.io");
    expect(resolveApiBaseUrl({ region: "eu", apiUrl: null }, {})).toBe("https://api.eu.intercom.io");
    expect(resolveApiBaseUrl({ region: "au", apiUrl: null }, {})).toBe("https://api.au.intercom.io");
  });

  it("lets apiUrl override the region and INTERCOM_API_URL override both", () => {
    expect(resolveApiBaseUrl({ region: "eu", apiUrl: "https://proxy.example.com/intercom/" }, {})).toBe(
      "https://proxy.example.com/intercom",
    );
    expect(
      resolveApiBaseUrl({ region: "eu", apiUrl: "https://proxy.example.com" }, { INTERCOM_API_URL: "http://127.0.0.1:4010" }),
    ).toBe("http://127.0.0.1:4010");
  });

  it("refuses plain http to a host that is not loopback", () => {
    const attempt = () => resolveApiBaseUrl({ region: "us", apiUrl: "http://api.intercom.io" }, {});
    expect(attempt).toThrow(SyncError);
    expect(attempt).toThrow(/unencrypted/);
    expect(() => resolveApiBaseUrl({ region: "us", apiUrl: null }, { INTERCOM_API_URL: "http://10.0.0.1:80" })).toThrow(
      /INTERCOM_API_URL/,
    );
  });

  it("accepts plain http to localhost, 127.0.0.0/8 and [::1]", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:1", "http://127.4.5.6", "http://[::1]:8080"]) {
      expect(resolveApiBaseUrl({ region: "us", apiUrl: url }, {})).toBe(url);
    }
  });

  it("refuses something that is not an http(s) URL", () => {
    expect(() => resolveApiBaseUrl({ region: "us", apiUrl: "api.intercom.io" }, {})).toThrow(/not a URL/);
    expect(() => resolveApiBaseUrl({ region: "us", apiUrl: "ftp://api.intercom.io" }, {})).toThrow(/https/);
  });
});

describe("isLoopbackHost", () => {
  it("tells loopback hosts from look-alikes", () => {
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("127.255.0.1")).toBe(true);
    expect(isLoopbackHost("127.0.0.1.evil.com")).toBe(false);
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
    expect(isLoopbackHost("::2")).toBe(false);
  });
});

describe("readAccessToken", () => {
  it("reads INTERCOM_ACCESS_TOKEN", () => {
    expect(readAccessToken({ INTERCOM_ACCESS_TOKEN: " abc \n" })).toBe("abc");
  });

  it("explains where to set the token when it is missing", () => {
    try {
      readAccessToken({ INTERCOM_TOKEN: "wrong-name" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).code).toBe("config/missing-token");
      expect((error as SyncError).hint).toContain("INTERCOM_ACCESS_TOKEN");
    }
  });
});
