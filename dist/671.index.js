export const id = 671;
export const ids = [671];
export const modules = {

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


/***/ })

};
