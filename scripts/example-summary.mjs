// GitHub-like HTML pages of the job summary a main-branch `run` writes, from the real renderer (for the
// screenshots in docs/screenshots/run-*.png): the multi-model example's plan (scripts/example-comment.mjs) and
// then (1) a failed execution: `calhousing-tf-Training` fails after 29 minutes with a multi-line ValueError, the
// steps after it never run, the pca model was registered before; (2) a succeeded one registering both models,
// the tf version with six metric values. The page is composed as the action's finish() composes the summary
// (report/job-summary.ts: the outcome heading, the run report and the failure block, then the plan); htmlPage
// draws GitHub's alert blocks as github.com does (marked-alert).
// `npm run docs:summary` (tsc to lib/, then this); then, for each page,
// `scripts/screenshot.sh out/html/run-failed.html docs/screenshots/run-failed.png` (run-failed-gray.html →
// run-failed-grayscale.png, run-succeeded.html → run-succeeded.png).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TextEncoder } from 'node:util';
import { executionLink, jobLinks, modelGroupLink } from '../lib/aws/console.js';
import { loadAndCompile } from '../lib/app/compile-project.js';
import { runDag } from '../lib/plan/dag.js';
import { stepModels } from '../lib/plan/view.js';
import { parseMetricsReport } from '../lib/report/metrics-report.js';
import { renderJobSummary } from '../lib/report/job-summary.js';
import { renderPlanComment } from '../lib/report/plan-comment.js';
import { failedStepShown, renderFailure, renderRunReport, runOutcome } from '../lib/report/run-report.js';
import { exampleView, htmlPage } from './example-comment.mjs';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const ENV = {
  SMP_S3BUCKETNAME: `ml-artifacts-${ACCOUNT}`,
  SMP_ROLE: `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`,
  SMP_REGION: REGION,
  SMP_ACCOUNTID: ACCOUNT,
};
const EXECUTION_ID = 'k3x9q2m1abcd';
const T0 = Date.parse('2026-12-03T09:00:00Z');
const min = (m) => new Date(T0 + m * 60_000);

const plan = (() => {
  const r = loadAndCompile({
    workspace: '.',
    globs: ['examples/multi-model-example/*/conf/conf-multi-model.yaml'],
    env: ENV,
    allowPlaceholders: false,
  });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
})();
const pipelineArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:pipeline/${plan.pipelineName}`;
const executionArn = `${pipelineArn}/execution/${EXECUTION_ID}`;

function job(kind, step) {
  return `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${kind}/pipelines-${EXECUTION_ID}-${step.slice(0, 29)}-Xk2pQ9mZtR`.toLowerCase();
}

/** A step as the wait reports it; `kind` names its job for the console and log links. */
function step(name, status, start, end, extra = {}) {
  const jobArn = extra.kind ? job(extra.kind, name) : undefined;
  return {
    name,
    status,
    startTime: min(start),
    endTime: end === undefined ? undefined : min(end),
    failureReason: extra.failureReason,
    cacheSource: undefined,
    links: jobArn ? jobLinks(jobArn) : undefined,
  };
}

function registered(group, version, metricsUri, metrics) {
  const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/${group}/${version}`;
  return {
    group,
    version,
    approvalStatus: 'PendingManualApproval',
    arn,
    metricsUri,
    metrics:
      metrics === undefined
        ? undefined
        : parseMetricsReport(new TextEncoder().encode(JSON.stringify(metrics))),
    registryLink: modelGroupLink(arn),
  };
}

const TRAIN_ERROR = [
  'AlgorithmError: ExecuteUserScriptError:',
  'ExitCode 1',
  "ErrorMessage \"ValueError: Input contains NaN, infinity or a value too large for dtype('float32').",
  '  File "/opt/ml/code/train.py", line 87, in <module>',
  '    model.fit(x_train, y_train, epochs=args.epochs, validation_data=(x_val, y_val))',
  '"',
  'Command "/usr/local/bin/python3.9 train.py --epochs 80 --learning_rate 0.01", exit code: 1',
].join('\n');

const METRICS = {
  regression_metrics: {
    mse: { value: 0.251347, standard_deviation: 0.011204 },
    rmse: { value: 0.501345, standard_deviation: 0.010891 },
    mae: { value: 0.371902, standard_deviation: 0.008113 },
    r2: { value: 0.871226, standard_deviation: 0.004317 },
    mape: { value: 21.40571, standard_deviation: 0.93128 },
    explained_variance: { value: 0.871901, standard_deviation: 0.004208 },
  },
};

const base = {
  pipelineArn,
  action: 'updated',
  uploaded: { count: 2, bytes: 3481, skipped: 3 },
  executionArn,
  executionLink: executionLink(executionArn),
  attached: false,
  plannedSteps: plan.definition.Steps.map((s) => s.Name),
};

function withDag(report) {
  const statuses = new Map(report.steps.map((s) => [s.name, s.status]));
  return { ...report, dag: runDag(plan.definition, stepModels(plan), statuses) };
}

export function failedRun() {
  const steps = [
    step('calhousing-pca-Preprocessing', 'Succeeded', 0, 3, { kind: 'processing-job' }),
    step('calhousing-tf-Preprocessing', 'Succeeded', 0, 4, { kind: 'processing-job' }),
    step('calhousing-pca-Training', 'Succeeded', 3, 15, { kind: 'training-job' }),
    step('calhousing-pca-Register', 'Succeeded', 15, 15.2),
    step('calhousing-tf-Training', 'Failed', 4, 29, { kind: 'training-job', failureReason: TRAIN_ERROR }),
  ];
  const train = steps.find((s) => s.status === 'Failed');
  const report = withDag({
    ...base,
    outcome: 'Failed',
    failureReason: 'Step failure: One or multiple steps failed.',
    steps,
    models: [registered('calhousing-test-calhousingpca', 7, undefined, undefined)],
  });
  // As the action's phases() words it for the failure block and the ::error:: annotation.
  const failure = {
    title: `Execution failed at ${train.name}`,
    message: `${TRAIN_ERROR}\njob: ${job('training-job', train.name)}`,
    shown: failedStepShown(TRAIN_ERROR),
  };
  return { report, failure };
}

export function succeededRun() {
  const steps = [
    step('calhousing-pca-Preprocessing', 'Succeeded', 0, 3, { kind: 'processing-job' }),
    step('calhousing-tf-Preprocessing', 'Succeeded', 0, 4, { kind: 'processing-job' }),
    step('calhousing-pca-Training', 'Succeeded', 3, 15, { kind: 'training-job' }),
    step('calhousing-pca-Register', 'Succeeded', 15, 15.2),
    step('calhousing-tf-Training', 'Succeeded', 4, 31, { kind: 'training-job' }),
    step('calhousing-tf-CreateModel', 'Succeeded', 31, 31.3),
    step('calhousing-tf-Transform', 'Succeeded', 31.3, 37, { kind: 'transform-job' }),
    step('calhousing-tf-Metrics', 'Succeeded', 37, 41, { kind: 'processing-job' }),
    step('calhousing-tf-Register', 'Succeeded', 41, 41.2),
  ];
  const metricsUri = `s3://ml-artifacts-${ACCOUNT}/${plan.pipelineName}/${EXECUTION_ID}/calhousing-tf-Metrics/output/model_evaluation_metrics/model_evaluation_metrics.json`;
  const report = withDag({
    ...base,
    outcome: 'Succeeded',
    steps,
    models: [
      registered('calhousing-test-calhousingpca', 8, undefined, undefined),
      registered('calhousing-test-calhousingtf', 12, metricsUri, METRICS),
    ],
  });
  return { report, failure: undefined };
}

/** The job summary as the action's finish() writes it. */
export function jobSummary({ report, failure }) {
  const sections = [renderRunReport(report, T0 + 45 * 60_000)];
  if (failure) sections.push(renderFailure(failure.title, failure.shown ?? failure.message));
  const view = exampleView();
  return renderJobSummary(runOutcome(report, T0 + 45 * 60_000), sections, (extra) =>
    renderPlanComment({ ...view, extra }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--html');
  const dir = i > 0 ? (process.argv[i + 1] ?? 'out/html') : 'out/html';
  mkdirSync(dir, { recursive: true });
  const failed = jobSummary(failedRun());
  const succeeded = jobSummary(succeededRun());
  writeFileSync(path.join(dir, 'run-failed.md'), failed);
  writeFileSync(path.join(dir, 'run-succeeded.md'), succeeded);
  writeFileSync(path.join(dir, 'run-failed.html'), htmlPage(failed));
  writeFileSync(path.join(dir, 'run-failed-gray.html'), htmlPage(failed, { grayscale: true }));
  writeFileSync(path.join(dir, 'run-succeeded.html'), htmlPage(succeeded));
}
