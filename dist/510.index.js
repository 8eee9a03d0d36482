export const id = 510;
export const ids = [510,825];
export const modules = {

/***/ 4510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ tokenLogin),
/* harmony export */   upsertPlanComment: () => (/* binding */ upsertPlanComment)
/* harmony export */ });
/* unused harmony export findPlanComment */
/* harmony import */ var _report_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3086);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2825);
// One PR comment per pipeline: found by our marker among comments the token's own user wrote, updated in
// place, never touching anyone else's comment.


/** The login comments by this token carry. GITHUB_TOKEN (an app installation token) cannot call /user. */
async function tokenLogin(gh) {
    try {
        const { data } = await gh.octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (err) {
        if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .errorStatus */ .P)(err) === 403 || (0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .errorStatus */ .P)(err) === 401)
            return 'github-actions[bot]';
        throw err;
    }
}
/** Our comment for `pipeline` on the issue/PR, if any (author must be `login`). */
async function findPlanComment(gh, t, login) {
    const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    for (const c of comments) {
        if (c.user?.login !== login || !c.body)
            continue;
        if ((0,_report_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(c.body)?.pipeline === t.pipeline)
            return { id: c.id, body: c.body };
    }
    return undefined;
}
async function upsertPlanComment(gh, t, body, login) {
    const who = login ?? (await tokenLogin(gh));
    const existing = await findPlanComment(gh, t, who);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: undefined };
        const { data } = await gh.octokit.rest.issues.updateComment({
            owner: t.owner,
            repo: t.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await gh.octokit.rest.issues.createComment({
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        body,
    });
    return { action: 'created', id: data.id, url: data.html_url };
}


/***/ }),

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
