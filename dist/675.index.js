export const id = 675;
export const ids = [675];
export const modules = {

/***/ 675:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executionDisplayName: () => (/* binding */ executionDisplayName),
/* harmony export */   executionToken: () => (/* binding */ executionToken),
/* harmony export */   h: () => (/* binding */ DISPLAY_NAME),
/* harmony export */   n: () => (/* binding */ startOrAttach)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4459);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
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
        const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__.ListPipelineExecutionsCommand({
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
    const out = await sm.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__.StartPipelineExecutionCommand({
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


/***/ })

};
