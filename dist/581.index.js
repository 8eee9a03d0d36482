export const id = 581;
export const ids = [581];
export const modules = {

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


/***/ })

};
