// One pipeline execution, simulated on the test clock. Steps start when everything they depend on
// (DependsOn, `Get: Steps.X…` references, the Condition they sit under) has Succeeded, run for
// `script.stepDurationMs`, and finish Succeeded / Failed; an execution ends when nothing runs and
// nothing more can start. State is advanced lazily to `now` (update) and read as of now.
import type { DefinitionStep, ParsedDefinition } from './definition.js';
import type { ServerScript, StepFailure } from './types.js';

export type StepStatus = 'Starting' | 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';
export type ExecutionStatus = 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';

export const EXECUTION_FAILURE_REASON = 'Step failure: One or multiple steps failed.';

interface StepRun {
  step: DefinitionStep;
  startTime: number;
  executingAt: number;
  plannedEnd: number;
  endTime?: number;
  stoppingAt?: number;
  result?: 'Succeeded' | 'Failed' | 'Stopped';
  failureReason?: string;
  cacheSource?: string;
  /** Visible from executingAt (job steps) or endTime (RegisterModel, Condition, Fail). */
  metadata?: Record<string, unknown>;
  metadataFromEnd?: Record<string, unknown>;
  outcome?: boolean;
}

export interface ExecutionInit {
  id: string;
  arn: string;
  pipelineName: string;
  pipelineArn: string;
  region: string;
  accountId: string;
  displayName: string;
  description?: string;
  createdAt: number;
  /** Parameter values as strings (given or defaults). */
  parameters: Record<string, string>;
  definition: ParsedDefinition;
  definitionText: string;
  pipelineVersionId: number;
  maxParallel: number;
  parallelismConfiguration?: { MaxParallelExecutionSteps: number };
  /** For CacheHitResult.SourcePipelineExecutionArn. */
  previousExecutionArn?: string;
}

export interface SimHooks {
  script(): ServerScript;
  /** A generated job/model name, `pipelines-<id>-<step>-<10 chars>` (≤ 63 chars). */
  jobName(executionId: string, stepName: string): string;
  /** Creates the model package; returns its ARN or a failure reason. */
  registerModel(
    execution: SimExecution,
    stepName: string,
    args: Record<string, unknown>,
    time: number,
  ): { arn: string } | { failure: string };
  /** Stores an object in S3, as a job writes its outputs (the metrics a Processing step's script wrote). */
  writeObject(uri: string, body: string): void;
}

export interface StepView {
  StepName: string;
  StepDisplayName?: string;
  StepDescription?: string;
  StartTime: number;
  EndTime?: number;
  StepStatus: StepStatus;
  CacheHitResult?: { SourcePipelineExecutionArn: string };
  FailureReason?: string;
  AttemptCount: number;
  Metadata: Record<string, unknown>;
  /** Definition order, for stable sorting. */
  index: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SimExecution {
  readonly init: ExecutionInit;
  readonly #hooks: SimHooks;
  readonly #runs = new Map<string, StepRun>();
  #cursor: number;
  #failed = false;
  #endTime: number | undefined;
  #final: 'Succeeded' | 'Failed' | 'Stopped' | undefined;
  #stopRequestedAt: number | undefined;

  constructor(init: ExecutionInit, hooks: SimHooks) {
    this.init = init;
    this.#hooks = hooks;
    this.#cursor = init.createdAt;
  }

  get id(): string {
    return this.init.id;
  }
  get arn(): string {
    return this.init.arn;
  }

  // ------------------------------------------------------------------------------- progress

  /** Advances the simulation to `now`. */
  update(now: number): void {
    if (this.#final) return;
    if (this.#stopRequestedAt !== undefined) {
      if (now > this.#stopRequestedAt) {
        for (const run of this.#running()) {
          run.result = 'Stopped';
          run.endTime = now;
        }
        this.#finish('Stopped', now);
      }
      return;
    }
    for (;;) {
      this.#startReady(this.#cursor);
      const running = this.#running();
      if (running.length === 0) {
        this.#finish(this.#failed ? 'Failed' : 'Succeeded', this.#cursor);
        return;
      }
      const next = Math.min(...running.map((r) => r.plannedEnd));
      if (next > now) return;
      this.#cursor = next;
      for (const run of running
        .filter((r) => r.plannedEnd === next)
        .sort((a, b) => a.step.index - b.step.index)) {
        this.#complete(run, next);
      }
    }
  }

  /** StopPipelineExecution at `now`: Stopping now, Stopped at the next clock move. */
  stop(now: number): 'stopping' | 'already-stopping' | 'terminal' {
    this.update(now);
    if (this.#final) return 'terminal';
    if (this.#stopRequestedAt !== undefined) return 'already-stopping';
    this.#stopRequestedAt = now;
    for (const run of this.#running()) run.stoppingAt = now;
    return 'stopping';
  }

  #running(): StepRun[] {
    return [...this.#runs.values()].filter((r) => r.endTime === undefined);
  }

  #finish(result: 'Succeeded' | 'Failed' | 'Stopped', at: number): void {
    this.#final = result;
    this.#endTime = at;
  }

  #startReady(t: number): void {
    if (this.#failed) return;
    const script = this.#hooks.script();
    for (const step of this.init.definition.steps) {
      if (this.#runs.has(step.name)) continue;
      if (this.#running().length >= this.init.maxParallel) return;
      if (step.gate) {
        const cond = this.#runs.get(step.gate.condition);
        if (cond?.result !== 'Succeeded' || cond.outcome !== step.gate.branch) continue;
      }
      if (!step.deps.every((d) => this.#runs.get(d)?.result === 'Succeeded')) continue;

      const cached = script.cacheHits.includes(step.name);
      const duration = cached ? 0 : Math.max(0, script.stepDurations[step.name] ?? script.stepDurationMs);
      const run: StepRun = {
        step,
        startTime: t,
        executingAt: t + Math.min(script.stepStartingMs, duration),
        plannedEnd: t + duration,
      };
      if (cached)
        run.cacheSource =
          this.init.previousExecutionArn ?? `${this.init.pipelineArn}/execution/cachedsource1`;
      const jobKind = {
        Training: 'training-job',
        Processing: 'processing-job',
        Transform: 'transform-job',
        Model: 'model',
      }[step.type];
      if (jobKind) {
        const sourceId = cached ? run.cacheSource!.split('/').pop()! : this.init.id;
        const name = this.#hooks.jobName(sourceId, step.name);
        const key = {
          Training: 'TrainingJob',
          Processing: 'ProcessingJob',
          Transform: 'TransformJob',
          Model: 'Model',
        }[step.type]!;
        run.metadata = {
          [key]: {
            Arn: `arn:aws:sagemaker:${this.init.region}:${this.init.accountId}:${jobKind}/${name.toLowerCase()}`,
          },
        };
      }
      this.#runs.set(step.name, run);
    }
  }

  #scriptedFailure(name: string): StepFailure | undefined {
    const f = this.#hooks.script().failStep;
    const list = f === undefined ? [] : Array.isArray(f) ? f : [f];
    return list.find((x) => x.name === name);
  }

  #complete(run: StepRun, at: number): void {
    run.endTime = at;
    const step = run.step;
    const args = isObject(step.json.Arguments) ? step.json.Arguments : {};
    const scripted = run.cacheSource ? undefined : this.#scriptedFailure(step.name);
    if (scripted) {
      run.result = 'Failed';
      run.failureReason = scripted.reason ?? 'ClientError: injected failure';
    } else if (step.type === 'Fail') {
      const message = String(this.resolve(args.ErrorMessage ?? '', at) ?? '');
      run.result = 'Failed';
      run.failureReason = message;
      run.metadataFromEnd = { Fail: { ErrorMessage: message } };
    } else if (step.type === 'Condition') {
      const scriptedOutcome = this.#hooks.script().conditionOutcomes[step.name];
      run.outcome = scriptedOutcome ?? this.#evaluateConditions(args.Conditions, at) ?? true;
      run.result = 'Succeeded';
      run.metadataFromEnd = { Condition: { Outcome: run.outcome ? 'True' : 'False' } };
    } else if (step.type === 'RegisterModel') {
      const resolved = this.resolve(args, at) as Record<string, unknown>;
      const r = this.#hooks.registerModel(this, step.name, resolved, at);
      if ('arn' in r) {
        run.result = 'Succeeded';
        run.metadataFromEnd = { RegisterModel: { Arn: r.arn } };
      } else {
        run.result = 'Failed';
        run.failureReason = r.failure;
      }
    } else {
      run.result = 'Succeeded';
      if (step.type === 'Processing') this.#writePropertyFiles(step, args, at);
    }
    if (run.result === 'Failed') this.#failed = true;
  }

  /**
   * A Processing step's scripted property files (`script.propertyFiles['<step>.<PropertyFileName>']`) written to
   * the S3 location of their output, as the job's script would write them: an object as JSON, a string as is.
   */
  #writePropertyFiles(step: DefinitionStep, args: Record<string, unknown>, at: number): void {
    const files = Array.isArray(step.json.PropertyFiles) ? step.json.PropertyFiles : [];
    for (const f of files) {
      if (!isObject(f)) continue;
      const content = this.#hooks.script().propertyFiles[`${step.name}.${String(f.PropertyFileName)}`];
      const uri = this.#outputUri(args, String(f.OutputName), at);
      if (content === undefined || uri === undefined) continue;
      this.#hooks.writeObject(
        `${uri.replace(/\/+$/, '')}/${String(f.FilePath)}`,
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    }
  }

  /** The resolved S3Uri of a Processing step's output `name` (from its Arguments), if it has one. */
  #outputUri(args: Record<string, unknown>, name: string, at: number): string | undefined {
    const config = isObject(args.ProcessingOutputConfig) ? args.ProcessingOutputConfig : {};
    const outputs = Array.isArray(config.Outputs) ? config.Outputs : [];
    const out = outputs.find((o) => isObject(o) && o.OutputName === name) as
      Record<string, unknown> | undefined;
    const uri = isObject(out?.S3Output) ? this.resolve(out.S3Output.S3Uri, at) : undefined;
    return typeof uri === 'string' ? uri : undefined;
  }

  // ------------------------------------------------------------------------------- expressions

  /** Resolves pipeline expressions in `value` as the service would at run time (step properties are fakes). */
  resolve(value: unknown, at: number): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, at));
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Get' && typeof value.Get === 'string')
      return this.#get(value.Get, at);
    if (keys.length === 1 && keys[0] === 'Std:Join' && isObject(value['Std:Join'])) {
      const j = value['Std:Join'];
      const parts = Array.isArray(j.Values) ? j.Values.map((v) => this.resolve(v, at)) : [];
      return parts
        .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
        .join(typeof j.On === 'string' ? j.On : '');
    }
    if (keys.length === 1 && keys[0] === 'Std:JsonGet' && isObject(value['Std:JsonGet']))
      return this.#jsonGet(value['Std:JsonGet']);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v, at)]));
  }

  /** Std:JsonGet on a PropertyFile: the scripted file's value at Path (dots and [n]), or undefined. */
  #jsonGet(j: Record<string, unknown>): unknown {
    const file = isObject(j.PropertyFile) ? j.PropertyFile.Get : undefined;
    const m =
      typeof file === 'string'
        ? /^Steps\.([A-Za-z0-9_-]+)\.PropertyFiles\.([A-Za-z0-9_-]+)$/.exec(file)
        : null;
    if (!m || typeof j.Path !== 'string') return undefined;
    let cur: unknown = this.#hooks.script().propertyFiles[`${m[1]}.${m[2]}`];
    for (const seg of j.Path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return cur;
  }

  #get(ref: string, at: number): unknown {
    const [root, rest = ''] = [ref.slice(0, ref.indexOf('.')), ref.slice(ref.indexOf('.') + 1)];
    if (root === 'Parameters') {
      const p = this.init.definition.parameters.find((q) => q.Name === rest);
      const raw = this.init.parameters[rest];
      if (p?.Type === 'Integer' || p?.Type === 'Float')
        return raw === undefined ? p.DefaultValue : Number(raw);
      if (p?.Type === 'Boolean') return raw === undefined ? p.DefaultValue : raw.toLowerCase() === 'true';
      return raw ?? p?.DefaultValue;
    }
    if (root === 'Execution') {
      const v: Record<string, string> = {
        PipelineExecutionId: this.init.id,
        PipelineExecutionArn: this.init.arn,
        PipelineName: this.init.pipelineName,
        PipelineArn: this.init.pipelineArn,
        StartDateTime: new Date(this.init.createdAt).toISOString(),
        CurrentDateTime: new Date(at).toISOString(),
      };
      return v[rest] ?? rest;
    }
    if (root === 'PipelineExperimentConfig')
      return rest === 'TrialName' ? this.init.id : this.init.pipelineName.toLowerCase();
    // A Processing output's location is the one its step's definition gives (where its script's files are).
    const output = /^([A-Za-z0-9_-]+)\.ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri$/.exec(
      rest,
    );
    const producer = output && this.init.definition.steps.find((s) => s.name === output[1]);
    if (output && producer && isObject(producer.json.Arguments)) {
      const uri = this.#outputUri(producer.json.Arguments, output[2]!, at);
      if (uri !== undefined) return uri;
    }
    // Steps.<name>.<path>: a plausible stand-in.
    const m = /^([A-Za-z0-9_-]+)\.?(.*)$/.exec(rest);
    const [stepName, path] = [m?.[1] ?? rest, m?.[2] ?? ''];
    if (/S3|Uri|Url|Path|Artifacts/i.test(path)) {
      return `s3://sagemaker-${this.init.region}-${this.init.accountId}/${this.init.id}/${stepName}/${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    }
    return `${stepName}-${path}`;
  }

  #evaluateConditions(conditions: unknown, at: number): boolean | undefined {
    if (!Array.isArray(conditions)) return undefined;
    let all = true;
    for (const c of conditions) {
      const r = this.#evaluate(c, at);
      if (r === undefined) return undefined;
      all &&= r;
    }
    return all;
  }

  #evaluate(c: unknown, at: number): boolean | undefined {
    if (!isObject(c)) return undefined;
    const v = (x: unknown): unknown => this.resolve(x, at);
    const num = (x: unknown): number | undefined =>
      typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : undefined;
    switch (c.Type) {
      case 'Not': {
        const r = this.#evaluate(c.Condition, at);
        return r === undefined ? undefined : !r;
      }
      case 'Or': {
        if (!Array.isArray(c.Conditions)) return undefined;
        const rs = c.Conditions.map((x) => this.#evaluate(x, at));
        return rs.includes(undefined) ? undefined : rs.includes(true);
      }
      case 'In': {
        const q = v(c.QueryValue);
        return q === undefined || !Array.isArray(c.Values) ? undefined : c.Values.map(v).includes(q);
      }
      case 'Equals': {
        const [l, r] = [v(c.LeftValue), v(c.RightValue)];
        return l === undefined || r === undefined ? undefined : l === r;
      }
      case 'GreaterThan':
      case 'GreaterThanOrEqualTo':
      case 'LessThan':
      case 'LessThanOrEqualTo': {
        const [l, r] = [num(v(c.LeftValue)), num(v(c.RightValue))];
        if (l === undefined || r === undefined || Number.isNaN(l) || Number.isNaN(r)) return undefined;
        return {
          GreaterThan: l > r,
          GreaterThanOrEqualTo: l >= r,
          LessThan: l < r,
          LessThanOrEqualTo: l <= r,
        }[c.Type];
      }
      default:
        return undefined;
    }
  }

  // ------------------------------------------------------------------------------- views (as of now)

  get status(): ExecutionStatus {
    if (this.#final) return this.#final;
    return this.#stopRequestedAt !== undefined ? 'Stopping' : 'Executing';
  }

  get failureReason(): string | undefined {
    return this.#final === 'Failed' ? EXECUTION_FAILURE_REASON : undefined;
  }

  get endTime(): number | undefined {
    return this.#endTime;
  }

  /** Latest time anything about this execution changed, up to `now`. */
  lastModifiedTime(now: number): number {
    let t = this.init.createdAt;
    const see = (x: number | undefined): void => {
      if (x !== undefined && x <= now && x > t) t = x;
    };
    for (const run of this.#runs.values()) {
      see(run.startTime);
      if (run.endTime === undefined || run.executingAt < run.endTime) see(run.executingAt);
      see(run.stoppingAt);
      see(run.endTime);
    }
    see(this.#stopRequestedAt);
    see(this.#endTime);
    return t;
  }

  /** The steps that have started, as ListPipelineExecutionSteps shows them at `now`. */
  steps(now: number): StepView[] {
    return [...this.#runs.values()].map((run) => {
      let status: StepStatus;
      if (run.endTime !== undefined && run.endTime <= now) status = run.result!;
      else if (run.stoppingAt !== undefined && now >= run.stoppingAt) status = 'Stopping';
      else status = now < run.executingAt ? 'Starting' : 'Executing';
      const ended = run.endTime !== undefined && run.endTime <= now;
      const json = run.step.json;
      const view: StepView = {
        StepName: run.step.name,
        StartTime: run.startTime,
        StepStatus: status,
        AttemptCount: 1,
        Metadata: {},
        index: run.step.index,
      };
      if (typeof json.DisplayName === 'string') view.StepDisplayName = json.DisplayName;
      if (typeof json.Description === 'string') view.StepDescription = json.Description;
      if (ended) view.EndTime = run.endTime;
      if (run.cacheSource) view.CacheHitResult = { SourcePipelineExecutionArn: run.cacheSource };
      if (ended && run.failureReason !== undefined) view.FailureReason = run.failureReason;
      if (run.metadata && (ended || now >= run.executingAt)) view.Metadata = { ...run.metadata };
      if (run.metadataFromEnd && ended) view.Metadata = { ...view.Metadata, ...run.metadataFromEnd };
      return view;
    });
  }
}
