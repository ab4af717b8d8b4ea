// One lane of a worker pool (the CLI's worker_threads pool and the page's ensemble pool): it
// pulls whole jobs from a queue shared by every lane and keeps one more job queued in its
// worker behind the one running. A worker takes its messages in order, so it starts the next
// run the moment it ends one instead of idling while the pool's thread takes the result and
// answers (1–3 ms a run, more while that thread is busy). Near the end a lane queues nothing
// ahead, so the last jobs go to whichever worker is free first instead of waiting behind
// another's run.

/** The jobs of one pool run, shared by its lanes in order. */
export class JobQueue<J> {
  private next = 0;

  /** `lanes`: how many lanes pull from this queue. */
  constructor(private readonly jobs: readonly J[], readonly lanes: number) {}

  /** Jobs not yet sent to any worker. */
  get left(): number {
    return this.jobs.length - this.next;
  }

  /** The next job; only when `left > 0`. */
  take(): J {
    return this.jobs[this.next++];
  }
}

/**
 * Runs jobs from `queue` through `send` (one worker's run call) until the queue is empty or
 * `stopped()`, calling `onResult` with each result in this lane's order and the milliseconds
 * from when the worker could start that job (it had been sent and the job before it was back)
 * until its result was here. Rejects with the first failed job's error; jobs queued behind it
 * are abandoned.
 */
export async function runLane<J, R>(
  queue: JobQueue<J>,
  send: (job: J) => Promise<R>,
  onResult: (result: R, spanMs: number) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  const out: { result: Promise<R>; sentAt: number }[] = [];
  let backAt = performance.now(); // det-ok: pool timing only
  const push = () => {
    const result = send(queue.take());
    // Observed when awaited below; a job still queued when the lane stops never is.
    result.catch(() => undefined);
    out.push({ result, sentAt: performance.now() }); // det-ok: pool timing only
  };
  while (!stopped() && (out.length > 0 || queue.left > 0)) {
    if (out.length === 0 && queue.left > 0) push();
    if (out.length === 1 && queue.left >= queue.lanes) push();
    const head = out.shift()!;
    const result = await head.result;
    const now = performance.now(); // det-ok: pool timing only
    onResult(result, now - Math.max(head.sentAt, backAt));
    backAt = now;
  }
}
