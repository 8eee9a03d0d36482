export const id = 38;
export const ids = [38];
export const modules = {

/***/ 38:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   changedFiles: () => (/* binding */ changedFiles)
/* harmony export */ });
/* harmony import */ var _compile_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9148);
/* harmony import */ var _plan_changes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7918);
/* harmony import */ var _upload_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3608);



/**
 * Per changed code bundle, the files that differ: the planned bundle's manifest against the deployed one's
 * (uploaded next to it at deploy). Best effort: a bundle deployed before manifests, or a role that cannot
 * read it, leaves the file list out.
 */
async function changedFiles(s3, plan, view) {
    const out = new Map();
    const seen = new Set();
    for (const c of view.diff.steps.changed.flatMap((x) => x.code)) {
        if (seen.has(c.newSha))
            continue;
        seen.add(c.newSha);
        const artifact = plan.artifacts.find((a) => a.contentSha256 === c.newSha);
        const manifest = artifact && (0,_compile_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactManifest */ .si)(artifact);
        if (!artifact || !manifest)
            continue;
        const before = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_1__/* .readManifest */ .WI)(s3, artifact.bucket, artifact.key.replace(c.newSha, c.oldSha));
        if (before)
            out.set(c.newSha, (0,_plan_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestChanges */ .tA)(before, manifest));
    }
    return out;
}


/***/ }),

/***/ 3608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   s8: () => (/* binding */ uploadManifests),
/* harmony export */   xz: () => (/* binding */ uploadArtifacts)
/* harmony export */ });
/* unused harmony export PART_SIZE */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2358);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var _compile_tar_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(254);
/* harmony import */ var _compile_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9148);
// Upload content-addressed artifacts: HeadObject first, skip what is there (the key names the content).
// Only missing bundles are packed: their tar is gzip'd while it streams into S3 (multipart above one part),
// and checked against the address on the way, so memory stays flat and a changed file uploads nothing.





/** 8 MiB parts, two in flight per bundle: a bundle upload holds about 32 MiB whatever its size. */
const PART_SIZE = 8 * 2 ** 20;
const PARTS_IN_FLIGHT = 2;
/** Bundles packed at once: gzip is CPU-bound (runners have 2 cores), and this bounds the memory too. */
const PACKING_AT_ONCE = 2;
/** A log line per this many bytes sent, so a long upload shows progress. */
const PROGRESS_EVERY = 256 * 2 ** 20;
const CONTENT_TYPES = {
    '.gz': 'application/gzip',
    '.sh': 'text/x-shellscript',
    '.json': 'application/json',
};
async function uploadArtifacts(s3, artifacts, opts = {}) {
    const uploaded = [];
    const skipped = [];
    const queue = [...artifacts];
    const packing = slots(PACKING_AT_ONCE);
    const worker = async () => {
        for (let a = queue.shift(); a; a = queue.shift()) {
            if (await exists(s3, a)) {
                skipped.push({ key: a.key, bytes: a.bytes });
                opts.log?.(`  = s3://${a.bucket}/${a.key} (already there)`);
                continue;
            }
            const sent = a.source.type === 'tar.gz' ? await packing(() => put(s3, a, opts)) : await put(s3, a, opts);
            uploaded.push({ key: a.key, bytes: sent });
            opts.log?.(`  + s3://${a.bucket}/${a.key} (${sent} bytes${a.source.type === 'tar.gz' ? `, ${a.bytes} before gzip` : ''})`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, artifacts.length)) }, worker));
    const order = (x, y) => (x.key < y.key ? -1 : 1);
    return { uploaded: uploaded.sort(order), skipped: skipped.sort(order) };
}
/** Uploads one artifact; returns the number of bytes sent. */
async function put(s3, a, opts) {
    const common = {
        Bucket: a.bucket,
        Key: a.key,
        ContentType: CONTENT_TYPES[a.key.slice(a.key.lastIndexOf('.'))] ?? 'application/octet-stream',
        // Without a key the bucket's own default encryption (at least SSE-S3) applies, whatever key it names.
        ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKey } : {}),
    };
    if (a.source.type === 'bytes') {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__.PutObjectCommand({
            ...common,
            Body: a.source.bytes,
            ContentLength: a.source.bytes.length,
            // The bytes are the content: their sha256 is the address, and S3 checks it.
            ChecksumSHA256: Buffer.from(a.contentSha256, 'hex').toString('base64'),
        }));
        return a.source.bytes.length;
    }
    // The SDK checksums every request (CRC32) and S3 checks it; packStream checks the tar against the address
    // and fails before the last part, so a mismatch never completes an object.
    const packed = (0,_compile_tar_js__WEBPACK_IMPORTED_MODULE_2__/* .packStream */ .cv)(a.source.layout, { expectSha256: a.contentSha256 });
    let sent = 0;
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _enc, done) {
            sent += chunk.length;
            done(null, chunk);
        },
    });
    packed.on('error', (err) => body.destroy(err));
    packed.pipe(body);
    const upload = new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_0__/* .Upload */ ._({
        client: s3,
        params: { ...common, Body: body },
        partSize: opts.partSize ?? PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
    });
    const every = opts.progressEvery ?? PROGRESS_EVERY;
    let next = every;
    upload.on('httpUploadProgress', (p) => {
        if ((p.loaded ?? 0) < next)
            return;
        next = (Math.floor((p.loaded ?? 0) / every) + 1) * every;
        opts.log?.(`  … s3://${a.bucket}/${a.key}: ${Math.floor((p.loaded ?? 0) / 2 ** 20)} MiB sent`);
    });
    try {
        await upload.done();
    }
    catch (err) {
        packed.destroy();
        throw err;
    }
    return sent;
}
/** Runs at most `n` of the given tasks at a time. */
function slots(n) {
    let free = n;
    const waiting = [];
    return async (task) => {
        if (free === 0)
            await new Promise((resolve) => waiting.push(resolve));
        else
            free--;
        try {
            return await task();
        }
        finally {
            const wake = waiting.shift();
            if (wake)
                wake();
            else
                free++;
        }
    };
}
async function exists(s3, a) {
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__.HeadObjectCommand({ Bucket: a.bucket, Key: a.key }));
        return true;
    }
    catch (err) {
        const e = err;
        // Without s3:ListBucket a missing object answers 403, not 404: upload it either way.
        if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404 || e.$metadata?.httpStatusCode === 403)
            return false;
        throw err;
    }
}
/**
 * The file manifest of each source bundle just uploaded, as a small JSON object next to it
 * (`<bundle key>.manifest.json`), so a later plan can name the files a code change touched. Computed from the
 * same file list the bundle is packed from; a bundle that was already there keeps the manifest written with it.
 */
async function uploadManifests(s3, artifacts, uploadedKeys, opts = {}) {
    let written = 0;
    for (const a of artifacts) {
        if (!uploadedKeys.has(a.key))
            continue;
        const manifest = (0,_compile_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactManifest */ .si)(a);
        if (!manifest)
            continue;
        const key = (0,_compile_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestKey */ .Rn)(a.key);
        const body = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__.PutObjectCommand({
            Bucket: a.bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/json',
            ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKey } : {}),
        }));
        written++;
        opts.log?.(`  + s3://${a.bucket}/${key} (file manifest)`);
    }
    return written;
}
/** A deployed bundle's manifest; undefined when it has none (deployed before manifests) or it cannot be read. */
async function readManifest(s3, bucket, bundleKey) {
    try {
        const out = await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__.GetObjectCommand({ Bucket: bucket, Key: (0,_compile_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestKey */ .Rn)(bundleKey) }));
        const text = (await out.Body?.transformToString()) ?? '';
        if (text.length > 4 * 1024 * 1024)
            return undefined;
        const data = JSON.parse(text);
        if (!data || typeof data !== 'object' || Array.isArray(data))
            return undefined;
        const entries = Object.entries(data);
        if (!entries.every(([, v]) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)))
            return undefined;
        return Object.fromEntries(entries);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rn: () => (/* binding */ manifestKey),
/* harmony export */   si: () => (/* binding */ artifactManifest)
/* harmony export */ });
/* unused harmony export layoutManifest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
// A code bundle's file manifest: each file's path inside the archive and the sha256 of its content, computed
// from the same layout the bundle is packed from. Uploaded next to the bundle at deploy, so a later plan can
// say which files a code change touched; computed only when needed (a deploy that uploads the bundle, a
// plan whose diff changes it), by streaming each file, so memory stays flat.


const CHUNK = 1 << 20;
function fileSha256(absPath) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(absPath, 'r');
    try {
        const buf = Buffer.allocUnsafe(CHUNK);
        for (let n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, CHUNK, null); n > 0; n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, CHUNK, null))
            hash.update(buf.subarray(0, n));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return hash.digest('hex');
}
/** Archive path → sha256 of the file that fills it. */
function layoutManifest(layout) {
    const out = {};
    for (const e of [...layout].sort((a, b) => (a.tarPath < b.tarPath ? -1 : a.tarPath > b.tarPath ? 1 : 0))) {
        const f = e.sourceFile;
        out[e.tarPath] = f.content
            ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(f.content).digest('hex')
            : f.absPath
                ? fileSha256(f.absPath)
                : '';
    }
    return out;
}
/** The manifest of a source bundle; undefined for other artifacts. */
function artifactManifest(a) {
    return a.kind === 'source-bundle' && a.source.type === 'tar.gz'
        ? layoutManifest(a.source.layout)
        : undefined;
}
/** The S3 key of a bundle's manifest: next to it. */
function manifestKey(bundleKey) {
    return `${bundleKey}.manifest.json`;
}


/***/ })

};
