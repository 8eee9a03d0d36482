export const id = 600;
export const ids = [600];
export const modules = {

/***/ 8600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: ./lib/cli-run.js + 6 modules
var cli_run = __webpack_require__(9677);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
;// CONCATENATED MODULE: ./lib/aws/clients.js

const USER_AGENT = `smp-action/${version/* VERSION */.x}`;
const DEFAULT_ATTEMPTS = 8;
/**
 * The SDK warns on Node 20 that its releases after January 2027 need Node 22; the lockfile pins one that runs on
 * 20 (CI's Node; the action itself runs on node24). Sets the SDK's own switch in this process's environment.
 */
function quietNodeVersionWarning(env = process.env) {
    env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
function common(opts) {
    return {
        region: opts.region,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
        maxAttempts: opts.maxAttempts ?? DEFAULT_ATTEMPTS,
        retryMode: 'adaptive',
        customUserAgent: USER_AGENT,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    };
}
async function createAwsClients(opts) {
    quietNodeVersionWarning();
    const env = opts.env ?? process.env;
    const [{ SageMakerClient }, { S3Client }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4459, 19)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)),
    ]);
    // A custom S3 endpoint (LocalStack, tests, some VPC endpoints) rarely resolves bucket subdomains.
    const forcePathStyle = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL) || env.SMP_S3_FORCE_PATH_STYLE === 'true';
    return {
        sagemaker: new SageMakerClient(common(opts)),
        s3: new S3Client({ ...common(opts), forcePathStyle }),
        region: opts.region,
    };
}
/** STS for the OIDC exchange: AssumeRoleWithWebIdentity is unsigned, so no credentials are needed. */
async function createStsClient(region, maxAttempts = 1) {
    quietNodeVersionWarning();
    const { STSClient } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    // Our own loop retries the exchange (fresh token per attempt, transient errors only): no SDK retries here.
    return new STSClient({ ...common({ region }), maxAttempts });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js
var dist_cjs = __webpack_require__(4459);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/aws/execution.js
// Start an execution, or attach to the one this job already started (a re-run of the same workflow run).


const DISPLAY_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;
/** `<sha7>-<run_id>`, reduced to what PipelineExecutionDisplayName accepts (≤ 82, letters/digits/hyphens). */
function executionDisplayName(sha, runId) {
    const raw = [sha?.slice(0, 7) || 'local', runId || String(Date.now())].join('-');
    const cleaned = raw
        .replace(/[^a-zA-Z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 82)
        .replace(/-+$/, '');
    return cleaned || 'smp';
}
/** Idempotency token: the same plan in the same run attempt is one execution. */
function executionToken(planHash, runId, attempt) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${planHash}:${runId ?? ''}:${attempt ?? ''}`)
        .digest('hex');
}
/** Statuses of an earlier execution of this run that a re-run attaches to instead of starting another. */
const ATTACHABLE = new Set(['Executing', 'Succeeded']);
/** Pages of recent executions searched for our display name; re-runs come soon after the first attempt. */
const LOOKUP_PAGES = 2;
async function startOrAttach(sm, opts) {
    let token;
    for (let page = 0; page < LOOKUP_PAGES; page++) {
        const out = await sm.send(new dist_cjs.ListPipelineExecutionsCommand({
            PipelineName: opts.pipelineName,
            SortBy: 'CreationTime',
            SortOrder: 'Descending',
            MaxResults: 50,
            ...(token ? { NextToken: token } : {}),
        }));
        // Newest first: the latest execution this run started. A failed or stopped one is not attached to, so
        // re-running a failed job runs the pipeline again.
        const found = (out.PipelineExecutionSummaries ?? []).find((e) => e.PipelineExecutionDisplayName === opts.displayName);
        if (found) {
            if (found.PipelineExecutionArn && ATTACHABLE.has(found.PipelineExecutionStatus ?? '')) {
                return { arn: found.PipelineExecutionArn, attached: true };
            }
            break;
        }
        token = out.NextToken;
        if (!token)
            break;
    }
    const out = await sm.send(new dist_cjs.StartPipelineExecutionCommand({
        PipelineName: opts.pipelineName,
        PipelineExecutionDisplayName: opts.displayName,
        ...(opts.description ? { PipelineExecutionDescription: opts.description.slice(0, 3072) } : {}),
        ClientRequestToken: opts.token,
    }));
    return { arn: out.PipelineExecutionArn ?? '', attached: false };
}

;// CONCATENATED MODULE: ./lib/aws/limits.js

const LIMITS = {
    displayName: 82,
    parameters: 200,
    tags: 50,
    description: 3072,
    tagKey: 128,
    tagValue: 256,
};
function checkLimits(plan, opts) {
    const out = [];
    const fail = (code, message) => {
        out.push({ code, severity: 'error', loc: null, path: 'deploy', message });
    };
    const pipelineLoc = plan.origins.values().next().value?.loc ?? null;
    if (opts.displayName !== undefined && !DISPLAY_NAME.test(opts.displayName)) {
        fail('limit-display-name', `execution display name \`${opts.displayName}\` must be 1-${LIMITS.displayName} letters, digits and single hyphens`);
    }
    if (plan.definition.Parameters.length > LIMITS.parameters) {
        fail('limit-parameters', `the pipeline has ${plan.definition.Parameters.length} parameters; StartPipelineExecution accepts at most ${LIMITS.parameters}`);
    }
    if (opts.tags.length > LIMITS.tags)
        fail('limit-tags', `${opts.tags.length} pipeline tags; SageMaker accepts at most ${LIMITS.tags}`);
    for (const t of opts.tags) {
        if (t.Key.length > LIMITS.tagKey || t.Value.length > LIMITS.tagValue)
            fail('limit-tag-length', `tag \`${t.Key.slice(0, 40)}\` is too long (key ≤ 128, value ≤ 256 characters)`);
    }
    if (opts.description && opts.description.length > LIMITS.description) {
        out.push({
            code: 'limit-description',
            severity: 'error',
            loc: pipelineLoc,
            path: 'conf.sagemakerPipeline.pipelineDescription',
            message: `pipelineDescription has ${opts.description.length} characters; SageMaker accepts at most ${LIMITS.description}`,
        });
    }
    return out;
}

// EXTERNAL MODULE: ./lib/plan/hash.js
var plan_hash = __webpack_require__(6371);
// EXTERNAL MODULE: ./lib/plan/view.js
var view = __webpack_require__(2510);
;// CONCATENATED MODULE: ./lib/aws/pipeline.js
// The pipeline resource: read what is deployed, create or update it (skipping no-op updates), model groups.



async function readDeployed(sm, name) {
    try {
        const out = await sm.send(new dist_cjs.DescribePipelineCommand({ PipelineName: name }));
        return {
            arn: out.PipelineArn ?? '',
            definition: (0,view/* definitionFromJson */.OL)(JSON.parse(out.PipelineDefinition ?? '{"Steps": []}')),
            roleArn: out.RoleArn,
            description: out.PipelineDescription,
            parallelism: out.ParallelismConfiguration?.MaxParallelExecutionSteps,
        };
    }
    catch (err) {
        if (err.name === 'ResourceNotFound')
            return null;
        throw err;
    }
}
/** Whether the deployed pipeline already is what the plan describes (definition, role, description, parallelism). */
function isUpToDate(deployed, plan, opts) {
    return ((0,plan_hash/* canonicalJson */.dj)(deployed.definition) === (0,plan_hash/* canonicalJson */.dj)(plan.definition) &&
        deployed.roleArn === opts.roleArn &&
        // Unset means "not managed here": UpdatePipeline cannot clear either, so comparing would update forever.
        (opts.description === undefined || deployed.description === opts.description) &&
        (opts.parallelism === undefined || deployed.parallelism === opts.parallelism));
}
function definitionArgs(plan) {
    return plan.definitionS3
        ? { PipelineDefinitionS3Location: { Bucket: plan.definitionS3.bucket, ObjectKey: plan.definitionS3.key } }
        : { PipelineDefinition: plan.definitionJson };
}
async function upsertPipeline(sm, plan, deployed, opts) {
    const common = {
        PipelineName: plan.pipelineName,
        RoleArn: opts.roleArn,
        ...definitionArgs(plan),
        ...(opts.description ? { PipelineDescription: opts.description } : {}),
        ...(opts.parallelism
            ? { ParallelismConfiguration: { MaxParallelExecutionSteps: opts.parallelism } }
            : {}),
    };
    if (!deployed) {
        const out = await sm.send(new dist_cjs.CreatePipelineCommand({
            ...common,
            // The same plan retried (a re-run, a network retry) is one creation.
            ClientRequestToken: `smp-${opts.planHash}`.slice(0, 128),
            ...(opts.tags.length > 0 ? { Tags: [...opts.tags] } : {}),
        }));
        return { action: 'created', arn: out.PipelineArn ?? '' };
    }
    await syncTags(sm, deployed.arn, opts.tags);
    if (isUpToDate(deployed, plan, opts))
        return { action: 'unchanged', arn: deployed.arn };
    const out = await sm.send(new dist_cjs.UpdatePipelineCommand(common));
    return { action: 'updated', arn: out.PipelineArn ?? deployed.arn };
}
/** UpdatePipeline cannot change tags: add the missing or different ones (never removes others' tags). */
async function syncTags(sm, arn, tags) {
    if (tags.length === 0)
        return;
    const out = await sm.send(new dist_cjs.ListTagsCommand({ ResourceArn: arn }));
    const have = new Map((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    const missing = tags.filter((t) => have.get(t.Key) !== t.Value);
    if (missing.length > 0)
        await sm.send(new dist_cjs.AddTagsCommand({ ResourceArn: arn, Tags: [...missing] }));
}
/** Creates the model package groups the RegisterModel steps use, when missing. */
async function ensureModelPackageGroups(sm, groups, tags) {
    const created = [];
    for (const g of groups) {
        try {
            await sm.send(new dist_cjs.DescribeModelPackageGroupCommand({ ModelPackageGroupName: g.name }));
            continue;
        }
        catch (err) {
            const e = err;
            // SageMaker answers a missing group with ValidationException "… does not exist".
            if (!(e.name === 'ValidationException' && /does not exist|not found/i.test(e.message ?? '')) &&
                e.name !== 'ResourceNotFound')
                throw err;
        }
        await sm.send(new dist_cjs.CreateModelPackageGroupCommand({
            ModelPackageGroupName: g.name,
            ...(g.description ? { ModelPackageGroupDescription: g.description } : {}),
            ...(tags.length > 0 ? { Tags: [...tags] } : {}),
        }));
        created.push(g.name);
    }
    return created;
}

;// CONCATENATED MODULE: ./lib/aws/registered.js
// The model package versions an execution registered (never changes their approval status).

async function registeredModels(sm, steps) {
    const out = [];
    for (const s of steps) {
        if (!s.modelPackageArn)
            continue;
        const d = await sm.send(new dist_cjs.DescribeModelPackageCommand({ ModelPackageName: s.modelPackageArn }));
        out.push({
            step: s.name,
            arn: d.ModelPackageArn ?? s.modelPackageArn,
            group: d.ModelPackageGroupName ?? '',
            version: d.ModelPackageVersion,
            approvalStatus: d.ModelApprovalStatus ?? 'Unknown',
            metricsUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
        });
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./lib/aws/upload.js
// Upload content-addressed artifacts: HeadObject first, skip what is there (the key names the content).

const CONTENT_TYPES = {
    '.gz': 'application/gzip',
    '.sh': 'text/x-shellscript',
    '.json': 'application/json',
};
async function uploadArtifacts(s3, artifacts, opts = {}) {
    const uploaded = [];
    const skipped = [];
    const queue = [...artifacts];
    const worker = async () => {
        for (let a = queue.shift(); a; a = queue.shift()) {
            if (await exists(s3, a)) {
                skipped.push({ key: a.key, bytes: a.bytes });
                opts.log?.(`  = s3://${a.bucket}/${a.key} (already there)`);
                continue;
            }
            await s3.send(new client_s3_dist_cjs.PutObjectCommand({
                Bucket: a.bucket,
                Key: a.key,
                Body: a.content,
                ContentLength: a.bytes,
                ContentType: CONTENT_TYPES[a.key.slice(a.key.lastIndexOf('.'))] ?? 'application/octet-stream',
                ChecksumSHA256: Buffer.from(a.sha256, 'hex').toString('base64'),
                // Without a key the bucket's own default encryption (at least SSE-S3) applies, whatever key it names.
                ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKey } : {}),
            }));
            uploaded.push({ key: a.key, bytes: a.bytes });
            opts.log?.(`  + s3://${a.bucket}/${a.key} (${a.bytes} bytes)`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, artifacts.length)) }, worker));
    const order = (x, y) => (x.key < y.key ? -1 : 1);
    return { uploaded: uploaded.sort(order), skipped: skipped.sort(order) };
}
async function exists(s3, a) {
    try {
        await s3.send(new client_s3_dist_cjs.HeadObjectCommand({ Bucket: a.bucket, Key: a.key }));
        return true;
    }
    catch (err) {
        const e = err;
        // Without s3:ListBucket a missing object answers 403, not 404: upload it either way.
        if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404 || e.$metadata?.httpStatusCode === 403)
            return false;
        throw err;
    }
}

;// CONCATENATED MODULE: ./lib/report/duration.js
// Durations as the log and the reports show them: 5s, 3m12s, 3h01m.
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

;// CONCATENATED MODULE: ./lib/aws/console.js
// Links into the AWS console for an execution, a job and its logs (best effort: the console moves).
function host(region) {
    return region.startsWith('cn-')
        ? `https://${region}.console.amazonaws.cn`
        : `https://${region}.console.aws.amazon.com`;
}
/** arn:aws:sagemaker:<region>:<account>:pipeline/<name>/execution/<id> */
function executionLink(executionArn) {
    const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:pipeline\/([^/]+)\/execution\/(.+)$/.exec(executionArn);
    if (!m)
        return '';
    const [, region = '', pipeline = '', id = ''] = m;
    return `${host(region)}/sagemaker/home?region=${region}#/pipelines/${encodeURIComponent(pipeline)}/executions/${encodeURIComponent(id)}`;
}
/** Console page and CloudWatch log group of a training/processing/transform job ARN. */
function jobLinks(jobArn) {
    const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:(training-job|processing-job|transform-job)\/(.+)$/.exec(jobArn);
    if (!m)
        return undefined;
    const [, region = '', kind = '', name = ''] = m;
    const page = {
        'training-job': 'jobs',
        'processing-job': 'processing-jobs',
        'transform-job': 'transform-jobs',
    }[kind];
    const group = {
        'training-job': 'TrainingJobs',
        'processing-job': 'ProcessingJobs',
        'transform-job': 'TransformJobs',
    }[kind];
    const esc = (s) => encodeURIComponent(s).replace(/%/g, '$25');
    return {
        console: `${host(region)}/sagemaker/home?region=${region}#/${page}/${encodeURIComponent(name)}`,
        logs: `${host(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${esc(`/aws/sagemaker/${group}`)}$3FlogStreamNameFilter$3D${esc(name)}`,
    };
}

;// CONCATENATED MODULE: ./lib/aws/wait.js
// Wait for an execution: poll cheaply (one DescribePipelineExecution per poll; the step list only when the
// execution changed), log each step transition once, back off on throttling, stop on timeout or cancel.




const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped']);
const MAX_BACKOFF_MS = 5 * 60_000;
function toStatus(s) {
    const md = s.Metadata;
    return {
        name: s.StepName ?? '',
        status: s.StepStatus ?? 'Unknown',
        startTime: s.StartTime,
        endTime: s.EndTime,
        failureReason: s.FailureReason,
        cacheSource: s.CacheHitResult?.SourcePipelineExecutionArn,
        jobArn: md?.TrainingJob?.Arn ?? md?.ProcessingJob?.Arn ?? md?.TransformJob?.Arn,
        modelPackageArn: md?.RegisterModel?.Arn,
    };
}
async function listSteps(sm, executionArn) {
    const out = [];
    let token;
    do {
        const page = await sm.send(new dist_cjs.ListPipelineExecutionStepsCommand({
            PipelineExecutionArn: executionArn,
            MaxResults: 100,
            SortOrder: 'Ascending',
            ...(token ? { NextToken: token } : {}),
        }));
        out.push(...(page.PipelineExecutionSteps ?? []).map(toStatus));
        token = page.NextToken;
    } while (token);
    return out;
}
function transitionLine(s, now) {
    const took = s.startTime
        ? ` in ${formatDuration((s.endTime?.getTime() ?? now) - s.startTime.getTime())}`
        : '';
    switch (s.status) {
        case 'Succeeded':
            return `  ✓ ${s.name} succeeded${took}${s.cacheSource ? ` (cache hit: reused ${s.cacheSource})` : ''}`;
        case 'Failed': {
            const links = s.jobArn ? jobLinks(s.jobArn) : undefined;
            return [
                `  ✗ ${s.name} failed${took}: ${s.failureReason ?? 'no reason given'}`,
                ...(s.jobArn ? [`      job: ${s.jobArn}`] : []),
                ...(links ? [`      console: ${links.console}`, `      logs: ${links.logs}`] : []),
            ].join('\n');
        }
        case 'Stopped':
            return `  ■ ${s.name} stopped${took}`;
        default:
            return `  ▸ ${s.name} ${s.status.toLowerCase()}`;
    }
}
function isThrottling(err) {
    const e = err;
    return (/throttl|TooManyRequests|RequestLimitExceeded/i.test(e.name ?? '') || e.$metadata?.httpStatusCode === 429);
}
const defaultSleep = (ms, signal) => new Promise((resolve) => {
    // The abort listener goes when the sleep ends: a long wait must not pile up listeners on the signal.
    const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
});
/** Consecutive non-throttling failures (after the SDK's own retries) before the wait gives up. */
const MAX_FAILED_POLLS = 5;
/** List the steps at least every this many polls, whatever LastModifiedTime says. */
const LIST_EVERY = 10;
async function waitForExecution(sm, executionArn, opts) {
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? defaultSleep;
    const random = opts.random ?? Math.random;
    const log = opts.log ?? (() => undefined);
    const deadline = now() + opts.timeoutMs;
    const seen = new Map();
    let steps = [];
    let lastModified;
    let status = 'Executing';
    let reason;
    let delay = opts.intervalMs;
    let failedPolls = 0;
    let polls = 0;
    const stop = async (why) => {
        try {
            await sm.send(new dist_cjs.StopPipelineExecutionCommand({
                PipelineExecutionArn: executionArn,
                ClientRequestToken: (0,external_node_crypto_.randomUUID)(),
            }));
            log(`Asked SageMaker to stop the execution (${why}).`);
            return true;
        }
        catch (err) {
            log(`Could not stop the execution: ${err instanceof Error ? err.message : String(err)}`);
            return false;
        }
    };
    for (;;) {
        if (opts.signal?.aborted) {
            const stopped = opts.stopOnCancel ? await stop('job cancelled') : false;
            if (!stopped)
                log(`The job was cancelled; the execution is still ${status.toLowerCase()}: ${executionArn}`);
            return {
                outcome: 'Cancelled',
                executionStatus: status,
                failureReason: reason,
                steps,
                stopRequested: stopped,
            };
        }
        if (now() >= deadline) {
            const running = steps.filter((s) => !TERMINAL.has(s.status)).map((s) => s.name);
            log(`Timed out waiting; still running: ${running.join(', ') || '(no step started yet)'}`);
            const stopped = opts.stopOnTimeout ? await stop('wait timeout') : false;
            return {
                outcome: 'TimedOut',
                executionStatus: status,
                failureReason: reason,
                steps,
                stopRequested: stopped,
            };
        }
        try {
            const d = await sm.send(new dist_cjs.DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }));
            status = d.PipelineExecutionStatus ?? status;
            reason = d.FailureReason ?? reason;
            const modified = d.LastModifiedTime?.getTime();
            polls++;
            // LastModifiedTime tells when something changed; a periodic listing guards against it lagging.
            if (lastModified === undefined ||
                modified !== lastModified ||
                TERMINAL.has(status) ||
                polls % LIST_EVERY === 0) {
                steps = await listSteps(sm, executionArn);
                // Only after a successful listing: a throttled one must be retried on the next poll.
                lastModified = modified;
                for (const s of [...steps].sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0))) {
                    if (seen.get(s.name) === s.status)
                        continue;
                    seen.set(s.name, s.status);
                    log(transitionLine(s, now()));
                }
            }
            if (TERMINAL.has(status)) {
                log(`Execution ${status.toLowerCase()}${reason && status !== 'Succeeded' ? `: ${reason}` : ''}`);
                return {
                    outcome: status,
                    executionStatus: status,
                    failureReason: reason,
                    steps,
                    stopRequested: false,
                };
            }
            delay = opts.intervalMs;
            failedPolls = 0;
        }
        catch (err) {
            delay = Math.min(MAX_BACKOFF_MS, delay * 2);
            if (isThrottling(err))
                log(`SageMaker is throttling status calls; next poll in ${formatDuration(delay)}`);
            else {
                // The execution goes on whatever happens to our polling: keep watching through passing failures.
                if (++failedPolls >= MAX_FAILED_POLLS)
                    throw err;
                log(`Polling failed (${err instanceof Error ? err.message : String(err)}); next poll in ${formatDuration(delay)}`);
            }
        }
        await sleep(Math.min(delay * (0.8 + 0.4 * random()), Math.max(0, deadline - now())), opts.signal);
    }
}

;// CONCATENATED MODULE: ./lib/aws/deploy.js






class DeployRefused extends Error {
    diagnostics;
    constructor(diagnostics) {
        super(diagnostics.map((d) => d.message).join('\n'));
        this.diagnostics = diagnostics;
        this.name = 'DeployRefused';
    }
}
/** The job was cancelled before the next write: nothing further was sent. */
class DeployCancelled extends Error {
    stage;
    constructor(stage) {
        super(`cancelled before ${stage}`);
        this.stage = stage;
        this.name = 'DeployCancelled';
    }
}
function checkpoint(signal, stage) {
    if (signal?.aborted)
        throw new DeployCancelled(stage);
}
async function deployPipeline(ctx, known, displayName) {
    const refusals = checkLimits(ctx.plan, {
        tags: ctx.tags,
        ...(displayName ? { displayName } : {}),
        ...(ctx.description ? { description: ctx.description } : {}),
    });
    if (refusals.length > 0)
        throw new DeployRefused(refusals);
    const sm = ctx.clients.sagemaker;
    const previous = known === undefined ? await readDeployed(sm, ctx.plan.pipelineName) : known;
    checkpoint(ctx.signal, 'the upload');
    ctx.log(`Uploading ${ctx.plan.artifacts.length} artifact(s) to S3`);
    const upload = await uploadArtifacts(ctx.clients.s3, ctx.plan.artifacts, {
        ...(ctx.kmsKey ? { kmsKey: ctx.kmsKey } : {}),
        log: ctx.log,
    });
    const sum = (xs) => xs.reduce((n, x) => n + x.bytes, 0);
    ctx.log(`Uploaded ${upload.uploaded.length} (${sum(upload.uploaded)} bytes), skipped ${upload.skipped.length} already present (${sum(upload.skipped)} bytes)`);
    checkpoint(ctx.signal, 'the pipeline update');
    const groupsCreated = await ensureModelPackageGroups(sm, ctx.groups, ctx.tags);
    for (const g of groupsCreated)
        ctx.log(`Created model package group ${g}`);
    const r = await upsertPipeline(sm, ctx.plan, previous, {
        roleArn: ctx.roleArn,
        description: ctx.description,
        tags: ctx.tags,
        parallelism: ctx.parallelism,
        planHash: ctx.planHash,
    });
    ctx.log(`Pipeline ${ctx.plan.pipelineName}: ${r.action} (${r.arn})`);
    return { pipelineArn: r.arn, action: r.action, previous, upload, groupsCreated };
}
async function runPipeline(ctx, known) {
    const deployed = await deployPipeline(ctx, known, ctx.displayName);
    checkpoint(ctx.signal, 'starting an execution');
    const execution = await startOrAttach(ctx.clients.sagemaker, {
        pipelineName: ctx.plan.pipelineName,
        displayName: ctx.displayName,
        description: ctx.executionDescription,
        token: ctx.token,
    });
    ctx.log(`${execution.attached ? 'Attached to the execution this run started earlier' : 'Started execution'} ${ctx.displayName}: ${execution.arn}`);
    ctx.onStarted?.(execution);
    if (!ctx.wait)
        return { ...deployed, execution, waited: undefined, models: [] };
    const waited = await waitForExecution(ctx.clients.sagemaker, execution.arn, ctx.wait);
    // Versions registered before a later step failed are real too: report them whatever the outcome.
    const models = await registeredModels(ctx.clients.sagemaker, waited.steps);
    return { ...deployed, execution, waited, models };
}

// EXTERNAL MODULE: ./lib/config/diagnostics.js
var diagnostics = __webpack_require__(7514);
// EXTERNAL MODULE: ./lib/config/overrides.js
var overrides = __webpack_require__(2319);
// EXTERNAL MODULE: ./lib/report/plan-text.js
var plan_text = __webpack_require__(2367);
// EXTERNAL MODULE: ./lib/commands/project.js + 17 modules
var project = __webpack_require__(21);
;// CONCATENATED MODULE: ./lib/commands/deploy.js











async function deployCommand(cmd, baseEnv, io) {
    const env = (0,overrides/* applyOverrides */.i)(baseEnv, cmd.overrides);
    // Real settings only: a deploy must never send placeholder buckets or roles.
    const r = (0,project/* loadAndCompile */.pJ)({ ...cmd, env, allowPlaceholders: false });
    if (!r.plan || !r.config)
        return (0,cli_run/* failed */.gz)(r.diagnostics, io);
    (0,cli_run/* report */.z8)(r.diagnostics, io);
    const { plan, config } = r;
    const settings = config.settings;
    const hash = (0,plan_hash/* planHash */.SH)(plan.definition, plan.artifacts);
    const clients = await createAwsClients({ region: settings.region, env });
    // Ctrl-C aborts: no write starts after it, and a wait stops (and stops the execution with --stop-on-cancel).
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const deployed = await readDeployed(clients.sagemaker, plan.pipelineName);
        io.out((0,plan_text/* planText */.P)((0,view/* buildPlanView */.rn)(plan, deployed ? { state: 'read', definition: deployed.definition } : { state: 'none', definition: null })));
        const base = (0,project/* deployContext */.H3)({
            config,
            plan,
            planHash: hash,
            clients,
            description: cmd.description,
            repository: env.GITHUB_REPOSITORY,
            parallelism: undefined,
            log: (l) => io.err(l),
            signal: abort.signal,
        });
        if (cmd.kind === 'deploy') {
            const d = await deployPipeline(base, deployed);
            io.out(`pipeline ${d.action}: ${d.pipelineArn}`);
            return cli_run/* EXIT_OK */.Ij;
        }
        const displayName = executionDisplayName(env.GITHUB_SHA, env.GITHUB_RUN_ID ?? `cli-${Math.floor(Date.now() / 1000)}`);
        {
            const w = cmd.waitArgs;
            const result = await runPipeline({
                ...base,
                displayName,
                executionDescription: `smp ${displayName} (plan ${hash.slice(0, 12)})`,
                token: executionToken(hash, displayName, env.GITHUB_RUN_ATTEMPT),
                wait: w.wait
                    ? {
                        intervalMs: w.pollSeconds * 1000,
                        timeoutMs: w.timeoutMinutes * 60_000,
                        stopOnTimeout: w.stopOnCancel,
                        stopOnCancel: w.stopOnCancel,
                        signal: abort.signal,
                        log: (l) => io.err(l),
                    }
                    : undefined,
            }, deployed);
            io.out(`execution: ${result.execution.arn}`);
            if (result.waited)
                io.out(`status: ${result.waited.outcome}`);
            for (const m of result.models)
                io.out(`registered: ${m.group} v${m.version ?? '?'} (${m.approvalStatus}) ${m.arn}`);
            return !result.waited || result.waited.outcome === 'Succeeded' ? cli_run/* EXIT_OK */.Ij : cli_run/* EXIT_FAILED */.hj;
        }
    }
    catch (err) {
        if (err instanceof DeployCancelled) {
            io.err(`smp: ${err.message}: nothing further was sent to AWS`);
            return cli_run/* EXIT_FAILED */.hj;
        }
        if (err instanceof DeployRefused) {
            for (const d of err.diagnostics)
                io.err((0,diagnostics/* formatDiagnostic */.xy)(d));
            io.err('smp: refused before any write to AWS');
            return cli_run/* EXIT_FAILED */.hj;
        }
        const e = err;
        io.err(`smp: ${cmd.kind} failed: ${e.name ? `${e.name}: ` : ''}${e.message ?? String(err)}`);
        return cli_run/* EXIT_FAILED */.hj;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        clients.sagemaker.destroy();
        clients.s3.destroy();
    }
}


/***/ })

};
