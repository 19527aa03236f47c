/**
 * Answers requests one per event-loop turn. Storing an article rewrites its HTML in every locale,
 * a few milliseconds of CPU; when a hundred requests sent together come due after the same
 * latency, answering them in one go would keep the loop from reading new requests for hundreds of
 * milliseconds. Requests would then be counted against the rate limit late, in the next window,
 * which Intercom never does: its limit counts the requests an app makes in each window ("Rate
 * Limiting", https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting),
 * however busy the servers behind it are. One answer per turn lets the loop read (and count)
 * arrivals between two answers.
 */
export type AnswerQueue = <T>(answer: () => T) => Promise<T>;

export function createAnswerQueue(): AnswerQueue {
  const queue: (() => void)[] = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate, not a microtask: an immediate queued while immediates run waits for the next
    // turn, after the loop has polled for new requests.
    setImmediate(runNext);
  };
  function runNext(): void {
    scheduled = false;
    queue.shift()?.();
    if (queue.length > 0) schedule();
  }
  return (answer) =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        try {
          resolve(answer());
        } catch (error) {
          reject(error);
        }
      });
      schedule();
    });
}
