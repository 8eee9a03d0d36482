export const id = 510;
export const ids = [510,825];
export const modules = {

/***/ 4510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ selectPlanComment),
/* harmony export */   postRunStatus: () => (/* binding */ postRunStatus),
/* harmony export */   r2: () => (/* binding */ mergedPullRequest),
/* harmony export */   sX: () => (/* binding */ tokenIdentity),
/* harmony export */   upsertPlanComment: () => (/* binding */ upsertPlanComment)
/* harmony export */ });
/* unused harmony exports isOurs, findPlanComment, RateLimited, withStatusLine */
/* harmony import */ var _report_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3086);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2825);
// One PR comment per pipeline: found by our marker among comments this token's identity wrote, updated in
// place, never touching anyone else's comment.


async function tokenIdentity(gh) {
    try {
        const { data } = await gh.octokit.rest.users.getAuthenticated();
        return { kind: 'user', login: data.login };
    }
    catch (err) {
        if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .errorStatus */ .P)(err) === 403 || (0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .errorStatus */ .P)(err) === 401)
            return { kind: 'bot' };
        throw err;
    }
}
function isOurs(author, me) {
    if (!author)
        return false;
    return me.kind === 'user' ? author.login === me.login : author.type === 'Bot';
}
/** The one comment that is ours for `pipeline`: the comment upsert updates and the gate reads. */
function selectPlanComment(comments, pipeline, me) {
    const ours = comments.filter((c) => isOurs(c.user, me) && c.body && (0,_report_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(c.body)?.pipeline === pipeline);
    // With an app token several bots could match; GITHUB_TOKEN's own comment comes first.
    return ours.find((c) => c.user?.login === 'github-actions[bot]') ?? ours[0];
}
/** Our comment for `pipeline` on the issue/PR, if any. */
async function findPlanComment(gh, t, me) {
    const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    const best = selectPlanComment(comments, t.pipeline, me);
    return best?.body ? { id: best.id, body: best.body } : undefined;
}
class RateLimited extends Error {
    name = 'RateLimited';
}
/** Creates or updates our comment; refuses (RateLimited) when fewer than `reserve` requests are left. */
async function upsertPlanComment(gh, t, body, reserve = 0) {
    const me = await tokenIdentity(gh);
    const left = gh.remaining();
    if (left !== undefined && left < reserve)
        throw new RateLimited(`only ${left} GitHub API requests are left this hour`);
    const existing = await findPlanComment(gh, t, me);
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
/** The first line of the status block the main-branch run writes into the merged PR's plan comment. */
const STATUS_PREFIX = '> **After merge:** ';
/**
 * The body with a status line under the verdict (replacing an earlier one): the plan, marker and hash are
 * untouched, so the approved plan stays what the reviewer approved.
 */
function withStatusLine(body, status) {
    const lines = body.split('\n');
    const kept = lines.filter((l) => !l.startsWith(STATUS_PREFIX));
    // marker, title, blank, verdict: the status goes after the verdict's paragraph.
    const at = kept.findIndex((l, i) => i > 0 && l.startsWith('**'));
    const line = `${STATUS_PREFIX}${status.replace(/\r?\n/g, ' ')}`;
    if (at < 0)
        return [...kept, '', line, ''].join('\n');
    return [...kept.slice(0, at + 1), '', line, ...kept.slice(at + 1)].join('\n').replace(/\n\n\n+/g, '\n\n');
}
/**
 * After a run on the default branch: the merged PR that brought `sha` gets `status` in its plan comment for
 * `pipeline`, updated in place. Returns the comment's URL, or undefined when there is no such PR or comment.
 */
async function postRunStatus(gh, repo, sha, pipeline, status) {
    const pr = await mergedPullRequest(gh, repo, sha, undefined);
    if (!pr)
        return undefined;
    const me = await tokenIdentity(gh);
    const existing = await findPlanComment(gh, { ...repo, issueNumber: pr.number, pipeline }, me);
    if (!existing)
        return undefined;
    const body = withStatusLine(existing.body, status);
    if (body === existing.body)
        return undefined;
    const { data } = await gh.octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return data.html_url;
}
/** The merged PR that brought `sha` (into `base` when given, else any merged one). */
async function mergedPullRequest(gh, repo, sha, base) {
    const { data: pulls } = await gh.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...repo,
        commit_sha: sha,
        per_page: 10,
    });
    return pulls.find((p) => p.merged_at && (!base || p.base.ref === base)) ?? pulls.find((p) => p.merged_at);
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
