/**
 * `page`/`per_page` paging of list endpoints, in the 2.16 `cursor_pages` shape. Intercom also
 * announces the next page as `next: { per_page, starting_after }`; the emulator's cursor is an
 * opaque string that `starting_after` accepts back in place of `page`.
 */
import type { WirePages } from "../intercom/wire.js";
import { invalidParameter } from "./api-error.js";

/** Largest `per_page` honoured; larger values are capped, as Intercom does. */
export const MAX_PER_PAGE = 150;
/** `per_page` of the article and collection lists when none is given. */
export const DEFAULT_PER_PAGE = 50;
/** `per_page` of article search when none is given. */
export const DEFAULT_SEARCH_PER_PAGE = 10;

export interface Paging {
  page: number;
  perPage: number;
}

export interface Page<T> {
  pages: WirePages;
  total_count: number;
  data: T[];
}

const CURSOR_PREFIX = "page:";

/** Reads `page`, `per_page` and `starting_after` from a query; 400 when they are not integers. */
export function readPaging(query: Record<string, string>, defaultPerPage: number): Paging {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, readInteger(query, "per_page") ?? defaultPerPage));
  const cursor = query.starting_after;
  const fromCursor = cursor === undefined ? null : decodeCursor(cursor);
  const page = Math.max(1, fromCursor ?? readInteger(query, "page") ?? 1);
  return { page, perPage };
}

function readInteger(query: Record<string, string>, name: string): number | null {
  const value = query[name];
  if (value === undefined || value === "") return null;
  if (!/^-?\d+$/.test(value)) throw invalidParameter(`${name} must be an integer`, name);
  return Number(value);
}

function encodeCursor(page: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${page}`).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const page = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(page)) {
    throw invalidParameter("starting_after is not a valid cursor", "starting_after");
  }
  return page;
}

/** One page of `items` (already ordered) with Intercom's paging envelope. */
export function paginate<T>(items: readonly T[], paging: Paging): Page<T> {
  const totalPages = Math.ceil(items.length / paging.perPage);
  const start = (paging.page - 1) * paging.perPage;
  const pages: WirePages = { type: "pages", page: paging.page, per_page: paging.perPage, total_pages: totalPages };
  if (paging.page < totalPages) pages.next = { per_page: paging.perPage, starting_after: encodeCursor(paging.page + 1) };
  return { pages, total_count: items.length, data: items.slice(start, start + paging.perPage) };
}
