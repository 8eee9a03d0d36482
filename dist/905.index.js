export const id = 905;
export const ids = [905,173];
export const modules = {

/***/ 4905:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9607);
/* harmony import */ var _github_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6174);
/* harmony import */ var _github_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1173);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2527);
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
        await _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.appendSummary(`> [!CAUTION]\n> **Invalid input**: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .mdText */ .bC)(message)}\n`);
        _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.setFailed(message);
        return;
    }
    _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.info(`mode ${inputs.mode} (${inputs.modeReason})`);
    if (ctx.payloadProblem)
        _github_runner_js__WEBPACK_IMPORTED_MODULE_2__.warning(ctx.payloadProblem, { title: 'smp: event payload' });
    const { runAction } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(747)]).then(__webpack_require__.bind(__webpack_require__, 2747));
    await runAction(inputs, ctx);
}


/***/ }),

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
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./lib/config/glob.js
// Config globs with Python-glob semantics (the old framework used glob.glob(..., recursive=True)): `*`, `?`,
// `[abc]`, `[!abc]` within one path segment, `**` as a whole segment for zero or more folders, and `{a,b}`
// alternatives; wildcards never match a leading dot; `(`, `|`, `+`, `@`, `!` are literal characters.
//
// Matching is per path segment, with picomatch matching a name against one segment's pattern, and the folder
// walk advancing a set of segment positions (an NFA), so time grows linearly with the depth and number of
// paths, never exponentially (several `**` against a deep tree used to backtrack for hours). Within a segment,
// names are at most 255 bytes and a segment may hold at most MAX_STARS `*`, which bounds picomatch's work.

/** `*` per path segment: more would let picomatch's backtracking grow as name length ^ stars. */
const MAX_STARS = 3;
/** Alternatives a glob's `{…}` groups may expand to. */
const MAX_EXPANSIONS = 256;
class GlobError extends Error {
    name = 'GlobError';
}
/** One compiled glob per `{…}` alternative, each a list of segments. Throws GlobError when too complex. */
function compileGlob(glob) {
    return expandBraces(glob).map((alt) => alt.split('/').map((seg) => {
        if (seg === '**')
            return { globstar: true };
        if ((seg.match(/\*+/g) ?? []).length > MAX_STARS)
            throw new GlobError(`the path segment \`${seg}\` has more than ${MAX_STARS} \`*\`; use fewer wildcards`);
        if (!hasMagic(seg))
            return { globstar: false, test: (name) => name === seg };
        const isMatch = picomatch(toPicomatch(seg), {
            dot: false,
            nonegate: true,
            noextglob: true,
            nobrace: true,
        });
        return { globstar: false, test: (name) => isMatch(name) };
    }));
}
/** One segment in picomatch's syntax: Python's `[!…]` is `[^…]`, and regex/extglob characters are literal. */
function toPicomatch(seg) {
    let out = '';
    for (let i = 0; i < seg.length; i++) {
        const c = seg[i];
        if (c === '[') {
            const end = seg.indexOf(']', i + 2);
            if (end !== -1) {
                let body = seg.slice(i + 1, end);
                const negate = body.startsWith('!') || body.startsWith('^');
                if (negate)
                    body = body.slice(1);
                out += `[${negate ? '^' : ''}${body.replace(/\\/g, '\\\\')}]`;
                i = end;
                continue;
            }
            out += '\\[';
        }
        else if (c === '*' || c === '?')
            out += c;
        else if (/[\\()|+@!$^.{},\]]/.test(c))
            out += `\\${c}`;
        else
            out += c;
    }
    return out;
}
/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; an unclosed `{` is literal. */
function expandBraces(glob) {
    const open = glob.indexOf('{');
    if (open === -1)
        return [glob];
    let depth = 0;
    const commas = [];
    let close = -1;
    for (let i = open; i < glob.length; i++) {
        const c = glob[i];
        if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0) {
            close = i;
            break;
        }
        else if (c === ',' && depth === 1)
            commas.push(i);
    }
    if (close === -1)
        return [glob];
    const head = glob.slice(0, open);
    const tails = expandBraces(glob.slice(close + 1));
    const bounds = [open, ...commas, close];
    const out = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
        for (const alt of expandBraces(glob.slice(bounds[k] + 1, bounds[k + 1]))) {
            for (const tail of tails) {
                out.push(`${head}${alt}${tail}`);
                if (out.length > MAX_EXPANSIONS)
                    throw new GlobError(`its \`{…}\` alternatives expand to more than ${MAX_EXPANSIONS} globs`);
            }
        }
    }
    return out;
}
/** Positions reachable after `**` segments at `states` (a `**` also matches zero folders). */
function closure(segments, states) {
    const out = new Set();
    const todo = [...states];
    while (todo.length > 0) {
        const s = todo.pop();
        if (out.has(s))
            continue;
        out.add(s);
        if (segments[s]?.globstar)
            todo.push(s + 1);
    }
    return out;
}
/** Positions after consuming one path segment `name`; a `**` matches any name not starting with a dot. */
function step(segments, states, name) {
    const next = [];
    for (const s of states) {
        const seg = segments[s];
        if (!seg)
            continue;
        if (seg.globstar) {
            if (!name.startsWith('.'))
                next.push(s);
        }
        else if (seg.test(name))
            next.push(s + 1);
    }
    return closure(segments, next);
}
/** Whether a path ends at an accepting position (a final `**` already accepts through closure). */
function accepts(segments, states) {
    return states.has(segments.length);
}
/** Whether a workspace-relative POSIX path matches one of the compiled alternatives. */
function matches(compiled, file) {
    const names = file.split('/');
    return compiled.some((segments) => {
        let states = closure(segments, [0]);
        for (const name of names) {
            states = step(segments, states, name);
            if (states.size === 0)
                return false;
        }
        return accepts(segments, states);
    });
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
// EXTERNAL MODULE: ./lib/config/visible.js
var visible = __webpack_require__(8828);
;// CONCATENATED MODULE: ./lib/config/find.js
// Find config files: globs relative to the workspace root, never outside it.





/** Folders never searched: dependencies and VCS data are never model configs. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Globs one per line or comma-separated; a comma inside `{a,b}` belongs to the glob. */
function splitGlobs(raw) {
    if (!raw)
        return [];
    const out = [];
    let depth = 0;
    let current = '';
    for (const c of raw) {
        if (c === '{')
            depth++;
        else if (c === '}' && depth > 0)
            depth--;
        if (c === '\n' || c === '\r' || (c === ',' && depth === 0)) {
            out.push(current);
            current = '';
            depth = 0;
        }
        else
            current += c;
    }
    out.push(current);
    return out.map((g) => g.trim()).filter((g) => g !== '' && !g.startsWith('#'));
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
        const matches = matchGlob(normalized, workspace, glob, bag);
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
function matchGlob(glob, workspace, written, bag) {
    if (!hasMagic(glob)) {
        const abs = external_node_path_.join(workspace, glob);
        // One spelling per file (`conf//c.yaml` is `conf/c.yaml`), so two globs cannot load it twice.
        if (!(0,paths/* isFile */.fo)(abs))
            return [];
        if (insideWorkspace(abs, workspace))
            return [external_node_path_.posix.normalize(glob)];
        refuseOutside(external_node_path_.posix.normalize(glob), abs, bag);
        return [];
    }
    let compiled;
    try {
        compiled = compileGlob(glob);
    }
    catch (err) {
        if (!(err instanceof GlobError))
            throw err;
        bag.error('bad-glob', null, 'config', `config glob \`${(0,visible/* shown */.SP)(written)}\`: ${err.message}`);
        return [];
    }
    const out = new Set();
    for (const segments of compiled)
        walk(workspace, segments, out, bag);
    return [...out].sort();
}
/**
 * Every file below `workspace` that `segments` match, folder by folder with the set of segment positions
 * still possible (folders no position can continue in are never read). Iterative: depth costs no stack.
 */
function walk(workspace, segments, out, bag) {
    const todo = [{ rel: '', states: closure(segments, [0]) }];
    // A folder reached again (through symlinks) in the same positions has nothing new to give.
    const seen = new Set();
    while (todo.length > 0) {
        const { rel, states } = todo.pop();
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(external_node_path_.join(workspace, rel));
        }
        catch {
            continue;
        }
        for (const name of names) {
            if (SKIPPED_DIRS.has(name))
                continue;
            const next = step(segments, states, name);
            if (next.size === 0)
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
                if (!insideWorkspace(abs, workspace) || isSymlinkLoop(abs, workspace))
                    continue;
                const key = `${(0,external_node_fs_.realpathSync)(abs)}\0${[...next].sort().join(',')}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                todo.push({ rel: childRel, states: next });
            }
            else if (st.isFile() && accepts(segments, next)) {
                if (insideWorkspace(abs, workspace))
                    out.add(childRel);
                else
                    refuseOutside(childRel, abs, bag);
            }
        }
    }
}
/** A matched config that is a symlink to outside the workspace: refused by name, never read. */
function refuseOutside(rel, abs, bag) {
    let real = abs;
    try {
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch {
        // dangling: the message still names the link
    }
    bag.error('config-outside-workspace', null, 'config', `config file ${(0,visible/* shown */.SP)(rel)} is a symlink to ${(0,visible/* shown */.SP)(real, 200)}, outside the workspace; it is not read (configs must be files of the checkout)`);
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
/* harmony export */   EY: () => (/* binding */ symlinkOnPath),
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
        if (dir.kind === 'inside' && isFile(dir.real)) {
            bag.error('source-directory-is-file', model.sourceDirectoryLoc, p, `${p}: \`${model.sourceDirectory}\` is a file, not a folder; source_directory is the folder that holds the model's scripts`);
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
            // The bundler ships source_directory only: an entry point leaving it is refused the same way here.
            if (section.entryPoint.startsWith('/') || section.entryPoint.split(/[\\/]/).includes('..')) {
                bag.error('entry-point-outside-source', section.entryPointLoc ?? section.loc, ep, `${ep}: \`${section.entryPoint}\` must be a file path relative to source_directory, without .. segments (only source_directory is shipped)`);
                continue;
            }
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
        // Missing: but an existing parent may be a symlink out of the workspace (`code` → /etc for `code/sub`).
        for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(joined); isWithin(root, dir) && dir !== root; dir = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir)) {
            let parent;
            try {
                parent = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
            }
            catch {
                continue;
            }
            return isWithin(root, parent)
                ? { kind: 'missing', real: joined }
                : { kind: 'outside', real: node_path__WEBPACK_IMPORTED_MODULE_1__.join(parent, node_path__WEBPACK_IMPORTED_MODULE_1__.relative(dir, joined)) };
        }
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
/**
 * The first existing component of `rel` (below `root`) that is a symlink, as a root-relative POSIX path, or
 * undefined. Folders that are deleted or written into must be real folders: a symlink could point anywhere.
 */
function symlinkOnPath(root, rel) {
    const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    for (let i = 1; i <= parts.length; i++) {
        const sub = parts.slice(0, i).join('/');
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, sub));
        }
        catch {
            return undefined; // the rest does not exist yet
        }
        if (st.isSymbolicLink())
            return sub;
    }
    return undefined;
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

/***/ 8828:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   wy: () => (/* binding */ hasInvisible)
/* harmony export */ });
/* unused harmony export MAX_SHOWN */
// Text we did not write, made safe to show in a message: invisible and control characters become visible
// escapes (`\u200b`, `\x1b`, `\n`), and long values are cut with their length. Pure; used by every renderer.
/**
 * C0/C1 controls, DEL, and the invisible format characters that can hide or reorder text: soft hyphen,
 * Arabic letter mark, Mongolian vowel separator, zero-width and bidi marks, line/paragraph separators,
 * bidi embeddings/overrides/isolates, word joiners and invisible operators, the BOM, interlinear annotations.
 */
const INVISIBLE = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Whether `s` holds a character that `visible` would rewrite. */
function hasInvisible(s) {
    INVISIBLE.lastIndex = 0;
    return INVISIBLE.test(s);
}
/** Every invisible or control character as an escape: `\x1b`, `\u200b`, `\n`. */
function visible(s) {
    return s.replace(INVISIBLE, (c) => {
        const named = NAMED[c];
        if (named)
            return named;
        const code = c.charCodeAt(0);
        return code < 0x100
            ? `\\x${code.toString(16).padStart(2, '0')}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/** Longest value shown in a message before it is cut. */
const MAX_SHOWN = 120;
/** A value for a message: visible, and cut to `max` characters with its full length said. */
function shown(s, max = MAX_SHOWN) {
    const v = visible(s);
    if (v.length <= max)
        return v;
    // Never cut a surrogate pair in half.
    let cut = v.slice(0, max);
    if (/[\ud800-\udbff]$/.test(cut))
        cut = cut.slice(0, -1);
    return `${cut}… (${s.length} characters)`;
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

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
/**
 * The payload's fields we use, type-checked: anything of the wrong type counts as absent, so a hostile or
 * broken payload degrades to "no pull request" instead of crashing.
 */
function readPayload(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return { payload: {} };
    let data;
    try {
        data = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        const why = err instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
        return { payload: {}, problem: `the event payload ${file} ${why}` };
    }
    if (!isObject(data))
        return { payload: {}, problem: `the event payload ${file} is not a JSON object` };
    const payload = {};
    const repo = data.repository;
    if (isObject(repo) && str(repo.default_branch))
        payload.repository = { default_branch: str(repo.default_branch) };
    const pr = data.pull_request;
    if (pr === undefined)
        return { payload };
    const number = isObject(pr) ? pr.number : undefined;
    if (!isObject(pr) || typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
        return { payload, problem: `the event payload ${file} has a pull_request without a valid number` };
    const head = isObject(pr.head) ? pr.head : {};
    const base = isObject(pr.base) ? pr.base : {};
    const sha = str(head.sha);
    payload.pull_request = {
        number,
        html_url: str(pr.html_url),
        head: {
            sha: sha && /^[0-9A-Za-z]{1,64}$/.test(sha) ? sha : undefined,
            repo: isObject(head.repo) ? { full_name: str(head.repo.full_name) } : null,
        },
        base: { repo: isObject(base.repo) ? { full_name: str(base.repo.full_name) } : {} },
    };
    return { payload };
}
function readGithubContext(env = process.env) {
    const { payload, problem } = readPayload(env);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const pr = payload.pull_request;
    const defaultBranch = payload.repository?.default_branch;
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const headRepo = pr?.head?.repo?.full_name;
    const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
    const missingPr = !problem && eventName.startsWith('pull_request') && !pr && env.GITHUB_EVENT_PATH
        ? `the ${eventName} event payload has no pull_request`
        : undefined;
    const payloadProblem = problem ?? missingPr;
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
        ...(payloadProblem ? { payloadProblem: `${payloadProblem}: planning without it (no PR comment)` } : {}),
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
/* unused harmony exports isValidRef, parseRepositories, defaultMode */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1173);
/* harmony import */ var _config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3669);
/* harmony import */ var _config_find_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7914);
/* harmony import */ var _config_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6446);
/* harmony import */ var _config_visible_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8828);
// The only reader of action inputs: one typed ActionInputs, with the defaults in one place.







class InputError extends Error {
    name = 'InputError';
}
const MODES = ['plan', 'deploy', 'run'];
function bool(name, fallback) {
    const raw = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput(name).trim();
    if (raw === '')
        return fallback;
    if (/^(true|yes|on)$/i.test(raw))
        return true;
    if (/^(false|no|off)$/i.test(raw))
        return false;
    throw new InputError(`input \`${name}\` must be true or false (got \`${raw}\`)`);
}
function num(name, fallback, min, max) {
    const raw = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput(name).trim();
    if (raw === '')
        return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new InputError(`input \`${name}\` must be a number from ${min} to ${max} (got \`${raw}\`)`);
    return n;
}
/** A GitHub user or organisation name: letters, digits and single inner hyphens, at most 39. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A GitHub repository name: letters, digits, `.`, `-`, `_`, at most 100, never `.` or `..`. */
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
/**
 * Whether `ref` is a valid git ref name (git check-ref-format rules) that git cannot read as an option: no
 * leading `-`, no `..`, `@{`, `//`, control characters, spaces or `~^:?*[\`, no component starting with `.` or
 * ending with `.lock`, not ending with `/` or `.`, and not `@`.
 */
function isValidRef(ref) {
    return (ref !== '@' &&
        ref.length <= 255 &&
        !ref.startsWith('-') &&
        // eslint-disable-next-line no-control-regex
        !/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|\/$|\.$/.test(ref) &&
        ref.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock')));
}
/** `owner/repo[@ref][:path]` lines. */
function parseRepositories(raw) {
    return raw
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((spec) => {
        const bad = (why) => new InputError(`input \`model-repositories\`: \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(spec)}\` ${why}`);
        const m = /^([^/@:\s]+)\/([^/@:\s]+)(?:@([^:\s]+))?(?::(.+))?$/.exec(spec);
        if (!m)
            throw bad('is not `owner/repo[@ref][:path]`');
        const [, owner = '', repo = '', ref, dest] = m;
        if (!OWNER.test(owner))
            throw bad(`names the owner \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(owner)}\`, which is not a GitHub user or organisation name (letters, digits and inner hyphens)`);
        if (!REPO.test(repo))
            throw bad(`names the repository \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(repo)}\`, which is not a GitHub repository name (letters, digits, ., - and _; not . or ..)`);
        if (ref !== undefined && !isValidRef(ref))
            throw bad(`names the ref \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(ref)}\`, which is not a valid git ref name (a branch, tag or commit sha; never starting with -)`);
        const where = (dest ?? `.smp/repos/${owner}/${repo}`).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
        const segments = where.split('/');
        // The folder is emptied before cloning: never the workspace itself, a .git folder, or a path leaving it.
        if (where === '' ||
            where === '.' ||
            node_path__WEBPACK_IMPORTED_MODULE_1__.posix.isAbsolute(where) ||
            /^[A-Za-z]:/.test(where) ||
            (0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .hasInvisible */ .wy)(where) ||
            segments.includes('..') ||
            segments.some((seg) => seg.toLowerCase() === '.git')) {
            throw bad('needs a path that is a new folder inside the workspace (not `.` or .git, and no `..`)');
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
    const workingDirectory = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('working-directory').trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(repoRoot, workingDirectory || '.');
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(repoRoot);
    if (!(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isWithin */ .UO)(root, workspace)) {
        throw new InputError(`input working-directory \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(workingDirectory)}\` is outside the repository checkout ${repoRoot}`);
    }
    // Symlinks resolved: a committed link must not move the workspace out of the checkout.
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(root) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(workspace) && !(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isWithin */ .UO)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace))) {
        const link = (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .symlinkOnPath */ .EY)(root, node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, workspace)) ?? workingDirectory;
        throw new InputError(`input working-directory \`${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(workingDirectory)}\`: ${(0,_config_visible_js__WEBPACK_IMPORTED_MODULE_5__/* .shown */ .SP)(link)} is a symlink to ${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, link))}, outside the repository checkout ${repoRoot}`);
    }
    const globs = (0,_config_find_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(_runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('config'));
    const config = globs.length > 0 ? globs : (0,_config_find_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(env.SMP_MODEL_CONFIGPATH);
    if (config.length === 0) {
        throw new InputError('input `config` is empty and SMP_MODEL_CONFIGPATH is not set: give the model config globs, e.g. `config: "*/conf/conf.yaml"`');
    }
    const rawMode = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('mode').trim().toLowerCase();
    const auto = defaultMode(ctx);
    if (rawMode !== '' && !MODES.includes(rawMode))
        throw new InputError(`input \`mode\` must be plan, deploy or run (got \`${rawMode}\`)`);
    const roleToAssume = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('role-to-assume').trim() || undefined;
    if (roleToAssume && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleToAssume)) {
        throw new InputError(`input \`role-to-assume\` must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \`${roleToAssume}\``);
    }
    const parallel = _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('max-parallel-steps').trim();
    const params = (0,_config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_6__/* .parseParameterText */ .yo)(_runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('parameters'));
    if (params.errors.length > 0)
        throw new InputError(`input \`parameters\`: ${params.errors.join('; ')} (one Name=Value per line, or a JSON object)`);
    return {
        mode: (rawMode || auto.mode),
        modeReason: rawMode ? 'set by the `mode` input' : auto.reason,
        config,
        workspace,
        workingDirectory: node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, workspace).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'),
        overrides: {
            s3Bucket: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('s3-bucket'),
            executionRoleArn: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('execution-role-arn'),
            awsRegion: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('aws-region'),
            subnets: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('subnets'),
            securityGroups: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('security-groups'),
            kmsKeyId: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('kms-key-id'),
        },
        roleToAssume,
        audience: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('audience').trim() || 'sts.amazonaws.com',
        roleDurationSeconds: num('role-duration-seconds', 3600, 900, 43_200),
        wait: bool('wait', false),
        waitTimeoutMinutes: num('wait-timeout-minutes', 120, 1, 7 * 24 * 60),
        pollIntervalSeconds: num('poll-interval-seconds', 30, 5, 3600),
        stopOnCancel: bool('stop-on-cancel', true),
        comment: bool('comment', true),
        githubToken: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('github-token').trim(),
        modelRepositories: parseRepositories(_runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('model-repositories')),
        requireApprovedPlan: bool('require-approved-plan', false),
        strict: bool('strict', false),
        description: _runner_js__WEBPACK_IMPORTED_MODULE_2__.getInput('description').trim() || undefined,
        maxParallelSteps: parallel === '' ? undefined : num('max-parallel-steps', 1, 1, 1000),
        parameters: params.values,
    };
}


/***/ }),

/***/ 1173:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  appendSummary: () => (/* binding */ appendSummary),
  debug: () => (/* binding */ debug),
  error: () => (/* binding */ error),
  getIDToken: () => (/* binding */ getIDToken),
  getInput: () => (/* binding */ getInput),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  notice: () => (/* binding */ notice),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  warning: () => (/* binding */ warning)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./lib/config/visible.js
var visible = __webpack_require__(8828);
;// CONCATENATED MODULE: ./lib/report/log-text.js
// Text for the runner's log (stdout), where a line can be a workflow command. Pure: runner.ts calls these for
// every line it prints, so no config value, file name or AWS message can issue `::add-mask::`,
// `::stop-commands::`, `::error file=…` or the older `##[command]` form, and no terminal escape reaches the log.

/**
 * The runner reads a line as a command when, trimmed, it starts with `::` (v2), or when it holds `##[` anywhere
 * (v1). Such a line has its `::` / `##[` percent-encoded: visible, and never a command.
 */
function defuseCommandLine(line) {
    const lead = /^\s*::/.exec(line);
    const out = lead ? `${lead[0].slice(0, -2)}%3A%3A${line.slice(lead[0].length)}` : line;
    return out.replace(/##\[/g, '##%5B');
}
/** One log line per line of `message`; control and invisible characters visible, none a command. */
function logLines(message) {
    return message.split(/\r?\n|\r/).map((l) => defuseCommandLine((0,visible/* visible */.RK)(l)));
}
/**
 * The message of a command we issue (annotation, group title, debug): line breaks stay line breaks (the runner
 * library escapes them as `%0A`, `%`, CR and LF included), and within each line control and invisible
 * characters are shown spelled out.
 */
function visibleLines(message) {
    return message
        .split(/\r?\n|\r/)
        .map((l) => (0,visible/* visible */.RK)(l))
        .join('\n');
}

;// CONCATENATED MODULE: ./lib/github/runner.js
// The runner protocol is @actions/core's: inputs, workflow commands (annotations, groups, masks), file commands
// (outputs) and the job summary all go through it, so its escaping and its file formats are the runner's own.
// This module only narrows it to what the action uses, so call sites import one place. It is loaded after the
// action's first log line (src/index.ts): @actions/core pulls in its HTTP client (undici) for the OIDC token,
// which costs more start-up time than the rest of the entry (bench/cold-start.mjs).


const getInput = (name) => core/* getInput */.V4(name);
// Text we print (log-text.ts): no log line can be read as a workflow command, and control characters in
// command messages are shown spelled out; @actions/core then escapes `%`, CR and LF as the runner expects.
const info = (message) => core/* info */.pq(logLines(message).join('\n'));
const debug = (message) => core/* debug */.Yz(visibleLines(message));
const error = (message, p) => core/* error */.z3(visibleLines(message), p);
const warning = (message, p) => core/* warning */.$e(visibleLines(message), p);
const notice = (message, p) => core/* notice */.lm(visibleLines(message), p);
const setFailed = (message) => core/* setFailed */.C1(visibleLines(message));
const setSecret = (secret) => core/* setSecret */.Pq(secret);
const group = (name, fn) => core/* group */.Os(visibleLines(name), fn);
const setOutput = (name, value) => core/* setOutput */.uH(name, value);
const getIDToken = (audience) => core/* getIDToken */.V9(audience);
/** Appends Markdown to the job summary; false when the runner gave no summary file. */
async function appendSummary(markdown) {
    // core.summary.write() throws without the variable: outside a runner (local runs) that is no error.
    if (!process.env[SUMMARY_ENV])
        return false;
    await core/* summary */.z.addRaw(markdown, true).write();
    return true;
}
const SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';


/***/ }),

/***/ 2527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ mdFence),
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* harmony import */ var _config_visible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8828);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3086);
// Escaping for text we did not write (step names, config values) in GitHub-flavoured Markdown.


/** U+2060 WORD JOINER: invisible, breaks GitHub's @-mention and bare-URL autolink patterns. */
const JOIN = '\u2060';
/**
 * Text we did not write, before any Markdown escaping: newlines become spaces, invisible and control
 * characters visible escapes (`\u202e`, `\x1b`), comment delimiters and our marker are defused.
 */
function plain(s) {
    return (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .defuseComments */ .hE)((0,_config_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(s.replace(/\r?\n|\r/g, ' ')));
}
/** Plain text in a paragraph or table cell: no HTML, no emphasis, no links, no table breaks. */
function mdText(s) {
    return (plain(s)
        .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // A word joiner after `@` keeps config text from @-mentioning people or teams (GitHub decodes
        // entities before it looks for mentions); one inside `://` and `www.` stops bare-URL autolinks.
        .replace(/@/g, `&#64;${JOIN}`)
        .replace(/:\/\//g, `:${JOIN}//`)
        .replace(/(?<![A-Za-z0-9])(www)\./gi, `$1${JOIN}.`)
        // At the start of a line (a blockquote line of a failure), `- x` and `1. x` would start a list.
        .replace(/^(\s*)-/, '$1\\-')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'));
}
/** Inline code that survives any backticks in `s`; in a table cell (the default) `|` is escaped. */
function mdCode(s, inTable = true) {
    const text = plain(s);
    const longest = longestRun(text, 0);
    const fence = '`'.repeat(longest + 1);
    // A code span drops one space at each end when both are there: pad then too, so the value shows as is.
    const pad = text.startsWith('`') || text.endsWith('`') || text === '' || (text.startsWith(' ') && text.endsWith(' '))
        ? ' '
        : '';
    return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}
/**
 * A fenced block whose fence is longer than any backtick run inside. `trusted` content (our own Mermaid, whose
 * labels are entity-encoded) keeps its `-->` arrows; anything else has comment delimiters defused.
 */
function mdFence(body, info = '', trusted = false) {
    const text = trusted ? body : (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .defuseComments */ .hE)(body.split('\n').map(_config_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK).join('\n'));
    const longest = longestRun(text, 2);
    const fence = '`'.repeat(longest + 1);
    return `${fence}${info}\n${text.replace(/\n?$/, '\n')}${fence}`;
}
/** Text inside an HTML element (e.g. <summary>): entities only. */
function htmlText(s) {
    return plain(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** The longest run of backticks in `s` (at least `min`); a loop, not a spread, for huge values. */
function longestRun(s, min) {
    let longest = min;
    for (const m of s.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    return longest;
}


/***/ }),

/***/ 3086:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ renderMarker),
/* harmony export */   gY: () => (/* binding */ parseMarker),
/* harmony export */   hE: () => (/* binding */ defuseComments)
/* harmony export */ });
// The hidden first line of our PR comment: identifies the comment and the plan it shows. Versioned, one line,
// and render/parse are exact inverses (parseMarker(renderMarker(m)) deep-equals m).
const PREFIX = '<!-- smp-action:plan v1 ';
const SUFFIX = ' -->';
const LINE = /^<!-- smp-action:plan v1 (\{[^\n]*\}) -->$/;
/** JSON with `<`, `>`, `-` and `&` escaped, so no value can end the comment or start another one. */
function safeJson(v) {
    return JSON.stringify(v).replace(/[<>&-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function renderMarker(m) {
    return `${PREFIX}${safeJson({ pipeline: m.pipeline, planHash: m.planHash })}${SUFFIX}`;
}
/** The marker of a comment body (its first line), or undefined when the body is not one of ours. */
function parseMarker(body) {
    const first = body.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
    const m = LINE.exec(first);
    if (!m?.[1])
        return undefined;
    let data;
    try {
        data = JSON.parse(m[1]);
    }
    catch {
        return undefined;
    }
    if (typeof data !== 'object' || data === null)
        return undefined;
    const { pipeline, planHash } = data;
    if (typeof pipeline !== 'string' || typeof planHash !== 'string')
        return undefined;
    return { pipeline, planHash };
}
/** Neutralises marker-like text in content we did not write (zero-width space inside `<!--` and `-->`). */
function defuseComments(s) {
    return s
        .replace(/<!--/g, '<!\u200b--')
        .replace(/-->/g, '-\u200b->')
        .replace(/smp-action:plan/g, 'smp-action\u200b:plan');
}


/***/ })

};
