/**
 * Paces a stream of updates to what a person can read: while training plays, the worker reports every
 * epoch (tens a second on small graphs), and showing each one costs the page a render, a layout and a
 * paint — CPU that the training threads need on a small machine. Updates are queued and applied
 * together at most once per interval, in the order they came; an urgent one (training stopped, an
 * error) applies the queue at once.
 */
export class UpdatePacer<U> {
  private queue: U[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastApplied = -Infinity;

  constructor(
    private readonly apply: (updates: U[]) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Queues `update`; applies the queue now if `urgent` or the interval has passed, else when it has. */
  push(update: U, urgent: boolean): void {
    this.queue.push(update);
    const wait = this.lastApplied + this.intervalMs - this.now();
    if (urgent || wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Applies what is queued now: call before anything that must come after the queued updates. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0) return;
    const updates = this.queue;
    this.queue = [];
    this.lastApplied = this.now();
    this.apply(updates);
  }
}
