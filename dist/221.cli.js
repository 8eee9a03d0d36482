export const id = 221;
export const ids = [221];
export const modules = {

/***/ 4512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolvePackages: () => (/* binding */ resolvePackages)
/* harmony export */ });
/* unused harmony exports PackageResolutionError, resolvePackage */
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4459);
// Resolving a unit's `model_package` to one versioned ARN in the Model Registry.
// `latest-approved` asks ListModelPackages for the newest Approved version: SortOrder must be Descending,
// because the API's default order is Ascending (the oldest approved version first).

/** The registry answered, and the answer cannot be used (no approved version, not approved, failed). */
class PackageResolutionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PackageResolutionError';
    }
}
async function resolvePackage(sm, source, region, accountId) {
    if (source.version === 'latest-approved') {
        const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_0__.ListModelPackagesCommand({
            ModelPackageGroupName: source.group,
            ModelPackageType: 'Versioned',
            ModelApprovalStatus: 'Approved',
            SortBy: 'CreationTime',
            SortOrder: 'Descending',
            MaxResults: 1,
        }));
        const newest = out.ModelPackageSummaryList?.[0];
        if (!newest?.ModelPackageArn) {
            throw new PackageResolutionError(`model package group ${source.group} (model \`${source.model}\`) has no Approved version: approve one in the Model Registry, or pin \`version:\` in conf.models.${source.model}.model_package`);
        }
        // The newest Approved version decides: an older one would silently score with a stale model.
        return checked({
            arn: newest.ModelPackageArn,
            group: newest.ModelPackageGroupName ?? source.group,
            version: newest.ModelPackageVersion ?? versionOf(newest.ModelPackageArn),
            approvalStatus: newest.ModelApprovalStatus ?? 'Approved',
            status: newest.ModelPackageStatus ?? 'Completed',
            createdAt: iso(newest.CreationTime),
        }, source);
    }
    const name = typeof source.version === 'number'
        ? `arn:aws:sagemaker:${region}:${accountId}:model-package/${source.group.toLowerCase()}/${source.version}`
        : source.version;
    let out;
    try {
        out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_0__.DescribeModelPackageCommand({ ModelPackageName: name }));
    }
    catch (err) {
        const e = err;
        if (e.name === 'ValidationException' && /does not exist|not found/i.test(e.message ?? '')) {
            throw new PackageResolutionError(`model package ${name} (model \`${source.model}\`) does not exist in group ${source.group}`);
        }
        throw err;
    }
    return checked({
        arn: out.ModelPackageArn ?? name,
        group: out.ModelPackageGroupName ?? source.group,
        version: out.ModelPackageVersion ?? versionOf(out.ModelPackageArn ?? name),
        approvalStatus: out.ModelApprovalStatus ?? 'PendingManualApproval',
        status: out.ModelPackageStatus ?? 'Completed',
        createdAt: iso(out.CreationTime),
    }, source);
}
function checked(r, source) {
    if (r.status !== 'Completed') {
        throw new PackageResolutionError(`model package ${r.arn} (model \`${source.model}\`) is ${r.status}, not Completed: it cannot be used to create a model`);
    }
    if (source.requireApproved && r.approvalStatus !== 'Approved') {
        throw new PackageResolutionError(`model package ${r.arn} (model \`${source.model}\`) is ${r.approvalStatus}, not Approved: approve it in the Model Registry, or set require_approved: false in conf.models.${source.model}.model_package to score with it anyway`);
    }
    return r;
}
function versionOf(arn) {
    return Number(/\/(\d+)$/.exec(arn)?.[1] ?? 0);
}
function iso(d) {
    return d ? d.toISOString() : '';
}
/** Every binding's version, by model name; the first failure throws. */
async function resolvePackages(sm, bindings, region, accountId) {
    const out = new Map();
    for (const b of bindings)
        out.set(b.model, await resolvePackage(sm, b, region, accountId));
    return out;
}


/***/ }),

/***/ 7671:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ upsertPipeline),
/* harmony export */   QR: () => (/* binding */ ensureModelPackageGroups),
/* harmony export */   readDeployed: () => (/* binding */ readDeployed)
/* harmony export */ });
/* unused harmony export isUpToDate */
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4459);
/* harmony import */ var _plan_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6371);
/* harmony import */ var _plan_view_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2510);
// The pipeline resource: read what is deployed, create or update it (skipping no-op updates), model groups.



async function readDeployed(sm, name) {
    try {
        const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.DescribePipelineCommand({ PipelineName: name }));
        return {
            arn: out.PipelineArn ?? '',
            definition: (0,_plan_view_js__WEBPACK_IMPORTED_MODULE_1__/* .definitionFromJson */ .OL)(JSON.parse(out.PipelineDefinition ?? '{"Steps": []}')),
            roleArn: out.RoleArn,
            description: out.PipelineDescription,
            parallelism: out.ParallelismConfiguration?.MaxParallelExecutionSteps,
            lastModified: out.LastModifiedTime?.toISOString(),
            // DescribePipeline returns the version's display name, not its id (botocore's DescribePipelineResponse).
            versionName: out.PipelineVersionDisplayName,
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
    return ((0,_plan_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(deployed.definition) === (0,_plan_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(plan.definition) &&
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
        const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.CreatePipelineCommand({
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
    const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.UpdatePipelineCommand(common));
    return { action: 'updated', arn: out.PipelineArn ?? deployed.arn };
}
/** UpdatePipeline cannot change tags: add the missing or different ones (never removes others' tags). */
async function syncTags(sm, arn, tags) {
    if (tags.length === 0)
        return;
    const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.ListTagsCommand({ ResourceArn: arn }));
    const have = new Map((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    const missing = tags.filter((t) => have.get(t.Key) !== t.Value);
    if (missing.length > 0)
        await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.AddTagsCommand({ ResourceArn: arn, Tags: [...missing] }));
}
/** Creates the model package groups the RegisterModel steps use, when missing. */
async function ensureModelPackageGroups(sm, groups, tags) {
    const created = [];
    for (const g of groups) {
        try {
            await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.DescribeModelPackageGroupCommand({ ModelPackageGroupName: g.name }));
            continue;
        }
        catch (err) {
            const e = err;
            // SageMaker answers a missing group with ValidationException "… does not exist".
            if (!(e.name === 'ValidationException' && /does not exist|not found/i.test(e.message ?? '')) &&
                e.name !== 'ResourceNotFound')
                throw err;
        }
        await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__.CreateModelPackageGroupCommand({
            ModelPackageGroupName: g.name,
            ...(g.description ? { ModelPackageGroupDescription: g.description } : {}),
            ...(tags.length > 0 ? { Tags: [...tags] } : {}),
        }));
        created.push(g.name);
    }
    return created;
}


/***/ }),

/***/ 6264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ applySchedule),
/* harmony export */   readSchedule: () => (/* binding */ readSchedule)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_scheduler__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(768);
// The pipeline's EventBridge Scheduler schedule (`smp-<pipelineName>`, group default): read it, then create,
// update or delete it so it matches the config. Writes only when something differs, and never touches a
// schedule that does not carry our name and description marker.

const GROUP = 'default';
/** The deployed schedule with this name; null when there is none. */
async function readSchedule(client, name) {
    try {
        const out = await client.send(new _aws_sdk_client_scheduler__WEBPACK_IMPORTED_MODULE_0__.GetScheduleCommand({ Name: name, GroupName: GROUP }));
        return {
            name: out.Name ?? name,
            expression: out.ScheduleExpression ?? '',
            // Scheduler evaluates expressions in UTC when no time zone is set.
            timezone: out.ScheduleExpressionTimezone ?? 'UTC',
            roleArn: out.Target?.RoleArn ?? '',
            targetArn: out.Target?.Arn ?? '',
            enabled: out.State !== 'DISABLED',
            parameters: (out.Target?.SageMakerPipelineParameters?.PipelineParameterList ?? []).map((p) => ({
                Name: p.Name ?? '',
                Value: p.Value ?? '',
            })),
            description: out.Description ?? '',
        };
    }
    catch (err) {
        if (err.name === 'ResourceNotFoundException')
            return null;
        throw err;
    }
}
function request(spec, targetArn) {
    return {
        Name: spec.name,
        GroupName: GROUP,
        ScheduleExpression: spec.expression,
        ScheduleExpressionTimezone: spec.timezone,
        Description: spec.description,
        State: spec.enabled ? 'ENABLED' : 'DISABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
            Arn: targetArn,
            RoleArn: spec.roleArn,
            ...(spec.parameters.length > 0
                ? { SageMakerPipelineParameters: { PipelineParameterList: spec.parameters.map((p) => ({ ...p })) } }
                : {}),
        },
    };
}
/** Carries out `action` (from plan/schedule.ts scheduleAction); a foreign schedule is left alone. */
async function applySchedule(client, action, targetArn) {
    switch (action.kind) {
        case 'none':
            return 'none';
        case 'unchanged':
            return 'unchanged';
        case 'foreign':
            return 'left-alone';
        case 'create':
            await client.send(new _aws_sdk_client_scheduler__WEBPACK_IMPORTED_MODULE_0__.CreateScheduleCommand(request(action.spec, targetArn)));
            return 'created';
        case 'update':
            await client.send(new _aws_sdk_client_scheduler__WEBPACK_IMPORTED_MODULE_0__.UpdateScheduleCommand(request(action.spec, targetArn)));
            return 'updated';
        case 'delete':
            await client.send(new _aws_sdk_client_scheduler__WEBPACK_IMPORTED_MODULE_0__.DeleteScheduleCommand({ Name: action.deployed.name, GroupName: GROUP }));
            return 'deleted';
    }
}


/***/ }),

/***/ 7221:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: ./lib/compile/parameters.js
var parameters = __webpack_require__(5433);
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
    const sagemaker = new SageMakerClient(common(opts));
    const s3 = new S3Client({ ...common(opts), forcePathStyle });
    let scheduler;
    let made;
    return {
        sagemaker,
        s3,
        scheduler: () => (scheduler ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 768, 19)).then(({ SchedulerClient }) => {
            made = new SchedulerClient(common(opts));
            return made;
        })),
        region: opts.region,
        destroy: () => {
            sagemaker.destroy();
            s3.destroy();
            made?.destroy();
        },
    };
}
/**
 * The SDK's default credential chain (environment, SSO, web identity, profiles, container and instance
 * metadata), as the clients would build it, resolved once and shared by every client made with it. Made
 * before the clients so that a run without credentials learns so without loading them (an offline plan).
 */
async function defaultCredentials(region) {
    quietNodeVersionWarning();
    const { defaultProvider } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19));
    // The region the clients would pass as their parent config: STS-based sources (web identity, assumed
    // profile roles) call the regional endpoint of the clients' partition.
    return defaultProvider({ parentClientConfig: { region } });
}
/** STS for the OIDC exchange: AssumeRoleWithWebIdentity is unsigned, so no credentials are needed. */
async function createStsClient(region, maxAttempts = 1) {
    quietNodeVersionWarning();
    const { STSClient } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    // Our own loop retries the exchange (fresh token per attempt, transient errors only): no SDK retries here.
    return new STSClient({ ...common({ region }), maxAttempts });
}

;// CONCATENATED MODULE: ./lib/aws/credential-sources.js
// What to say when the SDK's default credential chain finds nothing. Its error ("Could not load credentials
// from any providers") drops why each source failed, so the message names the sources this environment
// configures (a configured one that gave nothing is the likely culprit) or, with none, the ones CI systems use.
function noCredentialsMessage(env) {
    const configured = [];
    if (env.AWS_ACCESS_KEY_ID)
        configured.push('AWS_ACCESS_KEY_ID');
    if (env.AWS_PROFILE)
        configured.push(`AWS_PROFILE=${env.AWS_PROFILE}`);
    if (env.AWS_ROLE_ARN || env.AWS_WEB_IDENTITY_TOKEN_FILE)
        configured.push('web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE)');
    if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)
        configured.push('the container credential endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)');
    if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI)
        configured.push('the container credential endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI; check AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE)');
    if (configured.length > 0)
        return `no AWS credentials: the SDK's default chain got none from ${configured.join(', ')}`;
    return ("no AWS credentials: the SDK's default chain found none. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
        'AWS_PROFILE, or AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (GitLab id_tokens), or run where a container ' +
        'endpoint or instance role provides them (CodeBuild, ECS, EC2); see docs/ci.md');
}

// EXTERNAL MODULE: ./lib/compile/model-packages.js
var model_packages = __webpack_require__(8192);
// EXTERNAL MODULE: ./lib/config/schedule.js
var schedule = __webpack_require__(4493);
// EXTERNAL MODULE: ./lib/plan/schedule.js
var plan_schedule = __webpack_require__(6658);
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
        ...(opts.parameters && opts.parameters.length > 0
            ? { PipelineParameters: opts.parameters.map((p) => ({ Name: p.Name, Value: p.Value })) }
            : {}),
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

// EXTERNAL MODULE: ./lib/aws/pipeline.js
var pipeline = __webpack_require__(7671);
// EXTERNAL MODULE: ./lib/aws/model-packages.js
var aws_model_packages = __webpack_require__(4512);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./lib/plan/summary.js
var summary = __webpack_require__(5611);
// EXTERNAL MODULE: ./lib/config/visible.js
var visible = __webpack_require__(8828);
;// CONCATENATED MODULE: ./lib/report/metrics-report.js
// The metrics object a Metrics step's script wrote, as the run report shows it: SageMaker's model-quality
// statistics format (`{"regression_metrics": {"mse": {"value": 0.25, "standard_deviation": 0.01}}}`). The
// object comes from the PR's own script: it is read as hostile input (size-bounded by the reader, only the three
// levels of that format are looked at, numbers only, names bounded and shown as text). Pure.

/** The most of a metrics object that is read (the reader asks S3 for this many bytes plus one). */
const METRICS_MAX_BYTES = 1024 * 1024;
/** Metrics kept per object: the rest are counted, not shown. */
const MAX_METRICS = 100;
const MAX_NAME = 64;
/** Reads the bytes of a metrics object (at most METRICS_MAX_BYTES; the caller refuses larger ones). */
function parseMetricsReport(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    }
    catch {
        return { kind: 'unavailable', reason: 'not UTF-8 text' };
    }
    if (text.trim() === '')
        return { kind: 'unavailable', reason: 'the object is empty' };
    const data = parseJson(text);
    if (data === undefined)
        return { kind: 'unavailable', reason: 'not valid JSON' };
    if (!isRecord(data))
        return {
            kind: 'unavailable',
            reason: `not a metrics report: the top level is ${kindOf(data)}, not an object of sections`,
        };
    const values = [];
    let skipped = 0;
    for (const [section, metrics] of Object.entries(data)) {
        if (!isRecord(metrics)) {
            skipped++;
            continue;
        }
        for (const [name, m] of Object.entries(metrics)) {
            const value = isRecord(m) ? numeric(m.value) : undefined;
            if (!isRecord(m) || value === undefined || values.length >= MAX_METRICS) {
                skipped++;
                continue;
            }
            const std = numeric(m.standard_deviation);
            values.push({
                section: label(section),
                name: label(name),
                value,
                ...(std !== undefined ? { std } : {}),
            });
        }
    }
    return { kind: 'values', values, skipped };
}
/** JSON, also as Python writes it for NaN and infinite floats (bare `NaN`, `Infinity`, `-Infinity`). */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // Strings are matched first so a `NaN` inside one stays text; the sentinels cannot come from a JSON string
        // a script would write by accident.
        const fixed = text.replace(/"(?:[^"\\]|\\.)*"|(-?)\b(NaN|Infinity)\b/g, (m, sign, word) => (word ? `"\\u0000${sign}${word}"` : m));
        try {
            return JSON.parse(fixed);
        }
        catch {
            return undefined;
        }
    }
}
function numeric(v) {
    if (typeof v === 'number')
        return v;
    if (v === '\u0000NaN')
        return Number.NaN;
    if (v === '\u0000Infinity')
        return Number.POSITIVE_INFINITY;
    if (v === '\u0000-Infinity')
        return Number.NEGATIVE_INFINITY;
    return undefined;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function kindOf(v) {
    if (Array.isArray(v))
        return 'an array';
    if (v === null)
        return 'null';
    return `a ${typeof v}`;
}
/** A name as one bounded line of visible text (escaping for Markdown happens where it is rendered). */
function label(s) {
    const v = (0,visible/* visible */.RK)(s.replace(/\s+/g, ' '));
    return v.length > MAX_NAME ? `${v.slice(0, MAX_NAME - 1)}…` : v;
}
/** A value as a reader wants it: four significant digits (`0.2513`, `1.235e-7`), `NaN`, `Infinity`. */
function formatMetric(v) {
    if (!Number.isFinite(v))
        return String(v);
    return String(Number(v.toPrecision(4)));
}
/**
 * The metrics in one line: `mse 0.25 · r2 0.87` (a name is prefixed with its section only when two sections
 * share it), the first `max` of them and `· +N more`; `space` between a name and its value (a no-break space
 * keeps a pair on one line in a table cell).
 */
function metricsLine(values, max = Infinity, space = ' ') {
    const names = displayNames(values);
    const shown = values.slice(0, max).map((m, i) => `${names[i]}${space}${formatMetric(m.value)}`);
    const more = values.length - Math.min(values.length, max);
    return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(' · ');
}
/** Each metric's name as shown: `mse`, or `regression_metrics.mse` when another section has an `mse` too. */
function displayNames(values) {
    const sections = new Map();
    for (const m of values)
        sections.set(m.name, (sections.get(m.name) ?? new Set()).add(m.section));
    return values.map((m) => ((sections.get(m.name)?.size ?? 0) > 1 ? `${m.section}.${m.name}` : m.name));
}
/** What a metrics read gave, for the log and the CLI: the values, or why there are none. */
function metricsText(m) {
    if (m.kind === 'unavailable')
        return `metrics not read: ${m.reason}`;
    if (m.values.length === 0)
        return `metrics: none with a numeric value (expected {"<section>": {"<metric>": {"value": <number>}}})`;
    return `metrics: ${metricsLine(m.values)}${m.skipped > 0 ? ` (${m.skipped} non-numeric entr${m.skipped === 1 ? 'y' : 'ies'} skipped)` : ''}`;
}

;// CONCATENATED MODULE: ./lib/aws/model-metrics.js
// The metric values of a registered model version: its ModelQuality statistics object read from S3. Best effort
// and bounded: one ranged GetObject (never more than 1 MiB and a byte), a timeout, and any failure is the reason
// the report shows instead of the values, never a failed run.



const READ_TIMEOUT_MS = 20_000;
async function readModelMetrics(s3, uri) {
    const loc = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!loc)
        return unavailable('not an s3:// object URI');
    const [, bucket = '', key = ''] = loc;
    try {
        const out = await s3.send(
        // One byte past the limit: a larger object shows as larger without being downloaded.
        new client_s3_dist_cjs.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${METRICS_MAX_BYTES}` }), { abortSignal: AbortSignal.timeout(READ_TIMEOUT_MS) });
        const total = totalSize(out.ContentRange) ?? out.ContentLength;
        if (total !== undefined && total > METRICS_MAX_BYTES) {
            out.Body?.destroy?.();
            return tooLarge(total);
        }
        const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
        if (bytes.length > METRICS_MAX_BYTES)
            return tooLarge(bytes.length);
        return parseMetricsReport(bytes);
    }
    catch (err) {
        return unavailable(failure(err, bucket));
    }
}
function unavailable(reason) {
    return { kind: 'unavailable', reason };
}
function tooLarge(bytes) {
    return unavailable(`the object is too large to read (${(0,summary/* formatBytes */.z3)(bytes)}; the limit is ${(0,summary/* formatBytes */.z3)(METRICS_MAX_BYTES)})`);
}
/** `bytes 0-1048576/3355443` → 3355443. */
function totalSize(contentRange) {
    const m = /\/(\d+)$/.exec(contentRange ?? '');
    return m ? Number(m[1]) : undefined;
}
function failure(err, bucket) {
    const e = err;
    const status = e.$metadata?.httpStatusCode;
    if (e.name === 'NoSuchKey' || (status === 404 && e.name !== 'NoSuchBucket'))
        return 'the object does not exist (the Metrics step did not write it)';
    if (e.name === 'NoSuchBucket')
        return `the bucket ${bucket} does not exist`;
    if (e.name === 'AccessDenied' || status === 403)
        return 'access denied (the role needs s3:GetObject on it: smp iam-policy includes that)';
    // A zero-byte object has no byte 0 to start a range at.
    if (e.name === 'InvalidRange' || status === 416)
        return 'the object is empty';
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return `no answer from S3 within ${READ_TIMEOUT_MS / 1000}s`;
    return `${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0]}`;
}

;// CONCATENATED MODULE: ./lib/aws/registered.js
// The model package versions an execution registered (never changes their approval status), with the metric
// values of each from its ModelQuality statistics object.


async function registeredModels(sm, s3, steps) {
    const out = [];
    for (const s of steps) {
        if (!s.modelPackageArn)
            continue;
        const d = await sm.send(new dist_cjs.DescribeModelPackageCommand({ ModelPackageName: s.modelPackageArn }));
        const metricsUri = d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri;
        out.push({
            step: s.name,
            arn: d.ModelPackageArn ?? s.modelPackageArn,
            group: d.ModelPackageGroupName ?? '',
            version: d.ModelPackageVersion,
            approvalStatus: d.ModelApprovalStatus ?? 'Unknown',
            metricsUri,
            metrics: metricsUri ? await readModelMetrics(s3, metricsUri) : undefined,
        });
    }
    return out;
}

// EXTERNAL MODULE: ./lib/aws/schedule.js
var aws_schedule = __webpack_require__(6264);
// EXTERNAL MODULE: ./lib/compile/branches.js
var branches = __webpack_require__(2433);
// EXTERNAL MODULE: ./lib/compile/steps/condition.js + 1 modules
var condition = __webpack_require__(6514);
;// CONCATENATED MODULE: ./lib/report/gates.js
// Quality gates in a run: which gate passed or failed, and a failed gate's message as a reader wants it
// ("quality gate failed: auc 0.71 < 0.80"). Pure: reads the definition and the step statuses.


/**
 * `quality gate failed for churn-Register: auc=0.71 (min 0.80); recall=0.62 (min 0.5)` →
 * `quality gate failed: auc 0.71 < 0.80`; undefined for any other message.
 */
function gateFailureText(message) {
    if (!message?.startsWith(condition/* GATE_FAILED_PREFIX */.LI))
        return undefined;
    const body = message.slice(message.indexOf(': ') + 2);
    const failed = [];
    for (const part of body.split('; ')) {
        const m = /^(.+?)=(.*?)((?: \((?:min|max) [^)]*\))+)$/.exec(part);
        if (!m)
            return `quality gate failed: ${body}`;
        const [, label = '', raw = '', bounds = ''] = m;
        const value = raw.trim() === '' ? Number.NaN : Number(raw);
        if (Number.isNaN(value)) {
            failed.push(`${label} is missing from the metrics report`);
            continue;
        }
        for (const [, kind, limit = ''] of bounds.matchAll(/\((min|max) ([^)]*)\)/g)) {
            const l = Number(limit);
            if (kind === 'min' && value < l)
                failed.push(`${label} ${raw} < ${limit}`);
            if (kind === 'max' && value > l)
                failed.push(`${label} ${raw} > ${limit}`);
        }
    }
    return `quality gate failed: ${failed.length > 0 ? failed.join(', ') : body}`;
}
/** Every quality gate of the definition with what happened to it in the run. */
function gateOutcomes(def, steps) {
    const byName = new Map(steps.map((s) => [s.name, s]));
    const out = [];
    for (const s of (0,branches/* allDefinitionSteps */.EX)(def.Steps)) {
        if (s.Type !== 'Condition' || !s.Name.endsWith(condition/* GATE_SUFFIX */.cU))
            continue;
        const register = s.Name.slice(0, -condition/* GATE_SUFFIX */.cU.length);
        const guarded = s.Arguments.IfSteps ?? [];
        const reg = guarded.find((x) => x.Type === 'RegisterModel');
        const group = typeof reg?.Arguments.ModelPackageGroupName === 'string' ? reg.Arguments.ModelPackageGroupName : '';
        const fail = byName.get(`${register}${condition/* GATE_FAILED_SUFFIX */.o0}`);
        const cond = byName.get(s.Name);
        const result = fail ? 'failed' : cond?.status === 'Succeeded' ? 'passed' : 'not run';
        out.push({
            register,
            group,
            result,
            reason: fail ? (gateFailureText(fail.failureReason) ?? fail.failureReason) : undefined,
        });
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./lib/compile/tar.js + 1 modules
var tar = __webpack_require__(2926);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./lib/compile/manifest.js
// A code bundle's file manifest: each file's path inside the archive and the sha256 of its content, computed
// from the same layout the bundle is packed from. Uploaded next to the bundle at deploy, so a later plan can
// say which files a code change touched; computed only when needed (a deploy that uploads the bundle, a
// plan whose diff changes it), by streaming each file, so memory stays flat.


const CHUNK = 1 << 20;
function fileSha256(absPath) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const fd = (0,external_node_fs_.openSync)(absPath, 'r');
    try {
        const buf = Buffer.allocUnsafe(CHUNK);
        for (let n = (0,external_node_fs_.readSync)(fd, buf, 0, CHUNK, null); n > 0; n = (0,external_node_fs_.readSync)(fd, buf, 0, CHUNK, null))
            hash.update(buf.subarray(0, n));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return hash.digest('hex');
}
/** Archive path → sha256 of the file that fills it. */
function layoutManifest(layout) {
    const out = {};
    for (const e of [...layout].sort((a, b) => (a.tarPath < b.tarPath ? -1 : a.tarPath > b.tarPath ? 1 : 0))) {
        const f = e.sourceFile;
        out[e.tarPath] = f.content
            ? (0,external_node_crypto_.createHash)('sha256').update(f.content).digest('hex')
            : f.absPath
                ? fileSha256(f.absPath)
                : '';
    }
    return out;
}
/** The manifest of a source bundle; undefined for other artifacts. */
function artifactManifest(a) {
    return a.kind === 'source-bundle' && a.source.type === 'tar.gz'
        ? layoutManifest(a.source.layout)
        : undefined;
}
/** The S3 key of a bundle's manifest: next to it. */
function manifest_manifestKey(bundleKey) {
    return `${bundleKey}.manifest.json`;
}

;// CONCATENATED MODULE: ./lib/aws/upload.js
// Upload content-addressed artifacts: HeadObject first, skip what is there (the key names the content).
// Only missing bundles are packed: their tar is gzip'd while it streams into S3 (multipart above one part),
// and checked against the address on the way, so memory stays flat and a changed file uploads nothing.





/** 8 MiB parts, two in flight per bundle: a bundle upload holds about 32 MiB whatever its size. */
const PART_SIZE = 8 * 2 ** 20;
const PARTS_IN_FLIGHT = 2;
/** Bundles packed at once: gzip is CPU-bound (runners have 2 cores), and this bounds the memory too. */
const PACKING_AT_ONCE = 2;
/** A log line per this many bytes sent, so a long upload shows progress. */
const PROGRESS_EVERY = 256 * 2 ** 20;
const CONTENT_TYPES = {
    '.gz': 'application/gzip',
    '.sh': 'text/x-shellscript',
    '.json': 'application/json',
};
async function uploadArtifacts(s3, artifacts, opts = {}) {
    const uploaded = [];
    const skipped = [];
    const queue = [...artifacts];
    const packing = slots(PACKING_AT_ONCE);
    const worker = async () => {
        for (let a = queue.shift(); a; a = queue.shift()) {
            if (await exists(s3, a)) {
                skipped.push({ key: a.key, bytes: a.bytes });
                opts.log?.(`  = s3://${a.bucket}/${a.key} (already there)`);
                continue;
            }
            const sent = a.source.type === 'tar.gz' ? await packing(() => put(s3, a, opts)) : await put(s3, a, opts);
            uploaded.push({ key: a.key, bytes: sent });
            opts.log?.(`  + s3://${a.bucket}/${a.key} (${sent} bytes${a.source.type === 'tar.gz' ? `, ${a.bytes} before gzip` : ''})`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, artifacts.length)) }, worker));
    const order = (x, y) => (x.key < y.key ? -1 : 1);
    return { uploaded: uploaded.sort(order), skipped: skipped.sort(order) };
}
/** Uploads one artifact; returns the number of bytes sent. */
async function put(s3, a, opts) {
    const common = {
        Bucket: a.bucket,
        Key: a.key,
        ContentType: CONTENT_TYPES[a.key.slice(a.key.lastIndexOf('.'))] ?? 'application/octet-stream',
        // Without a key the bucket's own default encryption (at least SSE-S3) applies, whatever key it names.
        ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKey } : {}),
    };
    if (a.source.type === 'bytes') {
        await s3.send(new client_s3_dist_cjs.PutObjectCommand({
            ...common,
            Body: a.source.bytes,
            ContentLength: a.source.bytes.length,
            // The bytes are the content: their sha256 is the address, and S3 checks it.
            ChecksumSHA256: Buffer.from(a.contentSha256, 'hex').toString('base64'),
        }));
        return a.source.bytes.length;
    }
    // The SDK checksums every request (CRC32) and S3 checks it; packStream checks the tar against the address
    // and fails before the last part, so a mismatch never completes an object.
    const packed = (0,tar/* packStream */.cv)(a.source.layout, { expectSha256: a.contentSha256 });
    let sent = 0;
    const body = new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            sent += chunk.length;
            done(null, chunk);
        },
    });
    packed.on('error', (err) => body.destroy(err));
    packed.pipe(body);
    const upload = new lib_storage_dist_cjs/* Upload */._({
        client: s3,
        params: { ...common, Body: body },
        partSize: opts.partSize ?? PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
    });
    const every = opts.progressEvery ?? PROGRESS_EVERY;
    let next = every;
    upload.on('httpUploadProgress', (p) => {
        if ((p.loaded ?? 0) < next)
            return;
        next = (Math.floor((p.loaded ?? 0) / every) + 1) * every;
        opts.log?.(`  … s3://${a.bucket}/${a.key}: ${Math.floor((p.loaded ?? 0) / 2 ** 20)} MiB sent`);
    });
    try {
        await upload.done();
    }
    catch (err) {
        packed.destroy();
        throw err;
    }
    return sent;
}
/** Runs at most `n` of the given tasks at a time. */
function slots(n) {
    let free = n;
    const waiting = [];
    return async (task) => {
        if (free === 0)
            await new Promise((resolve) => waiting.push(resolve));
        else
            free--;
        try {
            return await task();
        }
        finally {
            const wake = waiting.shift();
            if (wake)
                wake();
            else
                free++;
        }
    };
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
/**
 * The file manifest of each source bundle just uploaded, as a small JSON object next to it
 * (`<bundle key>.manifest.json`), so a later plan can name the files a code change touched. Computed from the
 * same file list the bundle is packed from; a bundle that was already there keeps the manifest written with it.
 */
async function uploadManifests(s3, artifacts, uploadedKeys, opts = {}) {
    let written = 0;
    for (const a of artifacts) {
        if (!uploadedKeys.has(a.key))
            continue;
        const manifest = artifactManifest(a);
        if (!manifest)
            continue;
        const key = manifest_manifestKey(a.key);
        const body = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
        await s3.send(new client_s3_dist_cjs.PutObjectCommand({
            Bucket: a.bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/json',
            ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKey } : {}),
        }));
        written++;
        opts.log?.(`  + s3://${a.bucket}/${key} (file manifest)`);
    }
    return written;
}
/** A deployed bundle's manifest; undefined when it has none (deployed before manifests) or it cannot be read. */
async function readManifest(s3, bucket, bundleKey) {
    try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: manifestKey(bundleKey) }));
        const text = (await out.Body?.transformToString()) ?? '';
        if (text.length > 4 * 1024 * 1024)
            return undefined;
        const data = JSON.parse(text);
        if (!data || typeof data !== 'object' || Array.isArray(data))
            return undefined;
        const entries = Object.entries(data);
        if (!entries.every(([, v]) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)))
            return undefined;
        return Object.fromEntries(entries);
    }
    catch {
        return undefined;
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
/** The model package group of a model package ARN in the SageMaker console (best effort). */
function modelGroupLink(modelPackageArn) {
    const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:model-package\/([^/]+)\/\d+$/.exec(modelPackageArn);
    if (!m)
        return '';
    const [, region = '', group = ''] = m;
    return `${host(region)}/sagemaker/home?region=${region}#/model-registry/${encodeURIComponent(group)}`;
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
        // A Fail step's reason is its ErrorMessage (a quality gate's names the metrics).
        failureReason: md?.Fail?.ErrorMessage ?? s.FailureReason,
        cacheSource: s.CacheHitResult?.SourcePipelineExecutionArn,
        jobArn: md?.TrainingJob?.Arn ?? md?.ProcessingJob?.Arn ?? md?.TransformJob?.Arn,
        modelPackageArn: md?.RegisterModel?.Arn,
        conditionOutcome: md?.Condition?.Outcome,
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
    const gate = gateFailureText(s.failureReason);
    if (gate && s.status === 'Failed')
        return `  ✗ ${gate} (${s.name.replace(/-QualityGateFailed$/, '')} is not registered)`;
    if (s.status === 'Succeeded' && s.name.endsWith(condition/* GATE_SUFFIX */.cU))
        return s.conditionOutcome === 'False'
            ? `  ✗ ${s.name}: quality gate not passed${took}`
            : `  ✓ ${s.name}: quality gate passed${took}`;
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
async function waitForExecution(sm, executionArn, opts) {
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? defaultSleep;
    const random = opts.random ?? Math.random;
    const log = opts.log ?? (() => undefined);
    const deadline = now() + opts.timeoutMs;
    const seen = new Map();
    let steps = [];
    let status = 'Executing';
    let reason;
    let delay = opts.intervalMs;
    let failedPolls = 0;
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
            // The steps are listed on every poll: LastModifiedTime is not documented to move with step
            // transitions, and two calls per poll are far inside SageMaker's rate limits.
            {
                steps = await listSteps(sm, executionArn);
                for (const s of [...steps].sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0))) {
                    if (seen.get(s.name) === s.status)
                        continue;
                    seen.set(s.name, s.status);
                    log(transitionLine(s, now()));
                }
            }
            if (TERMINAL.has(status)) {
                // A failed gate says what failed, not the service's generic "a step failed".
                const gate = steps.map((s) => gateFailureText(s.failureReason)).find((g) => g !== undefined);
                if (gate && status === 'Failed')
                    reason = gate;
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
// Deploy and run: the AWS phases in order. Every check that can refuse happens before the first write;
// uploads are content-addressed (harmless if a later step fails) and the pipeline changes in one call.













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
    const unresolved = (0,model_packages/* unresolvedReason */.Ai)(ctx.plan.modelPackages);
    if (unresolved)
        refusals.push(refusal('model-package-unresolved', unresolved));
    if (refusals.length > 0)
        throw new DeployRefused(refusals);
    const sm = ctx.clients.sagemaker;
    const previous = known === undefined ? await (0,pipeline.readDeployed)(sm, ctx.plan.pipelineName) : known;
    const deployedSchedule = ctx.knownSchedule === undefined ? await readOwnSchedule(ctx) : ctx.knownSchedule;
    if (deployedSchedule && ctx.plan.schedule) {
        const a = (0,plan_schedule/* scheduleAction */.Wx)(ctx.plan.schedule, ctx.plan.schedule.name, '', deployedSchedule);
        if (a?.kind === 'foreign') {
            throw new DeployRefused([
                refusal('schedule-not-ours', `an EventBridge Scheduler schedule named ${ctx.plan.schedule.name} already exists and was not created by smp (its description lacks the smp-action marker): rename or delete it, or drop sagemakerPipeline.schedule`),
            ]);
        }
    }
    checkpoint(ctx.signal, 'the upload');
    ctx.log(`Uploading ${ctx.plan.artifacts.length} artifact(s) to S3`);
    const upload = await uploadArtifacts(ctx.clients.s3, ctx.plan.artifacts, {
        ...(ctx.kmsKey ? { kmsKey: ctx.kmsKey } : {}),
        log: ctx.log,
    });
    await uploadManifests(ctx.clients.s3, ctx.plan.artifacts, new Set(upload.uploaded.map((u) => u.key)), {
        ...(ctx.kmsKey ? { kmsKey: ctx.kmsKey } : {}),
        log: ctx.log,
    });
    const sum = (xs) => xs.reduce((n, x) => n + x.bytes, 0);
    ctx.log(`Uploaded ${upload.uploaded.length} (${sum(upload.uploaded)} bytes), skipped ${upload.skipped.length} already present (${sum(upload.skipped)} bytes)`);
    checkpoint(ctx.signal, 'the pipeline update');
    const groupsCreated = await (0,pipeline/* ensureModelPackageGroups */.QR)(sm, ctx.groups, ctx.tags);
    for (const g of groupsCreated)
        ctx.log(`Created model package group ${g}`);
    const r = await (0,pipeline/* upsertPipeline */.IR)(sm, ctx.plan, previous, {
        roleArn: ctx.roleArn,
        description: ctx.description,
        tags: ctx.tags,
        parallelism: ctx.parallelism,
        planHash: ctx.planHash,
    });
    ctx.log(`Pipeline ${ctx.plan.pipelineName}: ${r.action} (${r.arn})`);
    const schedule = await syncSchedule(ctx, r.arn, deployedSchedule);
    return { pipelineArn: r.arn, action: r.action, previous, upload, groupsCreated, schedule };
}
function refusal(code, message) {
    return { code, severity: 'error', loc: null, path: 'deploy', message };
}
/**
 * The deployed `smp-<pipeline>` schedule (null: none). Without a schedule in the config a failed read (a role
 * without scheduler permissions) only means there is nothing we could remove: undefined, and a log line.
 */
async function readOwnSchedule(ctx) {
    const name = (0,schedule/* scheduleName */.V5)(ctx.plan.pipelineName);
    try {
        return await (0,aws_schedule.readSchedule)(await ctx.clients.scheduler(), name);
    }
    catch (err) {
        if (ctx.plan.schedule)
            throw err;
        const e = err;
        ctx.log(`No schedule configured; could not check for an old ${name} to remove (${e.name ?? 'Error'}: ${e.message ?? String(err)})`);
        return undefined;
    }
}
async function syncSchedule(ctx, pipelineArn, deployed) {
    const name = (0,schedule/* scheduleName */.V5)(ctx.plan.pipelineName);
    const action = (0,plan_schedule/* scheduleAction */.Wx)(ctx.plan.schedule, name, pipelineArn, deployed);
    if (!action)
        return 'none';
    checkpoint(ctx.signal, 'the schedule update');
    const outcome = await (0,aws_schedule/* applySchedule */.I)(await ctx.clients.scheduler(), action, pipelineArn);
    if (outcome === 'left-alone')
        ctx.log(`Schedule ${name} exists but was not created by smp: left alone`);
    else if (outcome !== 'none')
        ctx.log(`Schedule ${name}: ${outcome}${action.kind === 'update' ? ` (${action.fields.map((f) => f.field).join(', ')})` : ''}`);
    return outcome;
}
async function runPipeline(ctx, known) {
    const deployed = await deployPipeline(ctx, known, ctx.displayName);
    // Resolved again at start: a version approved since the plan was made scores without a redeploy. A value
    // given for the parameter (--param, the parameters input) wins over the registry.
    const given = new Set((ctx.parameters ?? []).map((p) => p.Name));
    const bindings = ctx.plan.modelPackages.filter((b) => !given.has(b.parameter));
    const newest = await (0,aws_model_packages.resolvePackages)(ctx.clients.sagemaker, bindings, ctx.clients.region, ctx.accountId);
    const scored = bindings.flatMap((b) => {
        const r = newest.get(b.model);
        return r ? [{ ...r, model: b.model, parameter: b.parameter }] : [];
    });
    for (const s of scored)
        ctx.log(`Scoring ${s.model} with ${s.group} v${s.version} (${s.approvalStatus}): ${s.arn}`);
    checkpoint(ctx.signal, 'starting an execution');
    const execution = await startOrAttach(ctx.clients.sagemaker, {
        pipelineName: ctx.plan.pipelineName,
        displayName: ctx.displayName,
        description: ctx.executionDescription,
        token: ctx.token,
        parameters: [...(ctx.parameters ?? []), ...scored.map((s) => ({ Name: s.parameter, Value: s.arn }))],
    });
    ctx.log(`${execution.attached ? 'Attached to the execution this run started earlier' : 'Started execution'} ${ctx.displayName}: ${execution.arn}`);
    ctx.onStarted?.(execution);
    if (!ctx.wait)
        return { ...deployed, execution, scored, waited: undefined, models: [], gates: [] };
    const waited = await waitForExecution(ctx.clients.sagemaker, execution.arn, ctx.wait);
    // Versions registered before a later step failed are real too: report them whatever the outcome.
    const models = await registeredModels(ctx.clients.sagemaker, ctx.clients.s3, waited.steps);
    for (const m of models) {
        ctx.log(`Registered ${m.group} version ${m.version ?? '?'} (${m.approvalStatus}): ${m.arn}`);
        if (m.metrics)
            ctx.log(`  ${metricsText(m.metrics)}${m.metricsUri ? ` (${m.metricsUri})` : ''}`);
    }
    return {
        ...deployed,
        execution,
        scored,
        waited,
        models,
        gates: gateOutcomes(ctx.plan.definition, waited.steps),
    };
}

// EXTERNAL MODULE: ./lib/config/diagnostics.js
var diagnostics = __webpack_require__(7514);
// EXTERNAL MODULE: ./lib/config/overrides.js
var overrides = __webpack_require__(2319);
// EXTERNAL MODULE: ./lib/plan/hash.js
var plan_hash = __webpack_require__(6371);
// EXTERNAL MODULE: ./lib/plan/view.js
var view = __webpack_require__(2510);
// EXTERNAL MODULE: ./lib/report/plan-text.js
var plan_text = __webpack_require__(2367);
// EXTERNAL MODULE: ./lib/app/compile-project.js
var compile_project = __webpack_require__(1874);
// EXTERNAL MODULE: ./lib/plan/model-groups.js
var model_groups = __webpack_require__(3987);
;// CONCATENATED MODULE: ./lib/app/deploy-context.js

/** The model package groups to ensure, with the descriptions their configs give. */
function groupSpecs(config, plan) {
    const byGroup = new Map();
    for (const m of Object.values(config.models)) {
        const name = m.registry?.modelPackageGroupName ?? `${config.pipeline.name}-${m.name}`;
        byGroup.set(name, m.registry?.modelPackageGroupDescription);
    }
    return (0,model_groups/* modelPackageGroups */.q)(plan).map((name) => ({ name, description: byGroup.get(name) }));
}
/** Tags smp puts on what it creates: who manages it, and from which repository. */
function managedTags(repository) {
    return [
        { Key: 'managed-by', Value: 'smp-action' },
        ...(repository ? [{ Key: 'smp-action:repository', Value: repository.slice(0, 256) }] : []),
    ];
}
/** The deploy context both the action and the CLI build from a compiled project. */
function deployContext(opts) {
    const { config, plan } = opts;
    return {
        clients: opts.clients,
        plan,
        planHash: opts.planHash,
        roleArn: config.settings.role,
        kmsKey: config.settings.kmsKey,
        description: opts.description ?? config.pipeline.description,
        tags: managedTags(opts.repository),
        parallelism: opts.parallelism,
        groups: groupSpecs(config, plan),
        accountId: config.settings.accountId,
        log: opts.log,
        signal: opts.signal,
        ...(opts.knownSchedule !== undefined ? { knownSchedule: opts.knownSchedule } : {}),
    };
}
/** The wait of a run, or undefined for start-and-return. */
function waitOptions(w, signal, log) {
    if (!w.wait)
        return undefined;
    return {
        intervalMs: w.pollSeconds * 1000,
        timeoutMs: w.timeoutMinutes * 60_000,
        stopOnTimeout: w.stopOnCancel,
        stopOnCancel: w.stopOnCancel,
        signal,
        log,
    };
}

;// CONCATENATED MODULE: ./lib/app/deployed-state.js

/** The deployed `smp-<pipeline>` schedule for the plan view; a failed read is a note, not a failure. */
async function readScheduleForView(clients, pipeline) {
    const { readSchedule } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6264));
    try {
        return { schedule: await readSchedule(await clients.scheduler(), (0,schedule/* scheduleName */.V5)(pipeline)) };
    }
    catch (err) {
        const e = err;
        return {
            scheduleNote: `could not read it: ${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0] ?? ''}`,
        };
    }
}
/** The deployed pipeline and schedule as the plan view takes them, and the pipeline as the deploy reuses it. */
async function readDeployedState(clients, pipelineName) {
    const { readDeployed } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7671));
    const d = await readDeployed(clients.sagemaker, pipelineName);
    const schedule = await readScheduleForView(clients, pipelineName);
    return {
        deployed: d
            ? {
                state: 'read',
                definition: d.definition,
                arn: d.arn,
                ...schedule,
                ...(d.lastModified ? { lastModified: d.lastModified } : {}),
                ...(d.versionName ? { version: d.versionName } : {}),
            }
            : { state: 'none', definition: null, ...schedule },
        pipeline: d,
    };
}

// EXTERNAL MODULE: ./lib/compile/compile.js + 13 modules
var compile = __webpack_require__(2215);
;// CONCATENATED MODULE: ./lib/app/resolve-plan.js
// Model packages resolved online: the versioned ARNs of `model_package` units become parameter defaults.

/**
 * The plan with every `model_package` resolved in the Model Registry (the versioned ARNs become the parameter
 * defaults, and so part of the plan hash). A plan without such units is returned as it is.
 */
async function resolvePlan(config, plan, clients) {
    if (plan.modelPackages.length === 0)
        return plan;
    const { resolvePackages } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4512));
    const packages = await resolvePackages(clients.sagemaker, plan.modelPackages, clients.region, config.settings.accountId);
    const again = (0,compile/* compileProject */.n)(config, { packages });
    // The same config compiled a moment ago; only the parameter defaults differ.
    if (!again.plan)
        throw new Error(`internal: the plan no longer compiles with resolved model packages`);
    return again.plan;
}

;// CONCATENATED MODULE: ./lib/cli/ci-env.js
function ciRun(env) {
    if (env.GITHUB_RUN_ID)
        return {
            sha: env.GITHUB_SHA,
            runId: env.GITHUB_RUN_ID,
            attempt: env.GITHUB_RUN_ATTEMPT,
            repository: env.GITHUB_REPOSITORY,
        };
    if (env.GITLAB_CI)
        // A retried job keeps its pipeline: the pipeline is the run.
        return {
            sha: env.CI_COMMIT_SHA,
            runId: env.CI_PIPELINE_ID,
            attempt: undefined,
            repository: env.CI_PROJECT_PATH,
        };
    if (env.CODEBUILD_BUILD_ID)
        return {
            sha: env.CODEBUILD_RESOLVED_SOURCE_VERSION,
            runId: env.CODEBUILD_BUILD_NUMBER,
            attempt: undefined,
            repository: codebuildRepository(env.CODEBUILD_SOURCE_REPO_URL),
        };
    return { sha: env.GITHUB_SHA, runId: undefined, attempt: undefined, repository: env.GITHUB_REPOSITORY };
}
/** `https://github.com/o/r.git`, `https://gitlab.com/g/s/p` → `o/r`, `g/s/p`; CodeCommit and S3 sources: the URL's path. */
function codebuildRepository(url) {
    if (!url)
        return undefined;
    try {
        const p = new URL(url).pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
        return p.replace(/^v1\/repos\//, '') || undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js
// `smp deploy` / `smp run` outside GitHub: default AWS credentials chain, same phases as the action.

















async function deployCommand(cmd, baseEnv, io) {
    const env = (0,overrides/* applyOverrides */.i)(baseEnv, cmd.overrides);
    const run = ciRun(env);
    // Real settings only: a deploy must never send placeholder buckets or roles.
    const r = (0,compile_project/* loadAndCompile */.p)({ ...cmd, env, allowPlaceholders: false });
    if (!r.plan || !r.config)
        return (0,cli_io/* failed */.gz)(r.diagnostics, io);
    (0,cli_io/* report */.z8)(r.diagnostics, io);
    const { config } = r;
    // Run-time parameter values are checked before any AWS client exists.
    const params = cmd.kind === 'run' ? (0,parameters/* runParameters */.YA)(r.plan.parameters, cmd.params) : undefined;
    if (params && params.errors.length > 0) {
        for (const e of params.errors)
            io.err(`smp: --param: ${e}`);
        io.err('smp: refused before any call to AWS');
        return cli_io/* EXIT_USAGE */.Ri;
    }
    const settings = config.settings;
    const clients = await createAwsClients({ region: settings.region, env });
    // Ctrl-C aborts: no write starts after it, and a wait stops (and stops the execution with --stop-on-cancel).
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const plan = await resolvePlan(config, r.plan, clients);
        const hash = (0,plan_hash/* planHashOf */.vy)(plan);
        const { deployed, pipeline: current } = await readDeployedState(clients, plan.pipelineName);
        io.out((0,plan_text/* planText */.Pt)((0,view/* buildPlanView */.rn)(plan, deployed)));
        const context = deployContext({
            config,
            plan,
            planHash: hash,
            clients,
            description: cmd.description,
            repository: run.repository,
            parallelism: undefined,
            log: (l) => io.err(l),
            signal: abort.signal,
            knownSchedule: deployed.schedule,
        });
        if (cmd.kind === 'deploy') {
            const d = await deployPipeline(context, current);
            io.out(`pipeline ${d.action}: ${d.pipelineArn}`);
            if (d.schedule !== 'none')
                io.out(`schedule ${(0,schedule/* scheduleName */.V5)(plan.pipelineName)}: ${d.schedule}`);
            return cli_io/* EXIT_OK */.Ij;
        }
        const displayName = executionDisplayName(run.sha, run.runId ?? `cli-${Math.floor(Date.now() / 1000)}`);
        {
            for (const p of params?.used ?? [])
                io.err(`parameter ${p.name} = ${p.value}${p.source === 'default' ? ' (default)' : ''}`);
            const result = await runPipeline({
                ...context,
                displayName,
                executionDescription: `smp ${displayName} (plan ${hash.slice(0, 12)})`,
                token: executionToken((0,parameters/* withParameters */.zv)(hash, params?.pipelineParameters ?? []), displayName, run.attempt),
                parameters: params?.pipelineParameters ?? [],
                wait: waitOptions(cmd.waitArgs, abort.signal, (l) => io.err(l)),
            }, current);
            io.out(`execution: ${result.execution.arn}`);
            if (result.waited)
                io.out(`status: ${result.waited.outcome}`);
            for (const s of result.scored)
                io.out(`scored: ${s.model} with ${s.group} v${s.version} (${s.approvalStatus}) ${s.arn}`);
            if (result.schedule !== 'none')
                io.out(`schedule: ${result.schedule}`);
            for (const m of result.models)
                io.out(`registered: ${m.group} v${m.version ?? '?'} (${m.approvalStatus}) ${m.arn}`);
            for (const g of result.gates.filter((x) => x.result === 'failed'))
                io.out(`not registered: ${g.group || g.register} (${g.reason ?? 'quality gate failed'})`);
            return !result.waited || result.waited.outcome === 'Succeeded' ? cli_io/* EXIT_OK */.Ij : cli_io/* EXIT_FAILED */.hj;
        }
    }
    catch (err) {
        if (err instanceof DeployCancelled) {
            io.err(`smp: ${err.message}: nothing further was sent to AWS`);
            return cli_io/* EXIT_FAILED */.hj;
        }
        if (err.name === 'PackageResolutionError') {
            io.err(`smp: ${err.message}`);
            io.err('smp: refused before any write to AWS');
            return cli_io/* EXIT_FAILED */.hj;
        }
        if (err instanceof DeployRefused) {
            for (const d of err.diagnostics)
                io.err((0,diagnostics/* formatDiagnostic */.xy)(d));
            io.err('smp: refused before any write to AWS');
            return cli_io/* EXIT_FAILED */.hj;
        }
        const e = err;
        if (e.name === 'CredentialsProviderError') {
            io.err(`smp: ${cmd.kind} failed: ${noCredentialsMessage(baseEnv)}`);
            return cli_io/* EXIT_FAILED */.hj;
        }
        io.err(`smp: ${cmd.kind} failed: ${e.name ? `${e.name}: ` : ''}${e.message ?? String(err)}`);
        return cli_io/* EXIT_FAILED */.hj;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        clients.destroy();
    }
}


/***/ })

};
