export const id = 391;
export const ids = [391];
export const modules = {

/***/ 8391:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployOrRun: () => (/* binding */ deployOrRun)
});

// EXTERNAL MODULE: ./lib/compile/parameters.js
var parameters = __webpack_require__(5433);
// EXTERNAL MODULE: ./lib/config/schedule.js
var schedule = __webpack_require__(4493);
// EXTERNAL MODULE: ./lib/compile/branches.js
var branches = __webpack_require__(2433);
;// CONCATENATED MODULE: ./lib/plan/model-groups.js
// The model package groups a plan's RegisterModel steps write to.

/** Model package groups the plan's RegisterModel steps write to. */
function modelPackageGroups(plan) {
    const groups = new Set();
    for (const s of (0,branches/* allDefinitionSteps */.EX)(plan.definition.Steps)) {
        if (s.Type !== 'RegisterModel')
            continue;
        const g = s.Arguments.ModelPackageGroupName;
        if (typeof g === 'string')
            groups.add(g);
    }
    return [...groups].sort();
}

;// CONCATENATED MODULE: ./lib/app/deploy-context.js

/** The model package groups to ensure, with the descriptions their configs give. */
function groupSpecs(config, plan) {
    const byGroup = new Map();
    for (const m of Object.values(config.models)) {
        const name = m.registry?.modelPackageGroupName ?? `${config.pipeline.name}-${m.name}`;
        byGroup.set(name, m.registry?.modelPackageGroupDescription);
    }
    return modelPackageGroups(plan).map((name) => ({ name, description: byGroup.get(name) }));
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

// EXTERNAL MODULE: ./lib/github/event.js
var github_event = __webpack_require__(9607);
// EXTERNAL MODULE: ./lib/github/runner.js + 1 modules
var runner = __webpack_require__(1173);
// EXTERNAL MODULE: ./lib/plan/dag.js
var dag = __webpack_require__(9043);
// EXTERNAL MODULE: ./lib/plan/view.js
var plan_view = __webpack_require__(2510);
// EXTERNAL MODULE: ./lib/report/gates.js
var gates = __webpack_require__(3050);
// EXTERNAL MODULE: ./lib/report/run-report.js
var run_report = __webpack_require__(7034);
;// CONCATENATED MODULE: ./lib/action/deploy-phase.js









async function deployOrRun(inputs, ctx, { config, plan, view, clients, deployed, current, params }, state, signal) {
    const { deployPipeline, runPipeline } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459), __webpack_require__.e(711), __webpack_require__.e(768), __webpack_require__.e(358), __webpack_require__.e(432)]).then(__webpack_require__.bind(__webpack_require__, 9432));
    const { executionDisplayName, executionToken } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459), __webpack_require__.e(675)]).then(__webpack_require__.bind(__webpack_require__, 675));
    const { executionLink, jobLinks, modelGroupLink } = await __webpack_require__.e(/* import() */ 20).then(__webpack_require__.bind(__webpack_require__, 4020));
    const context = deployContext({
        config,
        plan,
        planHash: view.planHash,
        clients,
        description: inputs.description,
        repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : undefined,
        parallelism: inputs.maxParallelSteps,
        log: (l) => runner.info(l),
        signal,
        knownSchedule: deployed.schedule,
    });
    if (inputs.mode === 'deploy') {
        const d = await runner.group('Deploy', () => deployPipeline(context, current));
        state.report = {
            ...state.report,
            pipelineArn: d.pipelineArn,
            action: d.action,
            uploaded: uploadedOf(d.upload),
        };
        state.report = { ...state.report, schedule: scheduleReport(plan, d.schedule) };
        state.outputs['pipeline-arn'] = d.pipelineArn;
        return;
    }
    const displayName = executionDisplayName((0,github_event/* commitSha */.mJ)(ctx), ctx.runId);
    const link = (0,github_event/* runUrl */.Vp)(ctx);
    const result = await runner.group('Deploy and run', () => runPipeline({
        ...context,
        displayName,
        executionDescription: `smp-action ${(0,github_event/* commitSha */.mJ)(ctx)?.slice(0, 7) ?? ''}${link ? ` ${link}` : ''}`.trim(),
        token: executionToken((0,parameters/* withParameters */.zv)(view.planHash, params.pipelineParameters), ctx.runId, ctx.runAttempt),
        parameters: params.pipelineParameters,
        wait: waitOptions({
            wait: inputs.wait,
            pollSeconds: inputs.pollIntervalSeconds,
            timeoutMinutes: inputs.waitTimeoutMinutes,
            stopOnCancel: inputs.stopOnCancel,
        }, signal, (l) => runner.info(l)),
        onStarted: (s) => {
            state.outputs['execution-arn'] = s.arn;
            try {
                runner.setOutput('execution-arn', s.arn); // now, in case the job is cancelled while waiting
            }
            catch {
                // finish() sets it again and reports a broken GITHUB_OUTPUT
            }
            state.report = {
                ...state.report,
                executionArn: s.arn,
                attached: s.attached,
                executionLink: executionLink(s.arn),
                parameters: params.used,
            };
        },
    }, current));
    const w = result.waited;
    state.outputs['pipeline-arn'] = result.pipelineArn;
    state.outputs['execution-status'] = w?.outcome ?? 'Executing';
    state.outputs['model-package-arns'] = JSON.stringify(result.models.map((m) => m.arn));
    state.report = {
        ...state.report,
        pipelineArn: result.pipelineArn,
        action: result.action,
        uploaded: uploadedOf(result.upload),
        outcome: w?.outcome ?? 'started (not waiting)',
        failureReason: w?.failureReason,
        steps: w?.steps.map((s) => ({ ...s, links: s.jobArn ? jobLinks(s.jobArn) : undefined })),
        plannedSteps: plan.definition.Steps.map((s) => s.Name),
        dag: w
            ? (0,dag/* runDag */.WP)(plan.definition, (0,plan_view/* stepModels */.NG)(plan), new Map(w.steps.map((s) => [s.name, s.status])))
            : undefined,
        models: result.models.map((m) => ({ ...m, registryLink: modelGroupLink(m.arn) || undefined })),
        scored: result.scored,
        schedule: scheduleReport(plan, result.schedule),
        gates: result.gates,
        cancelled: w?.outcome === 'Cancelled' ? { stillRunning: !w.stopRequested } : undefined,
    };
    if (w && w.outcome !== 'Succeeded')
        state.failure = runFailure(w, result.execution.arn, inputs.waitTimeoutMinutes);
}
/** Why the run failed, for the summary's failure block and the step's error annotation. */
function runFailure(w, executionArn, timeoutMinutes) {
    const failedStep = w.steps.find((s) => s.status === 'Failed');
    const running = w.steps
        .filter((s) => !['Succeeded', 'Failed', 'Stopped'].includes(s.status))
        .map((s) => s.name);
    const message = w.outcome === 'TimedOut'
        ? `gave up waiting after ${timeoutMinutes} minutes; ${w.stopRequested ? 'asked SageMaker to stop the execution' : `the execution is still running${running.length ? ` (${running.join(', ')})` : ''}`}: ${executionArn}`
        : failedStep
            ? `${(0,gates/* gateFailureText */.D)(failedStep.failureReason ?? '') ?? failedStep.failureReason ?? w.failureReason ?? 'no reason given'}${failedStep.jobArn ? `\njob: ${failedStep.jobArn}` : ''}`
            : (w.failureReason ?? `the execution ended ${w.outcome}`);
    const reason = failedStep?.failureReason;
    return {
        ...(failedStep && reason
            ? {
                // The step table above has the whole reason with the job's console and log links: say it once.
                shown: (0,run_report/* failedStepShown */.F9)(reason),
            }
            : {}),
        title: w.outcome === 'TimedOut'
            ? 'Timed out'
            : failedStep
                ? `Execution failed at ${failedStep.name}`
                : `Execution ${w.outcome.toLowerCase()}`,
        message,
    };
}
function scheduleReport(plan, outcome) {
    return outcome === 'none' ? undefined : { name: (0,schedule/* scheduleName */.V5)(plan.pipelineName), outcome };
}
function uploadedOf(u) {
    return {
        count: u.uploaded.length,
        bytes: u.uploaded.reduce((n, x) => n + x.bytes, 0),
        skipped: u.skipped.length,
    };
}


/***/ })

};
