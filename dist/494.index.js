export const id = 494;
export const ids = [494];
export const modules = {

/***/ 9494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cloneRepositories: () => (/* binding */ cloneRepositories)
/* harmony export */ });
/* unused harmony exports CLONE_MARKER, CloneError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _config_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6446);
// model-repositories: shallow clones of other repositories into the workspace, before configs are globbed.
// The token travels as an HTTP header in git's environment-scoped config, never in a URL, argv or log.



/** Written into `.git` of each clone: only a folder carrying it is ours to delete and clone again. */
const CLONE_MARKER = 'smp-action-clone';
class CloneError extends Error {
    name = 'CloneError';
}
async function cloneRepositories(specs, opts) {
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${opts.token}`).toString('base64')}`;
    opts.maskSecret(header);
    opts.maskSecret(Buffer.from(`x-access-token:${opts.token}`).toString('base64'));
    const host = new URL(opts.serverUrl);
    // GIT_CONFIG_* pass the header to this git process only: nothing lands in .git/config.
    // git gets what it needs (path, home, locale, proxies, certificates), not the job's inputs or token variables.
    const keep = /^(PATH|HOME|LANG|LC_\w+|TMPDIR|USERPROFILE|SystemRoot|(HTTPS?|NO)_PROXY|(https?|no)_proxy|SSL_CERT_\w+|GIT_SSL_\w+|NODE_EXTRA_CA_CERTS)$/;
    const env = {
        ...Object.fromEntries(Object.entries(process.env).filter((e) => e[1] !== undefined && keep.test(e[0]))),
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${host.origin}/.extraheader`,
        GIT_CONFIG_VALUE_0: header,
    };
    const roots = [];
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(opts.workspace);
    for (const spec of specs) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, spec.path);
        prepareCloneFolder(root, dir, spec);
        const url = `${host.origin}/${spec.owner}/${spec.repo}.git`;
        const run = async (args) => {
            const code = await opts.exec('git', args, { cwd: dir, env });
            if (code !== 0)
                throw new CloneError(`git ${args[0] ?? ''} failed for ${spec.spec} (exit ${code}): check that the repository and ref exist and that github-token can read it`);
        };
        opts.log(`Cloning ${spec.owner}/${spec.repo}${spec.ref ? `@${spec.ref}` : ''} into ${spec.path}`);
        await run(['init', '--quiet']);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, '.git', CLONE_MARKER), `${spec.spec}\n`);
        // `--` ends the options: the remote and the ref are positional, whatever they hold.
        await run(['remote', 'add', '--', 'origin', url]);
        await run(['fetch', '--quiet', '--depth', '1', '--no-tags', '--', 'origin', spec.ref ?? 'HEAD']);
        await run(['checkout', '--quiet', '--detach', 'FETCH_HEAD']);
        roots.push(spec.path);
    }
    return roots;
}
/**
 * Empties (or creates) the clone folder, refusing anything that could reach outside the workspace or delete a
 * folder of the checkout: a symlink anywhere on the path (`.smp` itself included), a real path leaving the
 * workspace, or an existing non-empty folder that is not an earlier clone of ours (`.git/smp-action-clone`).
 */
function prepareCloneFolder(root, dir, spec) {
    const link = (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .symlinkOnPath */ .EY)(root, spec.path);
    if (link !== undefined) {
        throw new CloneError(`model-repositories: ${link} is a symlink; the clone folder ${spec.path} of ${spec.spec} must be a real folder inside the workspace (nothing is deleted or written through a symlink)`);
    }
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir)) {
        if (!(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isWithin */ .UO)(root, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir))) {
            throw new CloneError(`model-repositories: ${spec.path} resolves outside the workspace ${root}`);
        }
        const isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory();
        const ours = isDir &&
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, '.git'), { throwIfNoEntry: false })?.isDirectory() === true &&
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, '.git', CLONE_MARKER));
        if (!isDir || ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).length > 0 && !ours)) {
            throw new CloneError(`model-repositories: ${spec.path} already exists in the workspace and is not a clone made by smp-action; choose another path for ${spec.spec}`);
        }
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    // A parent created between the checks and here could only be ours; check the result once more.
    if (!(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isWithin */ .UO)(root, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir))) {
        throw new CloneError(`model-repositories: ${spec.path} resolves outside the workspace ${root}`);
    }
}


/***/ })

};
