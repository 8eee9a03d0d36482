export const id = 825;
export const ids = [825];
export const modules = {

/***/ 2825:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ errorStatus),
/* harmony export */   RATE_LIMIT_RESERVE: () => (/* binding */ RATE_LIMIT_RESERVE),
/* harmony export */   createGithubClient: () => (/* binding */ createGithubClient)
/* harmony export */ });
/** Below this many remaining requests, optional calls (comments) are skipped with a notice. */
const RATE_LIMIT_RESERVE = 20;
async function createGithubClient(token, apiUrl) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const allowed = new URL(apiUrl);
    const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/$/, ''), userAgent: 'smp-action' });
    let calls = 0;
    let remaining;
    octokit.hook.wrap('request', async (request, options) => {
        const url = new URL(String(options.url).replace(/^\//, `${allowed.origin}${allowed.pathname.replace(/\/$/, '')}/`), allowed);
        // The token must never travel to another host, whatever a URL in a response says.
        if (url.host !== allowed.host)
            throw new Error(`refusing a GitHub API call to ${url.host}: only ${allowed.host} (GITHUB_API_URL) is allowed`);
        calls++;
        try {
            const response = await request(options);
            remaining = readRemaining(response.headers) ?? remaining;
            return response;
        }
        catch (err) {
            remaining =
                readRemaining(err.response?.headers) ??
                    remaining;
            throw err;
        }
    });
    return { octokit, calls: () => calls, remaining: () => remaining };
}
function readRemaining(headers) {
    const v = headers?.['x-ratelimit-remaining'];
    const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
}
function errorStatus(err) {
    const s = err.status;
    return typeof s === 'number' ? s : undefined;
}


/***/ })

};
