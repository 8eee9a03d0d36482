export const id = 883;
export const ids = [883];
export const modules = {

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


/***/ })

};
