export const id = 342;
export const ids = [342,581];
export const modules = {

/***/ 7914:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ findConfigFiles),
  Kh: () => (/* binding */ splitGlobs)
});

// UNUSED EXPORTS: insideWorkspace

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/config/glob.js
// A small glob matcher, so the offline core needs no @actions/* package. Supports `*`, `**`, `?`,
// `[abc]`, `[!abc]` and `{a,b}`; `*` and `?` never cross `/` nor match a leading dot.
function globToRegExp(glob) {
    let re = '';
    let i = 0;
    let braceDepth = 0;
    while (i < glob.length) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const atSegmentStart = i === 0 || glob[i - 1] === '/';
                const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
                if (atSegmentStart && atSegmentEnd) {
                    // `**/` matches zero or more whole directories (not dot-directories).
                    re += glob[i + 2] === '/' ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?';
                    i += glob[i + 2] === '/' ? 3 : 2;
                    continue;
                }
            }
            re += atStart(glob, i) ? '(?!\\.)[^/]*' : '[^/]*';
            i += glob[i + 1] === '*' ? 2 : 1;
        }
        else if (c === '?') {
            re += atStart(glob, i) ? '(?!\\.)[^/]' : '[^/]';
            i++;
        }
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end === -1) {
                re += '\\[';
                i++;
                continue;
            }
            let body = glob.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            re += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
            i = end + 1;
        }
        else if (c === '{') {
            braceDepth++;
            re += '(?:';
            i++;
        }
        else if (c === '}' && braceDepth > 0) {
            braceDepth--;
            re += ')';
            i++;
        }
        else if (c === ',' && braceDepth > 0) {
            re += '|';
            i++;
        }
        else {
            re += c.replace(/[.+^$()|\\]/g, '\\$&');
            i++;
        }
    }
    return new RegExp(`^${re}$`);
}
function atStart(glob, i) {
    return i === 0 || glob[i - 1] === '/';
}
/** The leading directories of a glob that hold no pattern characters, e.g. `examples/` of `examples/*\/conf`. */
function literalPrefix(glob) {
    const parts = glob.split('/');
    const out = [];
    for (const p of parts.slice(0, -1)) {
        if (/[*?[{]/.test(p))
            break;
        out.push(p);
    }
    return out.join('/');
}
function hasMagic(glob) {
    return /[*?[{]/.test(glob);
}

// EXTERNAL MODULE: ./lib/config/paths.js
var paths = __webpack_require__(6446);
;// CONCATENATED MODULE: ./lib/config/find.js
// Find config files: globs relative to the workspace root, never outside it.




/** Folders never searched: dependencies and VCS data are never model configs. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
function splitGlobs(raw) {
    if (!raw)
        return [];
    return raw
        .split(/[\n,]/)
        .map((g) => g.trim())
        .filter((g) => g !== '' && !g.startsWith('#'));
}
function findConfigFiles(globs, workspace, bag) {
    const files = [];
    const seen = new Set();
    const unmatched = [];
    for (const glob of globs) {
        const normalized = glob.replace(/\\/g, '/').replace(/^\.\//, '');
        if (external_node_path_.posix.isAbsolute(normalized) || normalized.split('/').includes('..')) {
            bag.error('glob-outside-workspace', null, 'config', `config glob \`${glob}\` points outside the workspace ${workspace}; write it relative to the workspace root`);
            continue;
        }
        const matches = matchGlob(normalized, workspace);
        if (matches.length === 0)
            unmatched.push(glob);
        for (const m of matches) {
            if (!seen.has(m)) {
                seen.add(m);
                files.push(m);
            }
        }
    }
    if (globs.length === 0) {
        bag.error('no-config-glob', null, 'config', 'no config files given: pass --config GLOB (e.g. --config "*/conf/conf.yaml") or set SMP_MODEL_CONFIGPATH');
    }
    else if (files.length === 0 && !bag.hasErrors) {
        bag.error('no-config-files', null, 'config', `no config file matches ${globs.map((g) => `\`${g}\``).join(', ')} in ${workspace}; globs are relative to the workspace root`);
    }
    else {
        for (const g of unmatched) {
            bag.warning('glob-matches-nothing', null, 'config', `config glob \`${g}\` matches no file in ${workspace}`);
        }
    }
    return { files };
}
function matchGlob(glob, workspace) {
    if (!hasMagic(glob)) {
        const abs = external_node_path_.join(workspace, glob);
        // One spelling per file (`conf//c.yaml` is `conf/c.yaml`), so two globs cannot load it twice.
        return (0,paths/* isFile */.fo)(abs) && insideWorkspace(abs, workspace) ? [external_node_path_.posix.normalize(glob)] : [];
    }
    const re = globToRegExp(glob);
    const prefix = literalPrefix(glob);
    const out = [];
    walk(workspace, prefix, re, out, workspace);
    return out.sort();
}
function walk(workspace, rel, re, out, root) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(external_node_path_.join(workspace, rel));
    }
    catch {
        return;
    }
    for (const name of names.sort()) {
        if (SKIPPED_DIRS.has(name))
            continue;
        const childRel = rel ? `${rel}/${name}` : name;
        const abs = external_node_path_.join(workspace, childRel);
        let st;
        try {
            st = (0,external_node_fs_.statSync)(abs);
        }
        catch {
            continue;
        }
        if (st.isDirectory()) {
            // Symlinked folders are followed only while they stay inside the workspace (and cannot loop).
            if (!insideWorkspace(abs, root) || isSymlinkLoop(abs, workspace))
                continue;
            walk(workspace, childRel, re, out, root);
        }
        else if (st.isFile() && re.test(childRel) && insideWorkspace(abs, root)) {
            out.push(childRel);
        }
    }
}
function insideWorkspace(abs, workspace) {
    try {
        return (0,paths/* isWithin */.UO)((0,external_node_fs_.realpathSync)(workspace), (0,external_node_fs_.realpathSync)(abs));
    }
    catch {
        return false;
    }
}
function isSymlinkLoop(abs, workspace) {
    // A directory whose real path is an ancestor of its own path would recurse forever.
    const real = (0,external_node_fs_.realpathSync)(abs);
    const logical = external_node_path_.resolve(abs);
    return real !== logical && logical.startsWith(real + external_node_path_.sep) && real.startsWith((0,external_node_fs_.realpathSync)(workspace));
}


/***/ }),

/***/ 3669:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ PARAM_REF),
/* harmony export */   kh: () => (/* binding */ WHOLE_PARAM_REF),
/* harmony export */   yo: () => (/* binding */ parseParameterText)
/* harmony export */ });
/* unused harmony export parseAssignments */
// Parameter syntax: `${param:Name}` references (shared by the config checks and the compiler) and run-time
// `Name=Value` text. No imports: the action's entry parses its `parameters` input before the core loads.
/** `${param:Name}`, and its escaped form `$${param:Name}` (a literal `${param:Name}`). */
const PARAM_REF = /\$?\$\{param:([^}]*)\}/g;
/** A value that is exactly one reference. */
const WHOLE_PARAM_REF = /^\$\{param:([A-Za-z0-9_-]{1,64})\}$/;
/** `Name=Value` lines (blank lines and `#` comments skipped) or a JSON object, as the action input takes them. */
function parseParameterText(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { values: [], errors: [] };
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch (err) {
            return { values: [], errors: [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            return { values: [], errors: ['expected a JSON object of parameter names to values'] };
        const values = [];
        const errors = [];
        for (const [k, v] of Object.entries(parsed)) {
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                values.push([k, String(v)]);
            else
                errors.push(`${k}: expected a string, number or boolean value`);
        }
        return { values, errors };
    }
    return parseAssignments(trimmed.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#')));
}
/** `Name=Value` items (the value may contain `=`; surrounding spaces of the name are trimmed). */
function parseAssignments(items) {
    const values = [];
    const errors = [];
    for (const item of items) {
        const eq = item.indexOf('=');
        if (eq <= 0) {
            errors.push(`\`${item}\` is not Name=Value`);
            continue;
        }
        values.push([item.slice(0, eq).trim(), item.slice(eq + 1)]);
    }
    return { values, errors };
}


/***/ }),

/***/ 6446:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UO: () => (/* binding */ isWithin),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   nn: () => (/* binding */ checkPaths)
/* harmony export */ });
/* unused harmony export resolveInside */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9271);
// source_directory and entry points must exist inside the workspace (symlinks resolved, never outside).



function checkPaths(workspace, pipeline, models, bag) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    for (const model of Object.values(models)) {
        const p = `conf.models.${model.name}.source_directory`;
        const dir = resolveInside(root, model.sourceDirectory);
        if (dir.kind === 'outside') {
            bag.error('path-outside-workspace', model.sourceDirectoryLoc, p, `${p}: \`${model.sourceDirectory}\` resolves outside the workspace (${dir.real}); paths are relative to the workspace root ${workspace}`);
            continue;
        }
        if (dir.kind === 'missing' || !isDir(dir.real)) {
            bag.error('missing-source-directory', model.sourceDirectoryLoc, p, `${p}: folder \`${model.sourceDirectory}\` does not exist in the workspace ${workspace} (paths are relative to the workspace root)`);
            continue;
        }
        const unit = pipeline?.units.find((u) => u.model === model.name);
        if (!unit)
            continue;
        const used = new Set();
        for (const s of unit.steps) {
            if (s.stepClass !== 'Transform')
                used.add((0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionFor */ .v_)(model, s));
            if ((s.stepClass === 'CreateModel' || s.stepClass === 'RegisterModel') && model.registry?.modelRepack)
                used.add(model.transform);
        }
        for (const section of used) {
            if (!section?.entryPoint)
                continue;
            const ep = `conf.models.${model.name}.${section.kind}.entry_point`;
            const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(model.sourceDirectory, section.entryPoint);
            const file = resolveInside(root, rel);
            if (file.kind === 'outside') {
                bag.error('path-outside-workspace', section.entryPointLoc ?? section.loc, ep, `${ep}: \`${section.entryPoint}\` resolves outside the workspace (${file.real})`);
            }
            else if (file.kind === 'missing' || !isFile(file.real)) {
                bag.error('missing-entry-point', section.entryPointLoc ?? section.loc, ep, `${ep}: \`${section.entryPoint}\` is not a file in ${model.sourceDirectory}/ (entry points are relative to source_directory)`);
            }
        }
    }
}
/** Resolves `rel` against the real workspace root, following symlinks, and says where it lands. */
function resolveInside(root, rel) {
    const joined = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, rel);
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel) || !isWithin(root, joined))
        return { kind: 'outside', real: joined };
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(joined);
    }
    catch {
        return { kind: 'missing', real: joined };
    }
    return isWithin(root, real) ? { kind: 'inside', real } : { kind: 'outside', real };
}
/** Whether `p` is `root` or below it (`..data`, a name starting with two dots, is below). */
function isWithin(root, p) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, p);
    return rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel);
}
function isDir(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9271:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ allSteps),
/* harmony export */   g$: () => (/* binding */ PyFloat),
/* harmony export */   v_: () => (/* binding */ sectionFor)
/* harmony export */ });
/* unused harmony export sectionName */
/** A number written as a float (`1.0`, `1e5`): Python's json.dumps keeps it a float, so must we. */
class PyFloat {
    value;
    constructor(value) {
        this.value = value;
    }
}
/** The section a step of this class runs: its `step_type` (Processing, Training), `transform`, `evaluate`. */
function sectionName(step) {
    switch (step.stepClass) {
        case 'Processing':
        case 'Training':
            return step.stepType;
        case 'Transform':
            return 'transform';
        case 'Metrics':
            return 'evaluate';
        default:
            return undefined;
    }
}
function sectionFor(model, step) {
    const name = sectionName(step);
    return name === undefined || !Object.hasOwn(model.sections, name) ? undefined : model.sections[name];
}
function allSteps(p) {
    return p.units.flatMap((u) => u.steps);
}


/***/ }),

/***/ 9607:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   mJ: () => (/* binding */ commitSha),
/* harmony export */   zD: () => (/* binding */ readGithubContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
// What this workflow run is about, read from the runner's environment and event payload (no Octokit needed).

function readGithubContext(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const pr = payload.pull_request;
    const defaultBranch = payload.repository?.default_branch;
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const headRepo = pr?.head?.repo?.full_name;
    const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
    return {
        eventName,
        owner: owner || undefined,
        repo: repo || undefined,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        pullRequest: pr?.number !== undefined
            ? {
                number: pr.number,
                headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
                headRepo,
                baseRepo,
                // A deleted fork has no head repo: treat it as a fork too.
                isFork: headRepo === undefined || (baseRepo !== undefined && headRepo !== baseRepo),
                url: pr.html_url,
            }
            : undefined,
        defaultBranch,
        isDefaultBranchPush: eventName === 'push' && defaultBranch !== undefined && env.GITHUB_REF === `refs/heads/${defaultBranch}`,
    };
}
/** The commit a run is about: the PR head for pull requests, else GITHUB_SHA. */
function commitSha(ctx) {
    return ctx.pullRequest?.headSha || ctx.sha;
}
function runUrl(ctx) {
    return ctx.owner && ctx.repo && ctx.runId
        ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`
        : undefined;
}


/***/ }),

/***/ 6174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports parseRepositories, defaultMode */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3581);
/* harmony import */ var _config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3669);
/* harmony import */ var _config_find_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7914);
// The only reader of action inputs: one typed ActionInputs, with the defaults in one place.




class InputError extends Error {
    name = 'InputError';
}
const MODES = ['plan', 'deploy', 'run'];
function bool(name, fallback) {
    const raw = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput(name).trim();
    if (raw === '')
        return fallback;
    if (/^(true|yes|on)$/i.test(raw))
        return true;
    if (/^(false|no|off)$/i.test(raw))
        return false;
    throw new InputError(`input \`${name}\` must be true or false (got \`${raw}\`)`);
}
function num(name, fallback, min, max) {
    const raw = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput(name).trim();
    if (raw === '')
        return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new InputError(`input \`${name}\` must be a number from ${min} to ${max} (got \`${raw}\`)`);
    return n;
}
/** `owner/repo[@ref][:path]` lines. */
function parseRepositories(raw) {
    return raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((spec) => {
        const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)(?:@([^:\s]+))?(?::(.+))?$/.exec(spec);
        if (!m)
            throw new InputError(`input \`model-repositories\`: \`${spec}\` is not \`owner/repo[@ref][:path]\``);
        const [, owner = '', repo = '', ref, dest] = m;
        const where = (dest ?? `.smp/repos/${owner}/${repo}`).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
        const segments = where.split('/');
        // The folder is emptied before cloning: never the workspace itself, its .git, or a path leaving it.
        if (where === '' ||
            where === '.' ||
            node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(where) ||
            segments.includes('..') ||
            segments[0] === '.git') {
            throw new InputError(`input \`model-repositories\`: the path of \`${spec}\` must be a new folder inside the workspace (not \`.\` or .git)`);
        }
        return { owner, repo, ref, path: where, spec };
    });
}
function defaultMode(ctx) {
    if (ctx.eventName.startsWith('pull_request'))
        return { mode: 'plan', reason: `${ctx.eventName} event` };
    if (ctx.isDefaultBranchPush)
        return { mode: 'run', reason: `push to the default branch ${ctx.defaultBranch ?? ''}` };
    return {
        mode: 'plan',
        reason: `${ctx.eventName || 'unknown'} event (only pushes to the default branch deploy by default)`,
    };
}
function readInputs(ctx, env = process.env) {
    const repoRoot = env.GITHUB_WORKSPACE ?? process.cwd();
    const workingDirectory = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('working-directory').trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(repoRoot, workingDirectory || '.');
    const root = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(repoRoot);
    if (workspace !== root && !workspace.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_0__.sep)) {
        throw new InputError(`input working-directory \`${workingDirectory}\` is outside the repository checkout ${repoRoot}`);
    }
    const globs = (0,_config_find_js__WEBPACK_IMPORTED_MODULE_2__/* .splitGlobs */ .Kh)(_runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('config'));
    const config = globs.length > 0 ? globs : (0,_config_find_js__WEBPACK_IMPORTED_MODULE_2__/* .splitGlobs */ .Kh)(env.SMP_MODEL_CONFIGPATH);
    if (config.length === 0) {
        throw new InputError('input `config` is empty and SMP_MODEL_CONFIGPATH is not set: give the model config globs, e.g. `config: "*/conf/conf.yaml"`');
    }
    const rawMode = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('mode').trim().toLowerCase();
    const auto = defaultMode(ctx);
    if (rawMode !== '' && !MODES.includes(rawMode))
        throw new InputError(`input \`mode\` must be plan, deploy or run (got \`${rawMode}\`)`);
    const roleToAssume = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('role-to-assume').trim() || undefined;
    if (roleToAssume && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleToAssume)) {
        throw new InputError(`input \`role-to-assume\` must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \`${roleToAssume}\``);
    }
    const parallel = _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('max-parallel-steps').trim();
    const params = (0,_config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_3__/* .parseParameterText */ .yo)(_runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('parameters'));
    if (params.errors.length > 0)
        throw new InputError(`input \`parameters\`: ${params.errors.join('; ')} (one Name=Value per line, or a JSON object)`);
    return {
        mode: (rawMode || auto.mode),
        modeReason: rawMode ? 'set by the `mode` input' : auto.reason,
        config,
        workspace,
        workingDirectory: node_path__WEBPACK_IMPORTED_MODULE_0__.relative(root, workspace).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/'),
        overrides: {
            s3Bucket: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('s3-bucket'),
            executionRoleArn: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('execution-role-arn'),
            awsRegion: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('aws-region'),
            subnets: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('subnets'),
            securityGroups: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('security-groups'),
            kmsKeyId: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('kms-key-id'),
        },
        roleToAssume,
        audience: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('audience').trim() || 'sts.amazonaws.com',
        roleDurationSeconds: num('role-duration-seconds', 3600, 900, 43_200),
        wait: bool('wait', false),
        waitTimeoutMinutes: num('wait-timeout-minutes', 120, 1, 7 * 24 * 60),
        pollIntervalSeconds: num('poll-interval-seconds', 30, 5, 3600),
        stopOnCancel: bool('stop-on-cancel', true),
        comment: bool('comment', true),
        githubToken: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('github-token').trim(),
        modelRepositories: parseRepositories(_runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('model-repositories')),
        requireApprovedPlan: bool('require-approved-plan', false),
        strict: bool('strict', false),
        description: _runner_js__WEBPACK_IMPORTED_MODULE_1__.getInput('description').trim() || undefined,
        maxParallelSteps: parallel === '' ? undefined : num('max-parallel-steps', 1, 1, 1000),
        parameters: params.values,
    };
}


/***/ }),

/***/ 3581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   debug: () => (/* binding */ debug),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   getIDToken: () => (/* binding */ getIDToken),
/* harmony export */   getInput: () => (/* binding */ getInput),
/* harmony export */   group: () => (/* binding */ group),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
// The runner protocol is @actions/core's: inputs, workflow commands (annotations, groups, masks), file commands
// (outputs) and the job summary all go through it, so its escaping and its file formats are the runner's own.
// This module only narrows it to what the action uses, so call sites import one place. It is loaded after the
// action's first log line (src/index.ts): @actions/core pulls in its HTTP client (undici) for the OIDC token,
// which costs more start-up time than the rest of the entry (bench/cold-start.mjs).

const getInput = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
const info = (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
const debug = (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message);
const error = (message, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, p);
const warning = (message, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, p);
const notice = (message, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message, p);
const setFailed = (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
const setSecret = (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
const group = (name, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(name, fn);
const setOutput = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
const getIDToken = (audience) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience);
/** Appends Markdown to the job summary; false when the runner gave no summary file. */
async function appendSummary(markdown) {
    // core.summary.write() throws without the variable: outside a runner (local runs) that is no error.
    if (!process.env[SUMMARY_ENV])
        return false;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
    return true;
}
const SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';


/***/ }),

/***/ 342:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9607);
/* harmony import */ var _github_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6174);
/* harmony import */ var _github_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3581);
// The action adapter: read the event and the inputs, say what will happen, then load and run the phases.
// src/index.ts has printed the first log line (with the version) before this module loads.



async function run() {
    const ctx = (0,_github_event_js__WEBPACK_IMPORTED_MODULE_0__/* .readGithubContext */ .zD)();
    let inputs;
    try {
        inputs = (0,_github_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .Ko)(ctx);
    }
    catch (err) {
        const message = err instanceof _github_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz
            ? err.message
            : `smp-action failed: ${err instanceof Error ? err.message : String(err)}`;
        await _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.appendSummary(`> [!CAUTION]\n> **Invalid input**: ${message.replace(/[<>&]/g, ' ')}\n`);
        _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.setFailed(message);
        return;
    }
    _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.info(`mode ${inputs.mode} (${inputs.modeReason})`);
    const { runAction } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(384)]).then(__webpack_require__.bind(__webpack_require__, 1384));
    await runAction(inputs, ctx);
}


/***/ })

};
