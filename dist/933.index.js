export const id = 933;
export const ids = [933];
export const modules = {

/***/ 6933:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAwsClients: () => (/* binding */ createAwsClients),
/* harmony export */   createStsClient: () => (/* binding */ createStsClient),
/* harmony export */   defaultCredentials: () => (/* binding */ defaultCredentials)
/* harmony export */ });
/* unused harmony exports USER_AGENT, quietNodeVersionWarning */
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3411);

const USER_AGENT = `smp-action/${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .x}`;
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
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459)]).then(__webpack_require__.t.bind(__webpack_require__, 4459, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)),
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
        scheduler: () => (scheduler ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(768)]).then(__webpack_require__.t.bind(__webpack_require__, 768, 19)).then(({ SchedulerClient }) => {
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
    const { defaultProvider } = await __webpack_require__.e(/* import() */ 861).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19));
    // The region the clients would pass as their parent config: STS-based sources (web identity, assumed
    // profile roles) call the regional endpoint of the clients' partition.
    return defaultProvider({ parentClientConfig: { region } });
}
/** STS for the OIDC exchange: AssumeRoleWithWebIdentity is unsigned, so no credentials are needed. */
async function createStsClient(region, maxAttempts = 1) {
    quietNodeVersionWarning();
    const { STSClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    // Our own loop retries the exchange (fresh token per attempt, transient errors only): no SDK retries here.
    return new STSClient({ ...common({ region }), maxAttempts });
}


/***/ })

};
