/**
 * Seeded pseudo-random numbers, so that splits, initial weights and negative samples are the same
 * on every backend and every run with the same seed. Mulberry32: tiny, fast, good enough for sampling.
 */
export class Rng {
  private current: number;

  constructor(seed: number) {
    // Mix the seed so that nearby seeds give unrelated streams.
    this.current = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** The generator's whole state (a uint32): saved in checkpoints so a resumed run draws the same numbers. */
  get state(): number {
    return this.current;
  }

  set state(value: number) {
    this.current = value >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.current = (this.current + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A child generator with its own stream, so one consumer cannot shift another's numbers. */
  fork(label: number): Rng {
    return new Rng(Math.floor(this.next() * 2 ** 31) ^ Math.imul(label + 1, 0x27d4eb2d));
  }
}
