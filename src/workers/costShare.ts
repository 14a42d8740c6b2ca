/**
 * Runs an optional, costly refresh (the candidate scan: seconds with the MLP decoder on big graphs)
 * only as often as keeps it under a share of the wall time while training plays; a forced refresh
 * (pause, step, end) always runs.
 */
export class CostShare {
  private lastEnd = -Infinity;
  private lastMs = 0;

  /** share = the most of the time the refresh may take, e.g. 0.25. */
  constructor(private readonly share: number) {}

  /** After a refresh that took `ms`, wait ms · (1 / share − 1) before the next unforced one. */
  due(now: number, force: boolean): boolean {
    return force || now - this.lastEnd >= this.lastMs * (1 / this.share - 1);
  }

  record(start: number, end: number): void {
    this.lastEnd = end;
    this.lastMs = end - start;
  }

  reset(): void {
    this.lastEnd = -Infinity;
    this.lastMs = 0;
  }
}
