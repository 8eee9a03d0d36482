// Fault injection: a seeded PRNG decides, request by request, whether to answer with a throttling
// error, a 500, a delay or a reset connection. Deterministic for a given seed and request sequence.

/** What was done to a request instead of (or before) serving it. */
export type FaultKind = 'throttle' | 'error' | 'reset' | 'slow';

export interface FaultConfig {
  /** Probability (0–1) of a throttling error: SageMaker ThrottlingException, S3 503 SlowDown, STS Throttling. */
  throttleRate?: number;
  /** Probability of an HTTP 500 (InternalFailure / InternalError). */
  errorRate?: number;
  /** Probability of destroying the socket without an answer (the SDK sees ECONNRESET). */
  resetRate?: number;
  /** Delay before answering, in real milliseconds (applied with probability `slowRate`, default 1). */
  slowMs?: number;
  slowRate?: number;
  /** PRNG seed (default 1). Changing it restarts the sequence. */
  seed?: number;
  /**
   * At most this many faults in a row for the same operation (default 2), so a call with the SDK's
   * default 3 attempts always gets through. `Infinity` for independent draws.
   */
  maxConsecutive?: number;
  /** Only these operations (e.g. `DescribePipelineExecution`, `PutObject`) get faults; default all. */
  operations?: readonly string[];
  /** Only these services get faults; default sagemaker, s3 and sts (never the OIDC endpoint; scheduler when named). */
  services?: readonly ('sagemaker' | 's3' | 'sts' | 'scheduler')[];
  /**
   * Faults forced on the next matching requests, in order, before any random draw
   * (e.g. `[{ kind: 'throttle', operation: 'StartPipelineExecution' }]`). Consumed as used.
   */
  queue?: { kind: Exclude<FaultKind, 'slow'>; operation?: string }[];
}

/** mulberry32: small, fast, good enough for test decisions. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultDecision {
  /** Answer with this instead of serving the request. */
  fault?: Exclude<FaultKind, 'slow'>;
  /** Wait this long (real ms) first. */
  delayMs: number;
}

export class FaultInjector {
  #config: FaultConfig = {};
  #rng: () => number = mulberry32(1);
  #seed = 1;
  readonly #streak = new Map<string, number>();

  get config(): FaultConfig {
    return this.#config;
  }

  set config(config: FaultConfig) {
    this.#config = config;
    const seed = config.seed ?? 1;
    if (seed !== this.#seed) {
      this.#seed = seed;
      this.#rng = mulberry32(seed);
    }
    this.#streak.clear();
  }

  decide(service: 'sagemaker' | 's3' | 'sts' | 'scheduler' | 'oidc', operation: string): FaultDecision {
    const c = this.#config;
    if (service === 'oidc') return { delayMs: 0 };
    // Scheduler only when named: its requests must not shift the random sequence of older fault tests.
    if (service === 'scheduler' && !c.services?.includes('scheduler')) return { delayMs: 0 };
    if (c.services && !c.services.includes(service)) return { delayMs: 0 };
    if (c.operations && !c.operations.includes(operation)) return { delayMs: 0 };

    let delayMs = 0;
    if (c.slowMs && c.slowMs > 0 && this.#rng() < (c.slowRate ?? 1)) delayMs = c.slowMs;

    const queued = c.queue?.findIndex((q) => q.operation === undefined || q.operation === operation) ?? -1;
    if (queued >= 0) {
      const [entry] = c.queue!.splice(queued, 1);
      return { fault: entry!.kind, delayMs };
    }

    const key = `${service}:${operation}`;
    const streak = this.#streak.get(key) ?? 0;
    const r = this.#rng();
    let fault: FaultDecision['fault'];
    const reset = c.resetRate ?? 0;
    const throttle = c.throttleRate ?? 0;
    const error = c.errorRate ?? 0;
    if (r < reset) fault = 'reset';
    else if (r < reset + throttle) fault = 'throttle';
    else if (r < reset + throttle + error) fault = 'error';
    if (fault && streak >= (c.maxConsecutive ?? 2)) fault = undefined;
    this.#streak.set(key, fault ? streak + 1 : 0);
    return fault ? { fault, delayMs } : { delayMs };
  }
}
