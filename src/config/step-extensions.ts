// Step keys beyond the old framework: `quality_gate` (RegisterModel) and `retry` (any step, and the pipeline
// default). Read with positions here; the compiler turns them into Condition/Fail steps and RetryPolicies.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import { JOB_EXCEPTIONS, STEP_EXCEPTIONS } from './schema.js';
import type { StepClass, StepInput } from './schema.js';
import { didYouMean } from './suggest.js';
import { locate } from './tree.js';
import type { CNode } from './tree.js';
import type {
  ExceptionType,
  JobSection,
  GateRule,
  ParameterConfig,
  RetryRule,
  StepConfig,
  Threshold,
} from './types.js';

type At = (rel: (string | number)[]) => { loc: Loc; path: string };

/** Step classes whose step runs a SageMaker job (the only ones SageMaker.* retry exceptions apply to). */
export const JOB_STEP_CLASSES: readonly StepClass[] = ['Processing', 'Training', 'Transform', 'Metrics'];
const ALL_EXCEPTIONS: readonly string[] = [...STEP_EXCEPTIONS, ...JOB_EXCEPTIONS];

export function readStepExtensions(
  s: StepInput,
  cls: StepClass,
  rel: (string | number)[],
  node: CNode,
  at: At,
  bag: DiagnosticBag,
): Pick<StepConfig, 'qualityGate' | 'qualityGateLoc' | 'retry'> {
  const out: { qualityGate?: GateRule[]; qualityGateLoc?: Loc; retry?: RetryRule[] } = {};
  if (s.quality_gate) {
    const keyLoc = locate(node, [...rel, 'quality_gate']).keyLoc ?? at(rel).loc;
    if (cls !== 'RegisterModel') {
      const a = at([...rel, 'quality_gate']);
      bag.error(
        'quality-gate-not-register',
        keyLoc,
        a.path,
        `${a.path}: a quality gate guards a RegisterModel step; this is a ${cls} step`,
      );
    } else {
      out.qualityGateLoc = keyLoc;
      out.qualityGate = s.quality_gate.map((g, i) => {
        const r = [...rel, 'quality_gate', i];
        const a = at(r);
        if (g.min === undefined && g.max === undefined)
          bag.error(
            'quality-gate-no-bound',
            a.loc,
            a.path,
            `${a.path}: give min (the metric must be at least this) or max (at most this), or both`,
          );
        if (typeof g.min === 'number' && typeof g.max === 'number' && g.min > g.max)
          bag.error(
            'quality-gate-empty-range',
            at([...r, 'min']).loc,
            `${a.path}.min`,
            `${a.path}: min ${g.min} is above max ${g.max}: no value passes`,
          );
        return {
          metric: g.metric,
          min: threshold(g.min, locate(node, [...r, 'min']).node),
          max: threshold(g.max, locate(node, [...r, 'max']).node),
          loc: a.loc,
        };
      });
    }
  }
  if (s.retry) out.retry = readRetry(s.retry, [...rel, 'retry'], at, bag, cls);
  return out;
}

function threshold(v: number | string | undefined, node: CNode): Threshold | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return { kind: 'parameter', name: v.slice('${param:'.length, -1) };
  // The number as written (`0.80`), for the failure message.
  const text = node.kind === 'scalar' && node.source !== undefined ? node.source : String(v);
  return { kind: 'number', value: v, text };
}

/** Retry policies at `rel`; `cls` set for a step's own list (job exceptions are refused on non-job steps). */
export function readRetry(
  list: NonNullable<StepInput['retry']>,
  rel: (string | number)[],
  at: At,
  bag: DiagnosticBag,
  cls?: StepClass,
): RetryRule[] {
  return list.map((r, i) => {
    const a = at([...rel, i]);
    const exceptions: ExceptionType[] = [];
    r.exceptions.forEach((e, j) => {
      const ea = at([...rel, i, 'exceptions', j]);
      if (!ALL_EXCEPTIONS.includes(e)) {
        bag.error(
          'unknown-retry-exception',
          ea.loc,
          ea.path,
          `${ea.path}: unknown exception type \`${e}\`: use ${ALL_EXCEPTIONS.join(', ')}${didYouMean(e, ALL_EXCEPTIONS)}`,
        );
      } else if (cls && !JOB_STEP_CLASSES.includes(cls) && e.startsWith('SageMaker.')) {
        bag.error(
          'job-exception-on-non-job-step',
          ea.loc,
          ea.path,
          `${ea.path}: \`${e}\` is a job exception, but a ${cls} step runs no job: use ${STEP_EXCEPTIONS.join(' or ')}`,
        );
      } else if (!exceptions.includes(e as ExceptionType)) exceptions.push(e as ExceptionType);
    });
    if ((r.max_attempts === undefined) === (r.expire_after_minutes === undefined))
      bag.error(
        'retry-limit',
        a.loc,
        a.path,
        `${a.path}: give exactly one of max_attempts (1-20) and expire_after_minutes (0-14400)`,
      );
    return {
      exceptions,
      maxAttempts: r.max_attempts,
      expireAfterMinutes: r.expire_after_minutes,
      intervalSeconds: r.interval_seconds ?? 1,
      backoffRate: r.backoff_rate ?? 2,
      loc: a.loc,
    };
  });
}

/** Unit rules of the new keys: a gate needs an earlier Metrics step; parameter thresholds are numeric. */
export function checkStepExtensions(
  units: readonly { steps: readonly StepConfig[] }[],
  parameters: readonly ParameterConfig[],
  bag: DiagnosticBag,
): void {
  for (const unit of units) {
    unit.steps.forEach((s, i) => {
      if (!s.qualityGate) return;
      if (!unit.steps.slice(0, i).some((p) => p.stepClass === 'Metrics')) {
        bag.error(
          'quality-gate-needs-metrics',
          s.qualityGateLoc ?? s.loc,
          `${s.path}.quality_gate`,
          `${s.path}.quality_gate: the gate reads the metrics report of the unit's Metrics step, but model \`${s.model}\` has no Metrics step before \`${s.name}\`: add one (step_class: Metrics) or remove the gate`,
        );
      }
      for (const g of s.qualityGate) {
        for (const t of [g.min, g.max]) {
          if (t?.kind !== 'parameter') continue;
          const p = parameters.find((x) => x.name === t.name);
          if (p && p.type !== 'Integer' && p.type !== 'Float')
            bag.error(
              'parameter-type-mismatch',
              g.loc,
              `${s.path}.quality_gate`,
              `${s.path}.quality_gate: threshold parameter \`${t.name}\` is a ${p.type}; a threshold needs an Integer or Float parameter`,
            );
        }
      }
    });
  }
}

/** The train section's max runtime when none is written (compile/defaults.ts DEFAULTS.maxRuntimeSeconds). */
const DEFAULT_TRAIN_RUNTIME = 3000;

/** Spot keys: train only; max_wait and checkpoints need use_spot_instances; max_wait ≥ the runtime. */
export function checkSpot(section: JobSection, path: string, bag: DiagnosticBag): void {
  const spot = section.spot;
  if (!spot) return;
  if (section.kind !== 'train') {
    bag.warning(
      'spot-outside-train',
      spot.loc,
      path,
      `${path}: use_spot_instances, max_wait and checkpoint_* apply to the train section only; ignored here`,
    );
    return;
  }
  if (!spot.enabled) {
    if (
      spot.maxWait !== undefined ||
      spot.checkpointS3Uri !== undefined ||
      spot.checkpointLocalPath !== undefined
    )
      bag.warning(
        'spot-settings-ignored',
        spot.maxWaitLoc ?? spot.loc,
        path,
        `${path}: max_wait and checkpoint_* only apply with use_spot_instances: true; ignored`,
      );
    return;
  }
  const runtime = section.maxRuntimeSeconds ?? DEFAULT_TRAIN_RUNTIME;
  if (spot.maxWait !== undefined && spot.maxWait < runtime)
    bag.error(
      'max-wait-below-runtime',
      spot.maxWaitLoc ?? spot.loc,
      `${path}.max_wait`,
      `${path}.max_wait: ${spot.maxWait} seconds is less than the job's max runtime (${runtime} s${section.maxRuntimeSeconds === undefined ? ', the default' : ''}): the wait for spot capacity includes the run, so max_wait must be at least ${runtime}`,
    );
}
