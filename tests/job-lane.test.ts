import { describe, expect, it } from 'vitest';
import { JobQueue, runLane } from '../src/experiment/job-lane';

/**
 * A stand-in worker that takes its jobs in order and finishes one only when the test says so,
 * so what each lane has sent at every moment can be checked exactly.
 */
class ManualWorker {
  readonly sent: number[] = [];
  private readonly pending: { job: number; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];

  send = (job: number): Promise<string> => {
    this.sent.push(job);
    return new Promise((resolve, reject) => this.pending.push({ job, resolve, reject }));
  };

  /** Finishes the oldest job it holds. */
  finish(): number {
    const head = this.pending.shift()!;
    head.resolve(`r${head.job}`);
    return head.job;
  }

  fail(message: string): void {
    this.pending.shift()!.reject(new Error(message));
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('job lane', () => {
  it('keeps one job queued behind the running one, so a lone worker never waits for the next', async () => {
    const w = new ManualWorker();
    const results: string[] = [];
    const spans: number[] = [];
    const done = runLane(new JobQueue([0, 1, 2, 3], 1), w.send, (r, span) => {
      results.push(r);
      spans.push(span);
    });
    await settle();
    expect(w.sent).toEqual([0, 1]);
    w.finish();
    await settle();
    expect(w.sent).toEqual([0, 1, 2]);
    w.finish();
    await settle();
    expect(w.sent).toEqual([0, 1, 2, 3]);
    w.finish();
    w.finish();
    await done;
    expect(results).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(spans.every((s) => s >= 0)).toBe(true);
  });

  it('queues nothing ahead near the end: the last job goes to the worker free first', async () => {
    const a = new ManualWorker();
    const b = new ManualWorker();
    const queue = new JobQueue([0, 1, 2, 3, 4], 2);
    const results: string[] = [];
    const lanes = [runLane(queue, a.send, (r) => results.push(r)), runLane(queue, b.send, (r) => results.push(r))];
    await settle();
    // Each lane took a job and one more behind it while at least two were left for others.
    expect(a.sent).toEqual([0, 1]);
    expect(b.sent).toEqual([2, 3]);
    expect(queue.left).toBe(1);
    a.finish();
    b.finish();
    await settle();
    // One job left for two lanes: neither queues it behind a running job.
    expect([...a.sent, ...b.sent]).not.toContain(4);
    b.finish();
    await settle();
    expect(b.sent).toEqual([2, 3, 4]);
    a.finish();
    b.finish();
    await Promise.all(lanes);
    expect([a.sent, b.sent]).toEqual([[0, 1], [2, 3, 4]]);
    expect(results.sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('rejects with the failed job\'s error and sends nothing more once stopped', async () => {
    const w = new ManualWorker();
    let stop = false;
    const results: string[] = [];
    const done = runLane(new JobQueue([0, 1, 2, 3], 1), w.send, (r) => results.push(r), () => stop);
    await settle();
    w.finish();
    await settle();
    expect(w.sent).toEqual([0, 1, 2]);
    w.fail('out of memory');
    await expect(done).rejects.toThrow('out of memory');
    expect(results).toEqual(['r0']);

    const v = new ManualWorker();
    const halted = runLane(new JobQueue([0, 1, 2, 3], 1), v.send, () => {
      stop = true;
    }, () => stop);
    await settle();
    v.finish();
    // The job already queued behind the first is abandoned, and no third is sent.
    await halted;
    expect(v.sent).toEqual([0, 1]);
  });
});
