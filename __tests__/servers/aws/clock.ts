// A clock the tests move by hand. Every simulated time in the server (pipeline step progress, STS
// credential expiry, OIDC token expiry, object timestamps) reads it; nothing else reads the wall clock.
// It starts at wall time so credentials the server issues are not already expired in the SDK's eyes
// (the SDK checks Expiration against the real clock); pass `startTime` for a fixed start.

export class TestClock {
  #now: number;
  readonly #listeners = new Set<(now: number) => void>();

  /** Starts at `start` (ms since the epoch), by default the current wall time in whole seconds. */
  constructor(start: number = Math.floor(Date.now() / 1000) * 1000) {
    this.#now = start;
  }

  /** Milliseconds since the epoch. */
  now(): number {
    return this.#now;
  }

  /** The current time as a Date. */
  date(): Date {
    return new Date(this.#now);
  }

  /** Moves the clock forward by `ms` (≥ 0) and lets the simulation catch up. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance: bad duration ${ms}`);
    this.set(this.#now + ms);
  }

  /** Moves the clock to `ms` (never backwards). */
  set(ms: number): void {
    if (ms < this.#now) throw new Error(`clock.set: ${new Date(ms).toISOString()} is in the past`);
    this.#now = ms;
    for (const listener of this.#listeners) listener(ms);
  }

  /** Called after every move. Returns an unsubscribe function. */
  onChange(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
