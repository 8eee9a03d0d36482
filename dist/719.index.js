export const id = 719;
export const ids = [719];
export const modules = {

/***/ 6719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CredentialsError: () => (/* binding */ CredentialsError),
/* harmony export */   DEFAULT_DEADLINE_MS: () => (/* binding */ DEFAULT_DEADLINE_MS),
/* harmony export */   assumeRoleWithOidc: () => (/* binding */ assumeRoleWithOidc),
/* harmony export */   denialHelp: () => (/* binding */ denialHelp),
/* harmony export */   refreshingOidcCredentials: () => (/* binding */ refreshingOidcCredentials),
/* harmony export */   sessionName: () => (/* binding */ sessionName),
/* harmony export */   tokenClaims: () => (/* binding */ tokenClaims)
/* harmony export */ });
/** A configuration or trust mistake; retrying cannot help. The message says what to change. */
class CredentialsError extends Error {
    name = 'CredentialsError';
}
const DEFAULT_DEADLINE_MS = 60_000;
/** One token request may not eat the whole exchange's budget. */
const ID_TOKEN_TIMEOUT_MS = 20_000;
function withTimeout(p, ms, message) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
const MAX_BACKOFF_MS = 10_000;
/** `smp-<run_id>-<attempt>`, reduced to the characters and length STS accepts. */
function sessionName(runId, attempt) {
    const raw = ['smp', runId ?? 'local', attempt ?? '1'].join('-');
    return raw.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
/** Claims worth showing (never the signature); undefined when the token is not a JWT. */
function tokenClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
const SHOWN_CLAIMS = ['sub', 'aud', 'repository', 'ref', 'environment', 'job_workflow_ref'];
/** The message for a denied exchange: the claims to compare with the trust policy, and a condition to paste. */
function denialHelp(roleArn, token, detail) {
    const claims = tokenClaims(token) ?? {};
    const lines = [
        `AssumeRoleWithWebIdentity for ${roleArn} was denied: ${detail}`,
        'The GitHub OIDC token carried:',
    ];
    for (const c of SHOWN_CLAIMS)
        if (claims[c] !== undefined)
            lines.push(`  ${c}: ${String(claims[c])}`);
    const issuer = typeof claims.iss === 'string'
        ? claims.iss.replace(/^https:\/\//, '').replace(/\/$/, '')
        : 'token.actions.githubusercontent.com';
    const condition = {
        StringEquals: { [`${issuer}:aud`]: claims.aud ?? '<audience>' },
        StringLike: { [`${issuer}:sub`]: claims.sub ?? '<sub>' },
    };
    lines.push(`The role's trust policy must allow this token. Check its Principal (Federated: arn:aws:iam::<account>:oidc-provider/${issuer}) and that its Condition matches, e.g.:`, JSON.stringify({ Condition: condition }, null, 2));
    return lines.join('\n');
}
function classify(err, opts, token) {
    const e = err;
    // The SDK names modelled STS errors with an Exception suffix (InvalidIdentityTokenException), others bare.
    const name = (e.name ?? e.code ?? '').replace(/Exception$/, '');
    const message = e.message ?? String(err);
    if (name === 'AccessDenied' || /not authorized/i.test(message)) {
        return { kind: 'fatal', message: denialHelp(opts.roleArn, token, message) };
    }
    if (name === 'InvalidIdentityToken' && /verification key/i.test(message))
        return { kind: 'transient', why: message };
    if (name === 'InvalidIdentityToken' || name === 'IDPRejectedClaim') {
        return {
            kind: 'fatal',
            message: `${denialHelp(opts.roleArn, token, message)}\n(audience requested: ${opts.audience}; set the \`audience\` input if the provider expects another)`,
        };
    }
    if (name === 'ValidationError' && /DurationSeconds/i.test(message)) {
        return {
            kind: 'fatal',
            message: `role-duration-seconds ${opts.durationSeconds} is not accepted: ${message} (the role's MaxSessionDuration caps it)`,
        };
    }
    if (name === 'IDPCommunicationError' ||
        name === 'ExpiredToken' ||
        /throttl/i.test(name) ||
        name === 'RequestLimitExceeded') {
        return { kind: 'transient', why: `${name}: ${message}` };
    }
    if ((e.$metadata?.httpStatusCode ?? 0) >= 500)
        return { kind: 'transient', why: `HTTP ${e.$metadata?.httpStatusCode}: ${message}` };
    if (/ENOTFOUND|getaddrinfo/.test(message)) {
        return { kind: 'fatal', message: `cannot reach STS (${message}): check the aws-region input` };
    }
    if (/ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up|TimeoutError/i.test(`${name} ${message} ${e.code ?? ''}`)) {
        return { kind: 'transient', why: message };
    }
    return { kind: 'fatal', message: `AssumeRoleWithWebIdentity failed: ${name ? `${name}: ` : ''}${message}` };
}
/** A failure to get the GitHub OIDC token itself: the token service's 5xx and network errors are transient. */
function classifyTokenError(err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/\b5\d\d\b|ECONNRESET|ETIMEDOUT|ECONNREFUSED|socket hang up|timeout/i.test(message)) {
        return { kind: 'transient', why: `GitHub OIDC token: ${message}` };
    }
    return {
        kind: 'fatal',
        message: `could not get a GitHub OIDC token: ${message} (the job needs permissions: id-token: write)`,
    };
}
/** One OIDC exchange with retries of transient failures only. */
async function assumeRoleWithOidc(opts) {
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const random = opts.random ?? Math.random;
    const started = now();
    const deadline = started + (opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    for (let attempt = 1;; attempt++) {
        let token = '';
        try {
            // A fresh token every attempt: a token that failed verification once is not worth resending.
            token = await withTimeout(opts.getIdToken(opts.audience), ID_TOKEN_TIMEOUT_MS, 'timeout fetching the GitHub OIDC token');
            const command = new opts.assumeRoleCommand({
                RoleArn: opts.roleArn,
                RoleSessionName: opts.sessionName,
                WebIdentityToken: token,
                DurationSeconds: opts.durationSeconds,
            });
            const out = (await opts.sts.send(command));
            const c = out.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
                throw new CredentialsError('AssumeRoleWithWebIdentity returned no credentials');
            }
            opts.maskSecret?.(c.AccessKeyId);
            opts.maskSecret?.(c.SecretAccessKey);
            opts.maskSecret?.(c.SessionToken);
            opts.log?.(`Assumed ${opts.roleArn} as session ${opts.sessionName} until ${c.Expiration.toISOString()}`);
            return {
                accessKeyId: c.AccessKeyId,
                secretAccessKey: c.SecretAccessKey,
                sessionToken: c.SessionToken,
                expiration: c.Expiration,
            };
        }
        catch (err) {
            if (err instanceof CredentialsError)
                throw err;
            const verdict = token === '' ? classifyTokenError(err) : classify(err, opts, token);
            if (verdict.kind === 'fatal')
                throw new CredentialsError(verdict.message);
            const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)) * (0.5 + random() / 2);
            if (now() + backoff > deadline) {
                const seconds = Math.round((now() - started) / 1000);
                throw new CredentialsError(`AssumeRoleWithWebIdentity kept failing for ${seconds} s (${attempt} attempts); last error: ${verdict.why}`);
            }
            opts.log?.(`STS attempt ${attempt} failed (${verdict.why}); retrying in ${Math.round(backoff)} ms`);
            await sleep(backoff);
        }
    }
}
/**
 * A credentials provider that runs the OIDC exchange on first use and again `refreshBeforeMs` before the
 * session expires, so a wait longer than the role session never fails with ExpiredToken.
 */
function refreshingOidcCredentials(opts, refreshBeforeMs = 10 * 60_000) {
    const now = opts.now ?? Date.now;
    let current;
    let pending;
    let count = 0;
    const provider = async () => {
        if (current && current.expiration.getTime() - refreshBeforeMs > now())
            return current;
        pending ??= assumeRoleWithOidc(opts).then((c) => {
            count++;
            current = c;
            pending = undefined;
            return c;
        }, (err) => {
            pending = undefined;
            throw err;
        });
        return pending;
    };
    return Object.assign(provider, { exchanges: () => count });
}


/***/ })

};
