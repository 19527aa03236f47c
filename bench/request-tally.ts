import type { RequestEvent } from "../src/remote/request-with-policy.js";

/** What one push asked of Intercom, counted per HTTP attempt (retries included). */
export interface RequestCounts {
  requests: number;
  /** POST, PUT, DELETE. */
  writes: number;
  /** GETs of a paged list (help centers, collections, articles). */
  listRequests: number;
  /** Other GETs (`/me`, single items). */
  otherReads: number;
  /** Answers with status 429. */
  rateLimited: number;
  /** Attempts that got no answer or a 5xx. */
  failed: number;
}

export interface RequestTally {
  /** Pass as `onRequest` to the composer. */
  onRequest(event: RequestEvent): void;
  counts(): RequestCounts;
  /** Milliseconds between the first and the last answered request (0 with fewer than two). */
  activeSpanMs(): number;
  /**
   * Milliseconds between the first and the last answered write (0 with fewer than two): the
   * sending phase, after the listing and the local work that decides what to send.
   */
  writeSpanMs(): number;
}

const LIST_QUERY = /[?&]page=\d+/;

/** Counts requests by kind as the client reports them. `now` is a millisecond clock. */
export function createRequestTally(now: () => number = () => performance.now()): RequestTally {
  const counts: RequestCounts = { requests: 0, writes: 0, listRequests: 0, otherReads: 0, rateLimited: 0, failed: 0 };
  let first: number | null = null;
  let last: number | null = null;
  let firstWrite: number | null = null;
  let lastWrite: number | null = null;
  return {
    onRequest(event) {
      const at = now();
      first ??= at;
      last = at;
      counts.requests += 1;
      if (event.write) {
        counts.writes += 1;
        firstWrite ??= at;
        lastWrite = at;
      }
      else if (LIST_QUERY.test(event.path)) counts.listRequests += 1;
      else counts.otherReads += 1;
      if (event.status === 429) counts.rateLimited += 1;
      if (event.status === null || event.status >= 500) counts.failed += 1;
    },
    counts: () => ({ ...counts }),
    activeSpanMs: () => (first === null || last === null ? 0 : last - first),
    writeSpanMs: () => (firstWrite === null || lastWrite === null ? 0 : lastWrite - firstWrite),
  };
}
