export const id = 323;
export const ids = [323];
export const modules = {

/***/ 8323:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openAwsSession: () => (/* binding */ openAwsSession)
/* harmony export */ });
/* unused harmony export AwsSetupError */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1173);
// AWS access for the action: OIDC role assumption (with refresh) or the default chain; offline when a plan
// run has no credentials (fork PRs, no secrets), never failing a plan for that reason.

class AwsSetupError extends Error {
    name = 'AwsSetupError';
}
async function openAwsSession(inputs, region, ctx, env = process.env) {
    const required = inputs.mode !== 'plan';
    const offline = (why) => {
        if (required)
            throw new AwsSetupError(why);
        return { kind: 'offline', why };
    };
    const { createAwsClients, createStsClient, defaultCredentials } = await __webpack_require__.e(/* import() */ 933).then(__webpack_require__.bind(__webpack_require__, 6933));
    if (inputs.roleToAssume) {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
            return offline(ctx.pullRequest?.isFork
                ? 'this pull request comes from a fork, which gets no OIDC token'
                : 'no GitHub OIDC token: give the job `permissions: id-token: write` (and contents: read) to assume role-to-assume');
        }
        const [{ refreshingOidcCredentials, sessionName }, { AssumeRoleWithWebIdentityCommand }] = await Promise.all([__webpack_require__.e(/* import() */ 719).then(__webpack_require__.bind(__webpack_require__, 6719)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19))]);
        const sts = await createStsClient(region);
        const credentials = refreshingOidcCredentials({
            roleArn: inputs.roleToAssume,
            audience: inputs.audience,
            durationSeconds: inputs.roleDurationSeconds,
            sessionName: sessionName(ctx.runId, ctx.runAttempt),
            getIdToken: (aud) => _runner_js__WEBPACK_IMPORTED_MODULE_0__.getIDToken(aud),
            sts,
            assumeRoleCommand: AssumeRoleWithWebIdentityCommand,
            maskSecret: (s) => _runner_js__WEBPACK_IMPORTED_MODULE_0__.setSecret(s),
            log: (l) => _runner_js__WEBPACK_IMPORTED_MODULE_0__.info(l),
        });
        try {
            await credentials(); // fail here, clearly, rather than on the first SageMaker call
        }
        catch (err) {
            if (required)
                throw err;
            // A trust policy that admits only the default branch denies PRs: plan offline and show why.
            _runner_js__WEBPACK_IMPORTED_MODULE_0__.warning(err instanceof Error ? err.message : String(err), {
                title: 'smp: AWS credentials for the plan',
            });
            return offline('the OIDC role could not be assumed for this event (see the warning above)');
        }
        return {
            kind: 'online',
            clients: await createAwsClients({ region, credentials, env }),
            how: `assumed ${inputs.roleToAssume} through GitHub OIDC`,
        };
    }
    // The chain first, the clients only once it gave credentials: an offline plan never loads them.
    const credentials = await defaultCredentials(region);
    try {
        const identity = await credentials();
        if (!identity.accessKeyId)
            return offline('no AWS credentials in the environment');
    }
    catch (err) {
        return offline(`no AWS credentials (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); set role-to-assume, or configure credentials before this step`);
    }
    return {
        kind: 'online',
        clients: await createAwsClients({ region, credentials, env }),
        how: 'the default AWS credential chain',
    };
}


/***/ })

};
