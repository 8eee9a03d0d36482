export const id = 173;
export const ids = [173];
export const modules = {

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


/***/ })

};
