// One run at a time: the timer, the ribbon, the palette and obsidian:// links all go through this
// queue, so two runs never write the vault at once. Asking again for a run that is already queued
// or running joins it instead of starting a second one.

export interface QueuedRun<T> {
  result: Promise<T>;
  /** False when an identical run was already queued or running and this call joined it. */
  started: boolean;
}

export class RunQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, Promise<unknown>>();

  get idle(): boolean {
    return this.pending.size === 0;
  }

  /** Queues `task` behind every earlier run; a second call with the same key joins the first. */
  run<T>(key: string, task: () => Promise<T>): QueuedRun<T> {
    const existing = this.pending.get(key) as Promise<T> | undefined;
    if (existing) return { result: existing, started: false };
    const result = this.tail.then(task);
    this.pending.set(key, result);
    const settled = result.then(
      () => this.pending.delete(key),
      () => this.pending.delete(key),
    );
    this.tail = settled;
    return { result, started: true };
  }
}
