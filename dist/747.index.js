export const id = 747;
export const ids = [747];
export const modules = {

/***/ 2747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./lib/compile/parameters.js
var parameters = __webpack_require__(5433);
// EXTERNAL MODULE: ./lib/config/visible.js
var visible = __webpack_require__(8828);
;// CONCATENATED MODULE: ./lib/config/diagnostics.js
// Diagnostics are data: every phase collects them and the adapters (CLI, action) decide how to show them.

/** A file name from the PR is shown with its control characters visible (a newline cannot start a line). */
function formatLoc(loc) {
    return `${(0,visible/* visible */.RK)(loc.file)}:${loc.line}:${loc.col}`;
}
/** Longest message printed: a message quoting a huge value is cut, with its length. */
const MAX_MESSAGE = 2000;
/** The message as shown: one line, control characters visible, cut when huge. */
function displayMessage(message) {
    return (0,visible/* shown */.SP)(message, MAX_MESSAGE);
}
/** `file:line:col: error: message` (the form compilers use, so editors and terminals link it). */
function formatDiagnostic(d) {
    const where = d.loc ? `${formatLoc(d.loc)}: ` : '';
    return `${where}${d.severity}: ${displayMessage(d.message)}`;
}
/** Collects diagnostics in the order they are found; phases share one bag. */
class DiagnosticBag {
    #items = [];
    error(code, loc, path, message) {
        this.#items.push({ code, severity: 'error', loc, path, message });
    }
    warning(code, loc, path, message) {
        this.#items.push({ code, severity: 'warning', loc, path, message });
    }
    add(d) {
        this.#items.push(d);
    }
    get hasErrors() {
        return this.#items.some((d) => d.severity === 'error');
    }
    get errors() {
        return this.#items.filter((d) => d.severity === 'error');
    }
    get warnings() {
        return this.#items.filter((d) => d.severity === 'warning');
    }
    /** All diagnostics, sorted by file, line, column (stable for equal positions). */
    sorted() {
        return [...this.#items].sort(compareDiagnostics);
    }
}
function compareDiagnostics(a, b) {
    const fa = a.loc?.file ?? '';
    const fb = b.loc?.file ?? '';
    if (fa !== fb)
        return fa < fb ? -1 : 1;
    return (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0);
}

// EXTERNAL MODULE: ./lib/github/runner.js + 1 modules
var runner = __webpack_require__(1173);
// EXTERNAL MODULE: ./lib/plan/view.js
var plan_view = __webpack_require__(2510);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/config/types.js
var types = __webpack_require__(9271);
// EXTERNAL MODULE: ./lib/compile/bundle.js
var bundle = __webpack_require__(1505);
// EXTERNAL MODULE: ./lib/compile/defaults.js
var compile_defaults = __webpack_require__(319);
;// CONCATENATED MODULE: ./lib/compile/repack-layout.js
// Which files the repacked model's code/ folder holds (ModelRepack "True").


/**
 * The old framework's layout — the whole source_directory under code/, SAGEMAKER_PROGRAM the entry point in
 * module form (`serve.inference` for `serve/inference.py`), so `import serve.helpers` works — and beside it the
 * entry folder's files at the code root (smp's earlier layout), so a script that imports its siblings flat
 * (`import helpers`) works too. Where both would put something at one path, the source tree wins: the old
 * layout is what scripts were written for. Throws BundleError when the entry point is not among `files`.
 * The program is the entry point as a module (code.ts's moduleName), as the old framework set it.
 */
function layoutForRepack(files, entryPoint) {
    (0,bundle/* layoutForEntryPoint */.c$)(files, entryPoint); // refuses an entry point that is not among the files
    const tree = new Set(files.map((f) => f.path));
    const treeDirs = new Set(files.flatMap((f) => ancestors(f.path)));
    const fits = (p) => !tree.has(p) && !treeDirs.has(p) && !ancestors(p).some((a) => tree.has(a));
    const sub = entryPoint.includes('/') ? `${external_node_path_.posix.dirname(entryPoint)}/` : undefined;
    const lifted = sub
        ? files
            .filter((f) => f.path.startsWith(sub))
            .map((f) => ({ tarPath: f.path.slice(sub.length), sourceFile: f }))
            .filter((e) => fits(e.tarPath))
        : [];
    return (0,bundle/* sortByPath */.$y)([...(0,bundle/* wholeTree */.Ih)(files), ...lifted].map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
}
function ancestors(p) {
    const parts = p.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

// EXTERNAL MODULE: ./lib/compile/tar.js
var tar = __webpack_require__(254);
;// CONCATENATED MODULE: ./lib/compile/code.js
// Code delivery: content-addressed bundles and launcher scripts under s3://<bucket>/<pipeline>/code/<sha256>/.
// The same inputs give the same bytes, so keys only change when code changes.






class CodeArtifacts {
    config;
    bucket;
    pipeline;
    #artifacts = new Map();
    /** Listings by source folder: every layout and every model that ships the folder shares one walk. */
    #files = new Map();
    /** Bundles by folder and layout: hashed once per run, whichever steps (or models) ship them. */
    #packed = new Map();
    /** Small files read for one layout serve the others without a second read. */
    #cache = new tar/* ReadCache */.VW();
    constructor(config, bucket, pipeline) {
        this.config = config;
        this.bucket = bucket;
        this.pipeline = pipeline;
    }
    /** The model's whole source_directory, as processing jobs unpack it. Throws BundleError. */
    sourceBundle(model) {
        return this.packed(`${this.folderOf(model)}\u0000`, () => ({
            artifact: this.bundle((0,bundle/* wholeTree */.Ih)(this.filesOf(model)), `${model.sourceDirectory}/`),
            program: '',
        })).artifact;
    }
    /**
     * The bundle for a job whose program is `entryPoint`: the entry point's folder at the root, the rest of the
     * source_directory beside it (the old framework shipped only that folder; shipping more is allowed).
     */
    entryBundle(model, entryPoint) {
        if (!entryPoint.includes('/')) {
            // A top-level entry point ships the folder as it is: the very bundle the processing jobs use.
            (0,bundle/* layoutForEntryPoint */.c$)(this.filesOf(model), entryPoint); // still refuses an entry point that is no file
            return { artifact: this.sourceBundle(model), program: entryPoint };
        }
        const folder = external_node_path_.posix.dirname(entryPoint);
        return this.packed(`${this.folderOf(model)}\u0000${folder}`, () => {
            const { layout, program } = (0,bundle/* layoutForEntryPoint */.c$)(this.filesOf(model), entryPoint);
            return {
                artifact: this.bundle(layout, `${model.sourceDirectory}/ with ${folder}/ at the root`),
                program,
            };
        });
    }
    /**
     * The inference code a repack job puts under the model's code/ (ModelRepack "True"): the whole source_directory
     * plus the entry folder's files at the root (repack-layout.ts); the program is the entry point as a module.
     */
    repackBundle(model, entryPoint) {
        // Without transform.entry_point the old framework packed the whole folder with program `inference` (and
        // checked no file: a TensorFlow Serving image, say, needs no inference script).
        if (entryPoint === undefined)
            return { artifact: this.sourceBundle(model), program: compile_defaults/* DEFAULTS */.zY.inferenceProgram };
        const program = moduleName(entryPoint);
        if (!entryPoint.includes('/')) {
            (0,bundle/* layoutForEntryPoint */.c$)(this.filesOf(model), entryPoint); // refuses an entry point that is no file
            return { artifact: this.sourceBundle(model), program };
        }
        const folder = external_node_path_.posix.dirname(entryPoint);
        return this.packed(`${this.folderOf(model)}\u0000repack\u0000${folder}`, () => ({
            artifact: this.bundle(layoutForRepack(this.filesOf(model), entryPoint), `${model.sourceDirectory}/, and ${folder}/'s files also at the root`),
            program,
        }));
    }
    /** Hashing is the compiler's main cost; bundles are shared between jobs, so each is hashed once. */
    packed(key, build) {
        let p = this.#packed.get(key);
        if (!p) {
            p = build();
            this.#packed.set(key, p);
        }
        return p;
    }
    /** runproc.sh for a processing job: unpack, install requirements, run the entry point as a module. */
    entryScript(entryPoint) {
        const bytes = new TextEncoder().encode(runprocText(entryPoint));
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        return this.add('entry-script', { type: 'bytes', bytes }, sha256, bytes.length, 'runproc.sh', `launcher for ${entryPoint}`);
    }
    /** The repack job's program (our own script, shared by every repack step). */
    repackProgram() {
        return this.packed('\u0000repack', () => {
            const script = (0,bundle/* inlineFile */.oS)(REPACK_PROGRAM, new TextEncoder().encode(REPACK_SCRIPT));
            return {
                artifact: this.bundle([{ tarPath: REPACK_PROGRAM, sourceFile: script }], 'model repack program', 'repack-script'),
                program: REPACK_PROGRAM,
            };
        });
    }
    /** Every artifact, ordered by key (deterministic). */
    all() {
        return [...this.#artifacts.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    /** A tar.gz artifact for `layout`, addressed by the sha256 of its tar (streamed: nothing is packed here). */
    bundle(layout, description, kind = 'source-bundle') {
        const { sha256, size } = (0,tar/* hashLayout */.RX)(layout, this.#cache);
        return this.add(kind, { type: 'tar.gz', layout }, sha256, size, 'sourcedir.tar.gz', description);
    }
    folderOf(model) {
        return external_node_path_.resolve(this.config.workspace, model.sourceDirectory);
    }
    filesOf(model) {
        const folder = this.folderOf(model);
        let files = this.#files.get(folder);
        if (!files) {
            files = (0,bundle/* collectFiles */.C0)(folder, this.config.workspace);
            if (files.length === 0)
                throw new bundle/* BundleError */.rJ(`${model.sourceDirectory}/ has no files to ship`);
            this.#files.set(folder, files);
        }
        return files;
    }
    add(kind, source, contentSha256, bytes, name, description) {
        const key = `${this.pipeline}/code/${contentSha256}/${name}`;
        const s3Uri = `s3://${this.bucket}/${key}`;
        const existing = this.#artifacts.get(s3Uri);
        if (existing)
            return existing;
        const artifact = {
            kind,
            s3Uri,
            bucket: this.bucket,
            key,
            contentSha256,
            bytes,
            source,
            description,
        };
        this.#artifacts.set(s3Uri, artifact);
        return artifact;
    }
}
/** `preprocessing/preprocessing.py` → `preprocessing.preprocessing` (what `python -m` takes). */
function moduleName(entryPoint) {
    return entryPoint.replace(/\.py$/, '').split('/').join('.');
}
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Text of the processing launcher; a pure function of the entry point, so its key is stable. */
function runprocText(entryPoint) {
    return [
        '#!/bin/bash',
        '# Generated by smp-action: unpack the model code, install its requirements, run the entry point.',
        '# The entry point path is the first argument, as the old framework passed it.',
        'set -e',
        `cd ${compile_defaults/* PATHS */.R7.processingCode}`,
        'tar -xzf sourcedir.tar.gz',
        'if [[ -f requirements.txt ]]; then',
        '  python -m pip install --no-cache-dir -r requirements.txt',
        'fi',
        `exec python -m ${shellQuote(moduleName(entryPoint))} ${shellQuote(entryPoint)} "$@"`,
        '',
    ].join('\n');
}
const REPACK_PROGRAM = 'smp_repack.py';
/**
 * Runs as a SageMaker training job: copies the model artifacts (channel `model`) and the inference code
 * (channel `code`) into /opt/ml/model, which SageMaker packs as the job's model.tar.gz, code under code/.
 */
const REPACK_SCRIPT = `"""smp-action model repack: model artifacts + inference code -> /opt/ml/model (packed by SageMaker)."""
import os
import shutil
import tarfile

INPUT = "/opt/ml/input/data"
MODEL = "/opt/ml/model"


def unpack(channel, dest):
    """Extract every archive of a channel into dest; copy plain files as they are."""
    root = os.path.join(INPUT, channel)
    os.makedirs(dest, exist_ok=True)
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            src = os.path.join(folder, name)
            if tarfile.is_tarfile(src):
                with tarfile.open(src) as archive:
                    if hasattr(tarfile, "data_filter"):
                        archive.extractall(dest, filter="data")
                    else:
                        archive.extractall(dest)
            else:
                shutil.copy2(src, os.path.join(dest, name))


if __name__ == "__main__":
    unpack("model", MODEL)
    unpack("code", os.path.join(MODEL, "code"))
    for folder, _dirs, files in os.walk(MODEL):
        for name in sorted(files):
            print(os.path.relpath(os.path.join(folder, name), MODEL))
`;

// EXTERNAL MODULE: ./lib/compile/context.js
var context = __webpack_require__(242);
// EXTERNAL MODULE: ./lib/compile/branches.js
var branches = __webpack_require__(2433);
// EXTERNAL MODULE: ./lib/compile/expressions.js
var expressions = __webpack_require__(8790);
;// CONCATENATED MODULE: ./lib/compile/retry.js
/** Step types that run a SageMaker job (and so can see SageMaker.* job failures). */
const JOB_STEP_TYPES = new Set(['Processing', 'Training', 'Transform']);
/** Step types SageMaker retries at all (Condition and Fail take no RetryPolicies). */
const RETRIABLE = new Set([...JOB_STEP_TYPES, 'Model', 'RegisterModel']);
/** The policies a compiled step gets: undefined when none apply. */
function retryPolicies(compiled, configured, pipelineDefault) {
    if (!RETRIABLE.has(compiled.Type))
        return undefined;
    const rules = configured.retry ?? pipelineDefault ?? [];
    const job = JOB_STEP_TYPES.has(compiled.Type);
    const out = [];
    for (const r of rules) {
        // The pipeline default is for every step: its job exceptions are left out where no job runs (the config
        // phase refuses them in a step's own list).
        const exceptions = r.exceptions.filter((e) => job || !e.startsWith('SageMaker.'));
        if (exceptions.length === 0)
            continue;
        out.push({
            BackoffRate: r.backoffRate,
            IntervalSeconds: r.intervalSeconds,
            ...(r.maxAttempts !== undefined
                ? { MaxAttempts: r.maxAttempts }
                : { ExpireAfterMin: r.expireAfterMinutes ?? 0 }),
            ExceptionType: [...exceptions],
        });
    }
    return out.length > 0 ? out : undefined;
}
/** The step with RetryPolicies in the SDK's envelope order (after Description, before CacheConfig). */
function withRetryPolicies(step, policies) {
    if (!policies)
        return step;
    const { Name, Type, Arguments, DependsOn, Description, ...rest } = step;
    return {
        Name,
        Type,
        Arguments,
        ...(DependsOn ? { DependsOn } : {}),
        ...(Description !== undefined ? { Description } : {}),
        RetryPolicies: policies,
        ...rest,
    };
}

// EXTERNAL MODULE: ./lib/compile/steps/condition.js + 1 modules
var condition = __webpack_require__(6514);
// EXTERNAL MODULE: ./lib/compile/steps/common.js
var common = __webpack_require__(4788);
// EXTERNAL MODULE: ./lib/compile/model-packages.js
var model_packages = __webpack_require__(8192);
// EXTERNAL MODULE: ./lib/compile/schedule.js
var compile_schedule = __webpack_require__(2040);
;// CONCATENATED MODULE: ./lib/compile/images.js
// Images the compiler adds itself (the repack job). Registry accounts per region are data from the SageMaker
// Python SDK's image_uri_config/sklearn.json (scikit-learn 1.2-1, training scope), the image the SDK's own repack
// step uses.
const SKLEARN_1_2_1_ACCOUNTS = {
    'af-south-1': '510948584623',
    'ap-east-1': '651117190479',
    'ap-northeast-1': '354813040037',
    'ap-northeast-2': '366743142698',
    'ap-northeast-3': '867004704886',
    'ap-south-1': '720646828776',
    'ap-south-2': '628508329040',
    'ap-southeast-1': '121021644041',
    'ap-southeast-2': '783357654285',
    'ap-southeast-3': '951798379941',
    'ap-southeast-4': '106583098589',
    'ca-central-1': '341280168497',
    'ca-west-1': '190319476487',
    'cn-north-1': '450853457545',
    'cn-northwest-1': '451049120500',
    'eu-central-1': '492215442770',
    'eu-central-2': '680994064768',
    'eu-north-1': '662702820516',
    'eu-south-1': '978288397137',
    'eu-south-2': '104374241257',
    'eu-west-1': '141502667606',
    'eu-west-2': '764974769150',
    'eu-west-3': '659782779980',
    'il-central-1': '898809789911',
    'me-central-1': '272398656194',
    'me-south-1': '801668240914',
    'sa-east-1': '737474898029',
    'us-east-1': '683313688378',
    'us-east-2': '257758044811',
    'us-gov-east-1': '237065988967',
    'us-gov-west-1': '414596584902',
    'us-iso-east-1': '833128469047',
    'us-isob-east-1': '281123927165',
    'us-isof-east-1': '108575199400',
    'us-isof-south-1': '124985052026',
    'us-west-1': '746614075791',
    'us-west-2': '246618743249',
};
function ecrDomain(region) {
    if (region.startsWith('cn-'))
        return 'amazonaws.com.cn';
    if (region.startsWith('us-isob-'))
        return 'sc2s.sgov.gov';
    if (region.startsWith('us-iso-'))
        return 'c2s.ic.gov';
    return 'amazonaws.com';
}
/** The scikit-learn 1.2-1 CPU training image of `region`, or undefined when the SDK lists none there. */
function sklearnImage(region) {
    const account = SKLEARN_1_2_1_ACCOUNTS[region];
    return account
        ? `${account}.dkr.ecr.${region}.${ecrDomain(region)}/sagemaker-scikit-learn:1.2-1-cpu-py3`
        : undefined;
}

;// CONCATENATED MODULE: ./lib/compile/steps/model-container.js






const REPACK_SUFFIX = '-RepackModel';
/**
 * The container for `owner` (a CreateModel or RegisterModel step) serving the artifacts of `training`.
 * ModelRepack "False": the image brings the code; SAGEMAKER_PROGRAM names the inference module.
 * ModelRepack "True": a repack job writes the artifacts plus the code (code/, the old framework's layout, see
 * repack-layout.ts) into a new model.tar.gz; SAGEMAKER_PROGRAM is the entry point as a module (`serve.inference`).
 */
function inferenceContainer(ctx, owner, training) {
    const model = (0,context/* modelOf */.D)(ctx, owner);
    const registry = model.registry;
    if (!registry)
        throw new common/* CompileError */.mQ(owner, `${owner.path}: conf.models.${owner.model}.registry is required`);
    const entry = model.transform?.entryPoint;
    if (!registry.modelRepack) {
        return {
            container: {
                Image: registry.imageUri,
                Environment: {
                    SAGEMAKER_SUBMIT_DIRECTORY: compile_defaults/* PATHS */.R7.modelCode,
                    SAGEMAKER_PROGRAM: entry ? moduleName(entry) : compile_defaults/* DEFAULTS */.zY.inferenceProgram,
                    SAGEMAKER_REQUIREMENTS: 'requirements.txt',
                },
                ModelDataUrl: (0,expressions/* modelArtifacts */.N_)(training.name),
            },
            repack: undefined,
        };
    }
    const name = `${owner.name}${REPACK_SUFFIX}`;
    if (name.length > 64) {
        throw new common/* CompileError */.mQ(owner, `${owner.path}: the repack step \`${name}\` would exceed SageMaker's 64-character step names: shorten step_name to at most ${64 - REPACK_SUFFIX.length} characters`);
    }
    const code = ctx.code.repackBundle(model, entry);
    const program = ctx.code.repackProgram();
    const image = sklearnImage(ctx.settings.region);
    if (!image)
        throw new common/* CompileError */.mQ(owner, `${owner.path}: no scikit-learn image is known for region ${ctx.settings.region} to run the repack job; set ModelRepack: "False"`);
    const output = `${(0,expressions/* s3Uri */.tT)(ctx.settings.bucket, ctx.pipeline, 'repack', model.name)}/`;
    const channel = (uri, channelName) => ({
        DataSource: {
            S3DataSource: { S3DataType: 'S3Prefix', S3Uri: uri, S3DataDistributionType: 'FullyReplicated' },
        },
        InputMode: 'File',
        ChannelName: channelName,
    });
    const repack = {
        Name: name,
        Type: 'Training',
        Arguments: (0,common/* compact */.oE)({
            AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: image },
            OutputDataConfig: (0,common/* compact */.oE)({ S3OutputPath: output, KmsKeyId: ctx.settings.kmsKey }),
            StoppingCondition: { MaxRuntimeInSeconds: compile_defaults/* DEFAULTS */.zY.repackMaxRuntimeSeconds },
            ResourceConfig: (0,common/* compact */.oE)({
                VolumeSizeInGB: 30,
                InstanceCount: 1,
                InstanceType: compile_defaults/* DEFAULTS */.zY.repackInstanceType,
                VolumeKmsKeyId: (0,common/* volumeKmsKey */.x5)(ctx, compile_defaults/* DEFAULTS */.zY.repackInstanceType),
            }),
            RoleArn: ctx.settings.role,
            InputDataConfig: [
                channel((0,expressions/* modelArtifacts */.N_)(training.name), 'model'),
                channel(code.artifact.s3Uri, 'code'),
            ],
            HyperParameters: (0,common/* scriptModeHyperparameters */.$P)(ctx, program.artifact.s3Uri, program.program),
            VpcConfig: (0,common/* vpcConfig */.mr)(ctx),
            DebugHookConfig: { S3OutputPath: output, CollectionConfigurations: [] },
            ProfilerConfig: { DisableProfiler: true },
        }),
        Description: `Repacks the artifacts of ${training.name} with ${model.sourceDirectory}/ for ${owner.name} (ModelRepack "True")`,
    };
    return {
        container: {
            Image: registry.imageUri,
            Environment: {
                SAGEMAKER_PROGRAM: code.program,
                SAGEMAKER_SUBMIT_DIRECTORY: compile_defaults/* PATHS */.R7.modelCode,
                SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
                SAGEMAKER_REGION: ctx.settings.region,
            },
            ModelDataUrl: (0,expressions/* modelArtifacts */.N_)(name),
        },
        repack,
    };
}

;// CONCATENATED MODULE: ./lib/compile/steps/create-model.js


function createModelStep(ctx, step, links) {
    const pkg = ctx.packages.get(step.model);
    if (pkg) {
        const model = {
            Name: step.name,
            Type: 'Model',
            Arguments: (0,common/* compact */.oE)({
                ExecutionRoleArn: ctx.settings.role,
                // A generated String parameter: its default is the resolved version; `run` passes the newest.
                PrimaryContainer: {
                    ModelPackageName: ctx.parameters.add({
                        name: pkg.parameter,
                        type: 'String',
                        default: pkg.defaultArn,
                        origin: `model ${pkg.model} (model_package)`,
                    }),
                },
                VpcConfig: (0,common/* vpcConfigSgFirst */.ON)(ctx),
            }),
        };
        return { steps: [model], container: undefined };
    }
    const training = links.Training;
    if (!training)
        throw new common/* CompileError */.mQ(step, `${step.path}: a CreateModel step needs an earlier Training step`);
    const container = inferenceContainer(ctx, step, training);
    const model = {
        Name: step.name,
        Type: 'Model',
        Arguments: (0,common/* compact */.oE)({
            ExecutionRoleArn: ctx.settings.role,
            PrimaryContainer: { ...container.container },
            VpcConfig: (0,common/* vpcConfigSgFirst */.ON)(ctx),
        }),
    };
    return { steps: container.repack ? [container.repack, model] : [model], container };
}

;// CONCATENATED MODULE: ./lib/compile/steps/processing.js
// Processing steps (step_class Processing): the section step_type names (preprocess, evaluate, postprocess, …) as
// a processing job that runs the entry point from the unpacked source_directory, with the contract's container paths.





function processingStep(ctx, step) {
    const section = (0,common/* sectionOf */.ZE)(ctx, step);
    if (!section)
        throw new common/* CompileError */.mQ(step, `${step.path}: the model has no ${step.stepType ?? 'preprocess'} section`);
    const channels = (0,common/* channelNames */.ov)(section);
    const inputs = [];
    inputs.push(...(0,common/* staticInputs */.Gx)(ctx, section));
    for (const src of step.chainSources) {
        for (const ch of (0,common/* chainChannels */.A8)(ctx, step, src)) {
            const name = `${src}-input-${ch}`;
            inputs.push((0,common/* s3Input */.l0)((0,common/* chainOutput */.lR)(ctx, step, src, ch), `${compile_defaults/* PATHS */.R7.processingInput}/${name}`, name, section));
        }
    }
    const outputs = channels.map((ch) => ({
        OutputName: ch,
        AppManaged: false,
        S3Output: {
            S3Uri: (0,expressions/* executionScoped */.ft)(ctx.settings.bucket, ctx.pipeline, step.name, 'output', ch),
            LocalPath: external_node_path_.posix.join(section.outputLocalPath ?? compile_defaults/* PATHS */.R7.processingOutput, ch),
            S3UploadMode: section.s3UploadMode ?? 'EndOfJob',
        },
    }));
    return {
        Name: step.name,
        Type: 'Processing',
        Arguments: processingArguments(ctx, step, inputs, outputs, {
            // The old framework's processing defaults, whichever section runs (evaluate's 50 GB/3600 s are Metrics').
            volume: section.volumeSizeInGb ?? compile_defaults/* DEFAULTS */.zY.volumeSizeInGb,
            runtime: section.maxRuntimeSeconds ?? compile_defaults/* DEFAULTS */.zY.maxRuntimeSeconds,
        }),
        ...((0,common/* cacheConfig */.vG)(step) ? { CacheConfig: (0,common/* cacheConfig */.vG)(step) } : {}),
    };
}
/** The CreateProcessingJob request shared by Processing and Metrics steps; adds code inputs and network config. */
function processingArguments(ctx, step, dataInputs, outputs, defaults) {
    const section = (0,common/* sectionOf */.ZE)(ctx, step);
    const model = (0,context/* modelOf */.D)(ctx, step);
    if (!section?.imageUri || !section.entryPoint) {
        throw new common/* CompileError */.mQ(step, `${step.path}: the section needs image_uri and entry_point`);
    }
    const bundle = ctx.code.sourceBundle(model);
    const launcher = ctx.code.entryScript(section.entryPoint);
    const inputs = [
        ...dataInputs,
        (0,common/* s3Input */.l0)(bundle.s3Uri, compile_defaults/* PATHS */.R7.processingCode, 'code', undefined),
        (0,common/* s3Input */.l0)(launcher.s3Uri, compile_defaults/* PATHS */.R7.processingEntrypoint, 'entrypoint', undefined),
    ];
    const seen = new Set();
    for (const i of inputs) {
        const name = String(i.InputName);
        if (seen.has(name)) {
            throw new common/* CompileError */.mQ(step, `${step.path}: two inputs are named \`${name}\`: processing input names must be unique (rename a sourceName)`);
        }
        seen.add(name);
    }
    const instanceType = section.instanceType ?? compile_defaults/* DEFAULTS */.zY.instanceType;
    const vpc = (0,common/* vpcConfigSgFirst */.ON)(ctx);
    return (0,common/* compact */.oE)({
        ProcessingResources: {
            ClusterConfig: (0,common/* compact */.oE)({
                InstanceType: instanceType,
                InstanceCount: section.instanceCount ?? compile_defaults/* DEFAULTS */.zY.instanceCount,
                VolumeSizeInGB: defaults.volume,
                VolumeKmsKeyId: (0,common/* volumeKmsKey */.x5)(ctx, instanceType),
            }),
        },
        AppSpecification: {
            ImageUri: section.imageUri,
            ContainerEntrypoint: ['/bin/bash', `${compile_defaults/* PATHS */.R7.processingEntrypoint}/runproc.sh`],
        },
        RoleArn: ctx.settings.role,
        ProcessingInputs: inputs,
        ProcessingOutputConfig: outputs.length > 0 ? (0,common/* compact */.oE)({ Outputs: outputs, KmsKeyId: ctx.settings.kmsKey }) : undefined,
        Environment: (0,common/* envOf */.B_)(section),
        NetworkConfig: (0,common/* compact */.oE)({
            EnableNetworkIsolation: false,
            EnableInterContainerTrafficEncryption: true,
            VpcConfig: vpc,
        }),
        StoppingCondition: { MaxRuntimeInSeconds: defaults.runtime },
        Tags: (0,common/* tagsOf */.Fg)(section),
    });
}

;// CONCATENATED MODULE: ./lib/compile/steps/metrics.js
// Metrics steps: a processing job from the `evaluate` section that writes model_evaluation_metrics.json,
// exposed as the property file EvaluationReport and registered as the model's quality statistics.






function metricsStep(ctx, step) {
    const section = (0,common/* sectionOf */.ZE)(ctx, step);
    if (!section)
        throw new common/* CompileError */.mQ(step, `${step.path}: the model has no evaluate section`);
    // The evaluate channel names the chained inputs' folders; the old framework used one channel here.
    const channel = (0,common/* channelNames */.ov)(section)[0] ?? compile_defaults/* DEFAULTS */.zY.channel;
    if (section.channels.length > 1) {
        ctx.bag.warning('metrics-first-channel', section.loc, `conf.models.${step.model}.evaluate.channels`, `${step.name}: chained inputs are placed under the first evaluate channel \`${channel}\` (${section.channels.length} channels given)`);
    }
    // model_metrics_service.py: the channel's InputLocalFilepath / OuputLocalFilepath move the job's folders.
    const folders = section.channels[0];
    const inputDir = folders?.inputLocalPath ?? compile_defaults/* PATHS */.R7.processingInput;
    const inputs = [];
    inputs.push(...(0,common/* staticInputs */.Gx)(ctx, section, inputDir));
    for (const src of step.chainSources) {
        inputs.push((0,common/* s3Input */.l0)((0,common/* chainOutput */.lR)(ctx, step, src, channel), external_node_path_.posix.join(inputDir, `${src}-${channel}`), `${src}-input`, section));
    }
    const output = {
        OutputName: compile_defaults/* METRICS_OUTPUT */.E_,
        AppManaged: false,
        S3Output: {
            S3Uri: metricsDestination(ctx, step),
            LocalPath: folders?.outputLocalPath ?? `${compile_defaults/* PATHS */.R7.processingOutput}/`,
            S3UploadMode: section.s3UploadMode ?? 'EndOfJob',
        },
    };
    return {
        Name: step.name,
        Type: 'Processing',
        Arguments: processingArguments(ctx, step, inputs, [output], {
            volume: section.volumeSizeInGb ?? compile_defaults/* DEFAULTS */.zY.evaluateVolumeSizeInGb,
            runtime: section.maxRuntimeSeconds ?? compile_defaults/* DEFAULTS */.zY.evaluateMaxRuntimeSeconds,
        }),
        ...((0,common/* cacheConfig */.vG)(step) ? { CacheConfig: (0,common/* cacheConfig */.vG)(step) } : {}),
        PropertyFiles: [
            { PropertyFileName: compile_defaults/* EVALUATION_REPORT */.Uy, OutputName: compile_defaults/* METRICS_OUTPUT */.E_, FilePath: compile_defaults/* METRICS_FILE */.HL },
        ],
    };
}
/**
 * `s3://<bucket>/<prefix>/<model>/evaluation/` when an evaluate channel names a bucket (old behaviour, kept; the
 * prefix is the channel's `bucket_prefix`, as the old framework read it, else its inputBucketPrefix);
 * else execution-scoped, so runs never overwrite each other's metrics (the old code froze one path).
 */
function metricsDestination(ctx, step) {
    const section = (0,common/* sectionOf */.ZE)(ctx, step);
    const named = section?.channels.find((c) => c.s3BucketName !== undefined);
    if (named?.s3BucketName)
        return `${(0,expressions/* s3Uri */.tT)(named.s3BucketName, named.bucketPrefix ?? named.inputBucketPrefix, (0,context/* modelOf */.D)(ctx, step).name, 'evaluation')}/`;
    return (0,expressions/* executionScoped */.ft)(ctx.settings.bucket, ctx.pipeline, step.name, 'output', compile_defaults/* METRICS_OUTPUT */.E_);
}
/** Where the metrics step writes model_evaluation_metrics.json: a literal or a Std:Join expression. */
function metricsFileUri(ctx, metrics) {
    const dest = metricsDestination(ctx, metrics);
    // For a generated destination, read the job's own output URI so the two can never disagree.
    return typeof dest === 'string'
        ? (0,expressions/* joinUri */.nz)(dest, compile_defaults/* METRICS_FILE */.HL)
        : (0,expressions/* joinUri */.nz)((0,expressions/* processingOutputUri */.f4)(metrics.name, compile_defaults/* METRICS_OUTPUT */.E_), compile_defaults/* METRICS_FILE */.HL);
}

;// CONCATENATED MODULE: ./lib/compile/steps/register-model.js






function modelPackageGroupName(ctx, step) {
    const model = (0,context/* modelOf */.D)(ctx, step);
    return model.registry?.modelPackageGroupName ?? `${ctx.pipeline}-${model.name}`;
}
/** The old framework always sent a description (a placeholder); so do we, one that says where it came from. */
function defaultDescription(ctx, step) {
    return `${step.model} registered by pipeline ${ctx.pipeline} (step ${step.name}); set registry.ModelPackageDescription to describe it`;
}
function registerModelStep(ctx, step, links, 
/** The container of the unit's latest CreateModel step, reused so both serve the same artifacts. */
created) {
    const model = (0,context/* modelOf */.D)(ctx, step);
    const registry = model.registry;
    const training = links.Training;
    if (!registry || !training)
        throw new common/* CompileError */.mQ(step, `${step.path}: a RegisterModel step needs a registry section and an earlier Training step`);
    const own = created ? undefined : inferenceContainer(ctx, step, training);
    const container = (created ?? own)?.container;
    if (!container)
        throw new common/* CompileError */.mQ(step, `${step.path}: no inference container`);
    const metrics = links.Metrics;
    const contentTypes = registry.supportedContentTypes ?? [
        model.transform?.contentType ?? compile_defaults/* DEFAULTS */.zY.transformContentType,
    ];
    const responseTypes = registry.supportedResponseMimeTypes ?? contentTypes;
    const modelMetrics = metrics
        ? {
            ModelQuality: {
                Statistics: {
                    ContentType: model.evaluate?.contentType ?? compile_defaults/* DEFAULTS */.zY.metricsContentType,
                    S3Uri: metricsFileUri(ctx, metrics),
                },
            },
            // The SDK always writes these two, empty; kept so definitions diff cleanly against SDK-built ones.
            Bias: {},
            Explainability: {},
        }
        : undefined;
    const register = {
        Name: step.name,
        Type: 'RegisterModel',
        Arguments: (0,common/* compact */.oE)({
            ModelPackageGroupName: modelPackageGroupName(ctx, step),
            ModelPackageDescription: registry.modelPackageDescription ?? defaultDescription(ctx, step),
            ModelMetrics: modelMetrics,
            CustomerMetadataProperties: { PIPELINE_ARN: expressions/* EXECUTION_ARN */.fj },
            InferenceSpecification: {
                Containers: [{ ...container }],
                SupportedContentTypes: [...contentTypes],
                SupportedResponseMIMETypes: [...responseTypes],
                SupportedRealtimeInferenceInstanceTypes: [
                    ...(registry.realtimeInstanceTypes ?? compile_defaults/* DEFAULTS */.zY.registryInstanceTypes),
                ],
                SupportedTransformInstanceTypes: [
                    ...(registry.transformInstanceTypes ?? compile_defaults/* DEFAULTS */.zY.registryInstanceTypes),
                ],
            },
            ModelApprovalStatus: registry.approvalStatus ?? compile_defaults/* DEFAULTS */.zY.approvalStatus,
            SkipModelValidation: 'None',
        }),
    };
    return own?.repack ? [own.repack, register] : [register];
}

// EXTERNAL MODULE: ./lib/config/parameter-syntax.js
var parameter_syntax = __webpack_require__(3669);
;// CONCATENATED MODULE: ./lib/compile/steps/training.js
// Training steps: a script-mode training job (the SDK's layout): the entry point's bundle as
// sagemaker_submit_directory, static channels from the section step_type names (default `train`), chained channels
// `<source>-<channel>`.





function trainingStep(ctx, step) {
    const section = (0,common/* sectionOf */.ZE)(ctx, step);
    const model = (0,context/* modelOf */.D)(ctx, step);
    if (!section?.imageUri || !section.entryPoint) {
        throw new common/* CompileError */.mQ(step, `${step.path}: conf.models.${step.model}.${step.stepType ?? 'train'} needs image_uri and entry_point`);
    }
    const { artifact, program } = ctx.code.entryBundle(model, section.entryPoint);
    const channelFor = (uri, name) => (0,common/* compact */.oE)({
        DataSource: {
            S3DataSource: {
                S3DataType: section.s3DataType ?? 'S3Prefix',
                S3Uri: uri,
                S3DataDistributionType: section.s3DataDistributionType ?? 'FullyReplicated',
            },
        },
        ContentType: section.contentType,
        InputMode: section.inputMode ?? 'File',
        ChannelName: name,
    });
    const channels = [];
    for (const c of section.channels) {
        const file = c.dataFiles[0];
        if (file)
            channels.push(channelFor((0,common/* dataFileUri */.Hy)(ctx, c, file), c.name));
    }
    if (section.modelDataUri) {
        // The old framework passed model_data_uri as the estimator's model_uri: the SDK's `model` channel.
        channels.push((0,common/* compact */.oE)({
            DataSource: {
                S3DataSource: {
                    S3DataType: 'S3Prefix',
                    S3Uri: section.modelDataUri,
                    S3DataDistributionType: 'FullyReplicated',
                },
            },
            ContentType: 'application/x-sagemaker-model',
            InputMode: 'File',
            ChannelName: 'model',
        }));
    }
    for (const src of step.chainSources) {
        for (const ch of (0,common/* chainChannels */.A8)(ctx, step, src))
            channels.push(channelFor((0,common/* chainOutput */.lR)(ctx, step, src, ch), `${src}-${ch}`));
    }
    const names = new Set();
    for (const c of channels) {
        const n = String(c.ChannelName);
        if (names.has(n))
            throw new common/* CompileError */.mQ(step, `${step.path}: two training channels are named \`${n}\``);
        if (!/^[A-Za-z0-9.\-_]{1,64}$/.test(n)) {
            throw new common/* CompileError */.mQ(step, `${step.path}: channel name \`${n}\` is not valid for SageMaker (letters, digits, . - _; at most 64): shorten the step or channel name`);
        }
        names.add(n);
    }
    const hyper = {};
    for (const [k, v] of Object.entries(section.hyperparams)) {
        if (common/* SCRIPT_MODE_KEYS */.h4.includes(k)) {
            throw new common/* CompileError */.mQ(step, `${step.path}: hyperparameter \`${k}\` is set by smp (script mode); remove it from conf.models.${step.model}.${section.kind}`);
        }
        // A whole-value `${param:Name}` is sent as the parameter itself (the SDK's to_string()), not JSON-quoted.
        hyper[k] = typeof v === 'string' && parameter_syntax/* WHOLE_PARAM_REF */.kh.test(v) ? v : (0,expressions/* pythonJson */.bv)(v);
    }
    Object.assign(hyper, (0,common/* scriptModeHyperparameters */.$P)(ctx, artifact.s3Uri, program));
    const output = section.outputPath ?? `${(0,expressions/* s3Uri */.tT)(ctx.settings.bucket, ctx.pipeline, 'training')}/`;
    const instanceType = section.instanceType ?? compile_defaults/* DEFAULTS */.zY.instanceType;
    const runtime = section.maxRuntimeSeconds ?? compile_defaults/* DEFAULTS */.zY.maxRuntimeSeconds;
    const spot = section.spot?.enabled ? section.spot : undefined;
    return {
        Name: step.name,
        Type: 'Training',
        Arguments: (0,common/* compact */.oE)({
            AlgorithmSpecification: {
                TrainingInputMode: section.inputMode ?? 'File',
                TrainingImage: section.imageUri,
            },
            OutputDataConfig: (0,common/* compact */.oE)({ S3OutputPath: output, KmsKeyId: ctx.settings.kmsKey }),
            StoppingCondition: spot
                ? { MaxRuntimeInSeconds: runtime, MaxWaitTimeInSeconds: spot.maxWait ?? 2 * runtime }
                : { MaxRuntimeInSeconds: runtime },
            ResourceConfig: (0,common/* compact */.oE)({
                VolumeSizeInGB: section.volumeSizeInGb ?? compile_defaults/* DEFAULTS */.zY.volumeSizeInGb,
                InstanceCount: section.instanceCount ?? compile_defaults/* DEFAULTS */.zY.instanceCount,
                InstanceType: instanceType,
                VolumeKmsKeyId: (0,common/* volumeKmsKey */.x5)(ctx, instanceType),
            }),
            RoleArn: ctx.settings.role,
            InputDataConfig: channels.length > 0 ? channels : undefined,
            HyperParameters: hyper,
            // Managed spot training, as the SDK's use_spot_instances / checkpoint_s3_uri / checkpoint_local_path.
            EnableManagedSpotTraining: spot ? true : undefined,
            CheckpointConfig: spot
                ? {
                    S3Uri: spot.checkpointS3Uri ??
                        `${(0,expressions/* s3Uri */.tT)(ctx.settings.bucket, ctx.pipeline, 'checkpoints', model.name)}/`,
                    LocalPath: spot.checkpointLocalPath ?? compile_defaults/* DEFAULTS */.zY.checkpointLocalPath,
                }
                : undefined,
            Environment: (0,common/* envOf */.B_)(section),
            VpcConfig: (0,common/* vpcConfig */.mr)(ctx),
            Tags: (0,common/* tagsOf */.Fg)(section),
            DebugHookConfig: { S3OutputPath: output, CollectionConfigurations: [] },
            ProfilerConfig: { S3OutputPath: output, DisableProfiler: false },
        }),
        ...((0,common/* cacheConfig */.vG)(step) ? { CacheConfig: (0,common/* cacheConfig */.vG)(step) } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/compile/steps/transform.js




function transformStep(ctx, step, links) {
    const create = links.CreateModel;
    if (!create)
        throw new common/* CompileError */.mQ(step, `${step.path}: a Transform step needs an earlier CreateModel step`);
    const model = (0,context/* modelOf */.D)(ctx, step);
    const section = model.transform;
    let input;
    let output;
    const source = step.chainSources[0];
    if (source !== undefined) {
        const channel = (0,common/* channelNames */.ov)(section)[0] ?? compile_defaults/* DEFAULTS */.zY.channel;
        input = (0,expressions/* joinUri */.nz)((0,common/* chainOutput */.lR)(ctx, step, source, channel), step.chainAdditionalPrefix ?? '');
        output = (0,expressions/* executionScoped */.ft)(ctx.settings.bucket, ctx.pipeline, step.name);
    }
    else {
        const withFile = section?.channels.find((c) => c.dataFiles.length > 0);
        const file = withFile?.dataFiles[0];
        if (!withFile || !file)
            throw new common/* CompileError */.mQ(step, `${step.path}: a Transform step needs a chain source or one dataFile in transform.channels`);
        input = (0,common/* dataFileUri */.Hy)(ctx, withFile, file);
        output = (0,expressions/* s3Uri */.tT)(withFile.s3BucketName ?? ctx.settings.bucket, withFile.inputBucketPrefix, model.name, 'predictions', 'transform');
    }
    const contentType = section?.contentType ?? compile_defaults/* DEFAULTS */.zY.transformContentType;
    const t = section?.transform;
    const instanceType = section?.instanceType ?? compile_defaults/* DEFAULTS */.zY.instanceType;
    const dataProcessing = (0,common/* compact */.oE)({
        InputFilter: t?.inputFilter,
        OutputFilter: t?.outputFilter,
        JoinSource: t?.joinSource,
    });
    return {
        Name: step.name,
        Type: 'Transform',
        Arguments: (0,common/* compact */.oE)({
            ModelName: (0,expressions/* modelName */.fD)(create.name),
            TransformInput: (0,common/* compact */.oE)({
                DataSource: { S3DataSource: { S3DataType: section?.s3DataType ?? 'S3Prefix', S3Uri: input } },
                ContentType: contentType,
                SplitType: t?.splitType,
            }),
            TransformOutput: (0,common/* compact */.oE)({
                S3OutputPath: output,
                Accept: contentType,
                AssembleWith: t?.assembleWith,
                KmsKeyId: ctx.settings.kmsKey,
            }),
            TransformResources: (0,common/* compact */.oE)({
                InstanceCount: section?.instanceCount ?? compile_defaults/* DEFAULTS */.zY.instanceCount,
                InstanceType: instanceType,
                VolumeKmsKeyId: (0,common/* volumeKmsKey */.x5)(ctx, instanceType),
            }),
            BatchStrategy: t?.strategy,
            MaxPayloadInMB: t?.maxPayloadInMb,
            Environment: (0,common/* envOf */.B_)(section),
            DataProcessing: Object.keys(dataProcessing).length > 0 ? dataProcessing : undefined,
            Tags: (0,common/* tagsOf */.Fg)(section),
        }),
        ...((0,common/* cacheConfig */.vG)(step) ? { CacheConfig: (0,common/* cacheConfig */.vG)(step) } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/compile/units.js
/** For each step name, the latest earlier step of each class in its unit. */
function unitLinks(units) {
    const out = new Map();
    for (const unit of units) {
        const latest = {};
        for (const step of unit.steps) {
            out.set(step.name, { ...latest });
            latest[step.stepClass] = step;
        }
    }
    return out;
}

// EXTERNAL MODULE: ./lib/config/suggest.js
var suggest = __webpack_require__(1236);
;// CONCATENATED MODULE: ./lib/config/dependencies.js

/** Parses one line; names are checked against `stepNames`. Returns the edges of valid names only. */
function parseDependencyLine(node, path, stepNames, bag) {
    const text = String(node.value ?? '');
    const groups = [];
    let offset = 0;
    const parts = text.split('>>');
    if (parts.length < 2) {
        bag.error('bad-dependency', node.loc, path, `${path}: \`${text}\` has no \`>>\`: write dependencies as \`upstream >> downstream\` (e.g. \`prep >> train >> register\`)`);
        return [];
    }
    for (const part of parts) {
        const group = parseGroup(part, offset, node, path, bag);
        offset += part.length + 2;
        if (group === undefined)
            return [];
        groups.push(group);
    }
    let ok = true;
    for (const ref of groups.flat()) {
        if (!stepNames.has(ref.name)) {
            ok = false;
            bag.error('unknown-dependency-step', ref.loc, path, `${path}: no step named \`${ref.name}\` in sagemakerPipeline.models.*.steps${(0,suggest/* didYouMean */.au)(ref.name, stepNames)}`);
        }
    }
    if (!ok)
        return [];
    const edges = [];
    for (let i = 0; i + 1 < groups.length; i++) {
        for (const from of groups[i] ?? []) {
            for (const to of groups[i + 1] ?? []) {
                if (from.name === to.name) {
                    bag.error('dependency-self-loop', to.loc, path, `${path}: step \`${to.name}\` cannot depend on itself`);
                    continue;
                }
                edges.push({ from: from.name, to: to.name, loc: to.loc });
            }
        }
    }
    return edges;
}
function parseGroup(part, offset, node, path, bag) {
    const trimmed = part.trim();
    const lead = part.length - part.trimStart().length;
    const at = (i) => columnLoc(node, offset + lead + i);
    if (trimmed === '') {
        bag.error('bad-dependency', at(0), path, `${path}: empty step name around \`>>\` in \`${String(node.value)}\``);
        return undefined;
    }
    if (trimmed.startsWith('[')) {
        if (!trimmed.endsWith(']')) {
            bag.error('bad-dependency', at(0), path, `${path}: \`${trimmed}\` opens \`[\` without closing it: write \`[a, b]\``);
            return undefined;
        }
        const inner = trimmed.slice(1, -1);
        const refs = [];
        let pos = 1;
        for (const raw of inner.split(',')) {
            const name = raw.trim();
            const at0 = pos + (raw.length - raw.trimStart().length);
            if (name === '') {
                bag.error('bad-dependency', at(at0), path, `${path}: empty name in \`${trimmed}\``);
                return undefined;
            }
            refs.push({ name, loc: at(at0) });
            pos += raw.length + 1;
        }
        return refs;
    }
    if (/[\s,[\]]/.test(trimmed)) {
        bag.error('bad-dependency', at(0), path, `${path}: \`${trimmed}\` is not one step name: separate steps with \`>>\`, or group them as \`[a, b]\``);
        return undefined;
    }
    return [{ name: trimmed, loc: at(0) }];
}
/** Position of character `i` of a one-line scalar; falls back to the scalar's start. */
function columnLoc(node, i) {
    const text = String(node.value ?? '');
    if (text.includes('\n'))
        return node.loc;
    if (node.style === 'plain')
        return { ...node.loc, col: node.loc.col + i };
    if (node.style === 'single' && !text.includes("'"))
        return { ...node.loc, col: node.loc.col + 1 + i };
    if (node.style === 'double' && !/["\\]/.test(text))
        return { ...node.loc, col: node.loc.col + 1 + i };
    return node.loc;
}
/**
 * A cycle in the combined graph, as the list of step names `a → b → … → a`, or undefined. Iterative (an explicit
 * stack), so a 10,000-step chain cannot overflow the call stack.
 */
function findCycle(nodes, edges) {
    const state = new Map();
    for (const startNode of nodes) {
        if (state.has(startNode))
            continue;
        const path = [startNode];
        const next = [0];
        state.set(startNode, 1);
        while (path.length > 0) {
            const top = path.length - 1;
            const n = path[top];
            const out = edges.get(n) ?? [];
            const i = next[top];
            if (i >= out.length) {
                state.set(n, 2);
                path.pop();
                next.pop();
                continue;
            }
            next[top] = i + 1;
            const m = out[i];
            const s = state.get(m);
            if (s === 1)
                return [...path.slice(path.indexOf(m)), m];
            if (s === undefined) {
                state.set(m, 1);
                path.push(m);
                next.push(0);
            }
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
;// CONCATENATED MODULE: ./lib/compile/verify.js




/**
 * CreatePipeline's documented maximum for an inline `PipelineDefinition` (API reference, Length Constraints).
 * No limit is documented for `PipelineDefinitionS3Location`, the path we take from 100 KiB on, so this only
 * raises a warning (compile.ts).
 */
const MAX_DEFINITION_CHARS = 1_048_576;
const EXECUTION_VARIABLES = new Set([
    'StartDateTime',
    'CurrentDateTime',
    'PipelineName',
    'PipelineArn',
    'PipelineExecutionId',
    'PipelineExecutionArn',
    'TrainingJobName',
    'ProcessingJobName',
]);
/** Property paths each step type exposes (the Describe* response members we reference). */
const PROPERTIES = {
    Processing: /^(ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri|ProcessingJobName|ProcessingJobArn|PropertyFiles\.([A-Za-z0-9_-]+))$/,
    Training: /^(ModelArtifacts\.S3ModelArtifacts|TrainingJobName|TrainingJobArn|OutputDataConfig\.S3OutputPath)$/,
    Transform: /^(TransformOutput\.S3OutputPath|TransformJobName|TransformJobArn)$/,
    Model: /^(ModelName|ModelArn)$/,
    RegisterModel: /^(ModelPackageArn|ModelPackageName|ModelPackageVersion|ModelApprovalStatus|ModelPackageGroupName)$/,
    Condition: /^Outcome$/,
    Fail: /(?!)/,
};
/** Comparisons whose operands must be numbers (a Condition's GreaterThan… and LessThan…). */
const NUMERIC_CONDITIONS = new Set(['GreaterThan', 'GreaterThanOrEqualTo', 'LessThan', 'LessThanOrEqualTo']);
const CONDITIONS = new Set([...NUMERIC_CONDITIONS, 'Equals', 'In', 'Not', 'Or']);
function verifyDefinition(def, origins) {
    const out = [];
    const fail = (code, step, message) => {
        const o = step ? origins.get(step) : undefined;
        out.push({
            code,
            severity: 'error',
            loc: o?.loc ?? null,
            path: o ? `step ${o.configured}` : 'definition',
            message,
        });
    };
    const steps = new Map();
    // The (condition, branch) pairs each step runs under, outermost first: a step inside a branch may only be
    // referenced from inside that branch (SageMaker rejects a reference that would not run on the other path).
    const within = new Map();
    const placed = (0,branches/* placedSteps */.hF)(def.Steps);
    for (const { step: s, gate } of placed) {
        if (gate)
            within.set(s.Name, [...(within.get(gate.condition) ?? []), `${gate.condition}:${gate.branch}`]);
        if (!schema/* STEP_NAME */.l1.test(s.Name))
            fail('definition-step-name', s.Name, `step name \`${s.Name}\` does not match ${schema/* STEP_NAME */.l1.source}`);
        if (steps.has(s.Name))
            fail('definition-duplicate-step', s.Name, `two compiled steps are named \`${s.Name}\` (a configured name collides with a generated -RepackModel step?)`);
        steps.set(s.Name, s);
    }
    const paramTypes = new Map(def.Parameters.map((p) => {
        const o = p && typeof p === 'object' && !Array.isArray(p) ? p : {};
        return [String(o.Name), String(o.Type)];
    }));
    const params = new Set(paramTypes.keys());
    /** Whether `from` runs only where `target` ran: every branch `target` is inside, `from` is inside too. */
    const visible = (target, from) => {
        const need = within.get(target) ?? [];
        const have = within.get(from) ?? [];
        return need.every((b) => have.includes(b));
    };
    const branchFail = (s, target, how) => fail('definition-branch-reference', s, `${s} ${how} \`${target}\`, which runs only in a branch of ${(within.get(target) ?? []).map((b) => b.split(':')[0]).join(' / ')}: SageMaker refuses that; depend on the Condition step instead`);
    const edges = new Map();
    const addEdge = (from, to) => {
        edges.set(from, [...(edges.get(from) ?? []), to]);
    };
    for (const { step: s, gate } of placed) {
        if (gate)
            addEdge(gate.condition, s.Name);
        for (const d of s.DependsOn ?? []) {
            if (!steps.has(d))
                fail('definition-unknown-dependency', s.Name, `${s.Name} depends on \`${d}\`, which is not a step`);
            else if (d === s.Name)
                fail('definition-self-dependency', s.Name, `${s.Name} depends on itself`);
            else if (!visible(d, s.Name))
                branchFail(s.Name, d, 'depends on');
            else
                addEdge(d, s.Name);
        }
        if (s.Type === 'Condition')
            checkCondition(s, paramTypes, fail);
        // A Condition's own references are in its Conditions; its branch steps are checked as steps.
        const own = s.Type === 'Condition' ? (s.Arguments.Conditions ?? null) : s.Arguments;
        walk(own, (v) => {
            if (typeof v === 'string') {
                // The same rule as interpolation: a whole `.`- (or, in s3:// URIs, `/`-) separated part.
                const leftover = v
                    .split(v.startsWith('s3://') ? '/' : '.')
                    .find((part) => /^SMP_[A-Z0-9_]+$/.test(part));
                if (leftover)
                    fail('definition-unresolved-token', s.Name, `${s.Name}: \`${leftover}\` was not substituted (in \`${v}\`)`);
                return;
            }
            if (!(0,expressions/* isExpression */.BH)(v) || !('Get' in v))
                return;
            const ref = v.Get;
            const m = /^Steps\.([A-Za-z0-9_-]+)\.(.+)$/.exec(ref);
            if (m) {
                const [, target = '', prop = ''] = m;
                const t = steps.get(target);
                if (!t)
                    return fail('definition-unknown-step-reference', s.Name, `${s.Name} refers to \`${ref}\`: no step \`${target}\``);
                if (target === s.Name)
                    return fail('definition-self-reference', s.Name, `${s.Name} refers to its own property \`${ref}\``);
                const pm = PROPERTIES[t.Type].exec(prop);
                if (!pm)
                    return fail('definition-bad-property', s.Name, `${s.Name} refers to \`${ref}\`: a ${t.Type} step has no property \`${prop}\``);
                const output = pm[2];
                if (output !== undefined && !outputsOf(t).includes(output)) {
                    return fail('definition-unknown-output', s.Name, `${s.Name} refers to output \`${output}\` of ${target}, which has outputs ${outputsOf(t).join(', ') || '(none)'}`);
                }
                const file = pm[3];
                if (file !== undefined && !(t.PropertyFiles ?? []).some((f) => f.PropertyFileName === file)) {
                    return fail('definition-unknown-property-file', s.Name, `${s.Name} refers to property file \`${file}\` of ${target}, which declares none by that name`);
                }
                if (!visible(target, s.Name))
                    return branchFail(s.Name, target, 'refers to');
                addEdge(target, s.Name);
                return;
            }
            const e = /^Execution\.(.+)$/.exec(ref);
            if (e && EXECUTION_VARIABLES.has(e[1] ?? ''))
                return;
            const p = /^Parameters\.(.+)$/.exec(ref);
            if (p && params.has(p[1] ?? ''))
                return;
            if (/^PipelineExperimentConfig\.(ExperimentName|TrialName)$/.test(ref))
                return;
            fail('definition-bad-reference', s.Name, `${s.Name} refers to \`${ref}\`, which the pipeline does not define`);
        });
    }
    const cycle = findCycle([...steps.keys()], edges);
    if (cycle)
        fail('definition-cycle', cycle[0], `the compiled steps form a cycle: ${cycle.join(' → ')}`);
    return out;
}
/** A Condition's conditions: known types, and numbers (or numeric expressions) where they are compared. */
function checkCondition(s, paramTypes, fail) {
    const list = s.Arguments.Conditions;
    if (!Array.isArray(list) || list.length === 0)
        return fail('definition-condition', s.Name, `${s.Name}: a Condition step needs a non-empty Conditions list`);
    for (const k of ['IfSteps', 'ElseSteps'])
        if (!Array.isArray(s.Arguments[k]))
            fail('definition-condition', s.Name, `${s.Name}: ${k} must be a list`);
    if (s.RetryPolicies || s.CacheConfig)
        fail('definition-condition', s.Name, `${s.Name}: a Condition step takes no RetryPolicies or CacheConfig`);
    for (const c of list) {
        const cond = (c ?? {});
        const type = String(cond.Type);
        if (!CONDITIONS.has(type)) {
            fail('definition-condition', s.Name, `${s.Name}: unknown condition type \`${type}\``);
            continue;
        }
        if (!NUMERIC_CONDITIONS.has(type))
            continue;
        for (const side of ['LeftValue', 'RightValue']) {
            const v = cond[side];
            const param = (0,expressions/* isExpression */.BH)(v) && 'Get' in v ? /^Parameters\.(.+)$/.exec(v.Get)?.[1] : undefined;
            const type2 = param ? paramTypes.get(param) : undefined;
            const jsonGet = (0,expressions/* isExpression */.BH)(v) && 'Std:JsonGet' in v;
            const ok = typeof v === 'number' ||
                (jsonGet && typeof v['Std:JsonGet'].Path === 'string' && v['Std:JsonGet'].Path !== '') ||
                (param !== undefined && (type2 === 'Integer' || type2 === 'Float')) ||
                ((0,expressions/* isExpression */.BH)(v) && 'Get' in v && !param);
            if (!ok)
                fail('definition-condition-operand', s.Name, `${s.Name}: ${type} compares numbers, but its ${side} is ${param ? `the ${type2 ?? 'undeclared'} parameter ${param}` : JSON.stringify(v)}`);
        }
    }
}
function outputsOf(s) {
    const cfg = s.Arguments.ProcessingOutputConfig;
    return (cfg?.Outputs ?? []).map((o) => String(o.OutputName));
}
function walk(v, visit) {
    visit(v);
    if (Array.isArray(v))
        for (const x of v)
            walk(x, visit);
    else if (v && typeof v === 'object')
        for (const x of Object.values(v))
            walk(x, visit);
}

;// CONCATENATED MODULE: ./lib/compile/compile.js
// The compile phase: ProjectConfig → pipeline definition + code artifacts, offline.
// Reads as the pipeline: build steps per unit → wire DependsOn → top level → size → verify.






















/** The SDK sends definitions of 100 KiB and more through S3 (PipelineDefinitionS3Location); so do we. */
const INLINE_DEFINITION_LIMIT = 100 * 1024;
/** Regions where the SDK writes the default PipelineExperimentConfig (else `null`). */
const EXPERIMENT_REGIONS = new Set('us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 eu-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 eu-south-1 eu-south-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-south-1 ap-east-1 sa-east-1 af-south-1 me-south-1 il-central-1 cn-north-1 cn-northwest-1'.split(' '));
function compileProject(config, options = {}) {
    const bag = new DiagnosticBag();
    const bindings = (0,model_packages/* packageBindings */.F4)(config, options.packages);
    const ctx = {
        config,
        settings: config.settings,
        pipeline: config.pipeline.name,
        code: new CodeArtifacts(config, config.settings.bucket, config.pipeline.name),
        bag,
        steps: (0,context/* stepIndex */.B)(config),
        parameters: new parameters/* ParameterSet */.y0(config.pipeline.parameters),
        packages: new Map(bindings.map((b) => [b.model, b])),
    };
    const expansions = new Map();
    const links = unitLinks(config.pipeline.units);
    const containers = new Map();
    for (const step of (0,types/* allSteps */.Bd)(config.pipeline)) {
        try {
            const stepLinks = links.get(step.name) ?? {};
            const built = buildStep(ctx, step, stepLinks, containers).map((s) => withRetryPolicies({ ...s, Arguments: (0,parameters/* resolveParameterRefs */.mo)(s.Arguments, ctx.parameters) }, retryPolicies(s, step, config.pipeline.retry)));
            expansions.set(step.name, step.qualityGate ? [(0,condition/* qualityGateStep */.Lg)(ctx, step, stepLinks, built)] : built);
        }
        catch (err) {
            if (err instanceof common/* CompileError */.mQ)
                bag.error('compile', err.step.loc, err.step.path, err.message);
            else if (err instanceof bundle/* BundleError */.rJ) {
                const m = (0,context/* modelOf */.D)(ctx, step);
                bag.error('bundle', m.sourceDirectoryLoc, `conf.models.${m.name}.source_directory`, err.message);
            }
            else if (err instanceof parameters/* ParameterClash */.d8)
                bag.error('parameter-clash', step.loc, step.path, err.message);
            else
                throw err;
        }
    }
    addWarnings(ctx);
    if (bag.hasErrors)
        return { plan: undefined, diagnostics: bag.sorted() };
    const origins = new Map();
    const steps = [];
    const dependsOn = dependencies(config, expansions);
    for (const step of (0,types/* allSteps */.Bd)(config.pipeline)) {
        const expanded = expansions.get(step.name) ?? [];
        for (const s of (0,branches/* allDefinitionSteps */.EX)(expanded))
            origins.set(s.Name, { step: s.Name, model: step.model, configured: step.name, loc: step.loc });
        expanded.forEach((s, i) => {
            // The first sub-step carries the configured step's dependencies; the others follow it through data.
            const deps = i === 0 ? dependsOn.get(step.name) : undefined;
            steps.push(deps && deps.length > 0 ? withDependsOn(s, deps) : s);
        });
    }
    const definition = {
        Version: '2020-12-01',
        Metadata: {},
        Parameters: (0,parameters/* parameterDefinitions */.i3)(ctx.parameters.all()),
        PipelineExperimentConfig: EXPERIMENT_REGIONS.has(ctx.settings.region)
            ? { ExperimentName: (0,expressions/* get */.Jt)('Execution.PipelineName'), TrialName: (0,expressions/* get */.Jt)('Execution.PipelineExecutionId') }
            : null,
        Steps: steps,
    };
    const definitionJson = JSON.stringify(definition);
    for (const d of verifyDefinition(definition, origins))
        bag.add(d);
    const schedule = (0,compile_schedule/* scheduleSpec */.Xc)(ctx.pipeline, config.pipeline.schedule, ctx.parameters.all(), bag);
    if (bag.hasErrors)
        return { plan: undefined, diagnostics: bag.sorted() };
    const artifacts = ctx.code.all();
    let definitionS3;
    const size = Buffer.byteLength(definitionJson, 'utf8');
    if (size >= INLINE_DEFINITION_LIMIT) {
        const bytes = new TextEncoder().encode(definitionJson);
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        const key = `${ctx.pipeline}/definition/${sha256}.json`;
        definitionS3 = { bucket: ctx.settings.bucket, key };
        artifacts.push({
            kind: 'definition',
            s3Uri: `s3://${ctx.settings.bucket}/${key}`,
            bucket: ctx.settings.bucket,
            key,
            contentSha256: sha256,
            bytes: bytes.length,
            source: { type: 'bytes', bytes },
            description: `pipeline definition (${size} bytes ≥ 100 KiB: sent through S3)`,
        });
        bag.warning('definition-via-s3', null, 'definition', `the definition is ${size} bytes: it is uploaded to S3 and passed as PipelineDefinitionS3Location, as the SageMaker SDK does above 100 KiB`);
        if (definitionJson.length >= MAX_DEFINITION_CHARS) {
            bag.warning('definition-large', null, 'definition', `the definition is ${definitionJson.length} characters, more than the ${MAX_DEFINITION_CHARS} SageMaker documents for an inline PipelineDefinition; it goes through PipelineDefinitionS3Location, for which no limit is documented, so SageMaker may still refuse it: split the pipeline if CreatePipeline fails`);
        }
    }
    return {
        plan: {
            pipelineName: ctx.pipeline,
            definition,
            definitionJson,
            definitionS3,
            artifacts,
            warnings: bag.warnings,
            origins,
            parameters: ctx.parameters.all(),
            modelPackages: bindings,
            schedule,
        },
        diagnostics: bag.sorted(),
    };
}
function buildStep(ctx, step, links, containers) {
    switch (step.stepClass) {
        case 'Processing':
            return [processingStep(ctx, step)];
        case 'Training':
            return [trainingStep(ctx, step)];
        case 'CreateModel': {
            const r = createModelStep(ctx, step, links);
            if (r.container)
                containers.set(step.name, r.container);
            return r.steps;
        }
        case 'Transform':
            return [transformStep(ctx, step, links)];
        case 'Metrics':
            return [metricsStep(ctx, step)];
        case 'RegisterModel': {
            const created = links.CreateModel ? containers.get(links.CreateModel.name) : undefined;
            // Reuse the CreateModel container only when it serves the same training the register step would.
            const same = created && links.CreateModel && links.Training && links.CreateModel.index > links.Training.index;
            return registerModelStep(ctx, step, links, same ? created : undefined);
        }
    }
}
/** DependsOn per configured step: every compiled name of each upstream step, in `dependencies` order. */
function dependencies(config, expansions) {
    const out = new Map();
    for (const edge of config.pipeline.dependencies) {
        const list = out.get(edge.to) ?? [];
        for (const s of expansions.get(edge.from) ?? [])
            if (!list.includes(s.Name))
                list.push(s.Name);
        out.set(edge.to, list);
    }
    return out;
}
function withDependsOn(step, deps) {
    // Rebuilt to keep the SDK's key order: Name, Type, Arguments, DependsOn, then the rest.
    const { Name, Type, Arguments, ...rest } = step;
    return { Name, Type, Arguments, DependsOn: [...deps], ...rest };
}
function addWarnings(ctx) {
    const steps = (0,types/* allSteps */.Bd)(ctx.config.pipeline);
    const uncached = steps.filter((s) => (s.stepClass === 'Processing' || s.stepClass === 'Training') && !s.cacheConfigured);
    if (uncached.length > 0) {
        ctx.bag.warning('caching-changed', uncached[0]?.loc ?? null, 'enable_cache', `not cached: ${uncached.map((s) => `\`${s.name}\``).join(', ')} (the old framework cached every Processing and Training step for 10 days whatever enable_cache said; smp honours it). To keep caching, add \`enable_cache: True\` to those steps`);
    }
    for (const s of steps) {
        if (s.enableCache && (s.stepClass === 'CreateModel' || s.stepClass === 'RegisterModel')) {
            ctx.bag.warning('cache-ignored', s.loc, s.path, `${s.name}: enable_cache has no effect on a ${s.stepClass} step (SageMaker does not cache them)`);
        }
    }
    if (ctx.settings.kmsKey) {
        const skipped = steps.filter((s) => {
            const section = (0,common/* sectionOf */.ZE)(ctx, s);
            return section?.instanceType !== undefined && common/* LOCAL_STORAGE_NOTE */.Hq.test(section.instanceType);
        });
        for (const s of skipped) {
            ctx.bag.warning('volume-kms-skipped', s.loc, s.path, `${s.name}: its instance type has local NVMe storage, which SageMaker encrypts itself; SMP_KMSKEY is not set as the volume key there`);
        }
    }
}

// EXTERNAL MODULE: ./lib/config/paths.js
var paths = __webpack_require__(6446);
;// CONCATENATED MODULE: ./lib/config/file-text.js
// A config file's bytes to text, refusing what is not a UTF-8 text file with one positioned message: FIFOs and
// devices (never opened for a blocking read), files over the size cap (checked before reading, so a sparse
// multi-GiB file costs nothing), UTF-16/32, invalid UTF-8 (the first bad byte), NUL characters. CR-only line
// endings (old Mac files) are read as line breaks, so positions count lines as editors do.

/** Largest config file we read: real ones are a few KiB; this keeps a stray data file from hanging the parser. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Reads `abs` (shown as `file`); undefined after reporting why it cannot be a config file. */
function readConfigFile(abs, file, bag) {
    const start = { file, line: 1, col: 1 };
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW is not used, since the finder has
        // already checked that the real path is inside the workspace.
        fd = (0,external_node_fs_.openSync)(abs, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (err) {
        bag.error('unreadable-file', null, '', `cannot read ${file}: ${errorText(err)}`);
        return undefined;
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile()) {
            bag.error('not-a-file', start, '', `${file} is not a regular file (a FIFO, socket or device); configs are files`);
            return undefined;
        }
        if (st.size > MAX_CONFIG_BYTES) {
            bag.error('file-too-large', start, '', `${file} is ${st.size} bytes: config files larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB are refused`);
            return undefined;
        }
        const buf = Buffer.alloc(st.size);
        let n = 0;
        while (n < buf.length) {
            const got = (0,external_node_fs_.readSync)(fd, buf, n, buf.length - n, n);
            if (got === 0)
                break;
            n += got;
        }
        return decodeConfigBytes(buf.subarray(0, n), file, bag);
    }
    catch (err) {
        bag.error('unreadable-file', null, '', `cannot read ${file}: ${errorText(err)}`);
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** UTF-8 text of `bytes`, or undefined after one positioned error saying what the file is instead. */
function decodeConfigBytes(bytes, file, bag) {
    const utf16 = utf16Kind(bytes);
    if (utf16) {
        bag.error('not-utf8', { file, line: 1, col: 1 }, '', `${file} is ${utf16}, not UTF-8: save it as UTF-8 (most editors: "Save with Encoding" → UTF-8)`);
        return undefined;
    }
    const bad = firstInvalidUtf8(bytes);
    if (bad !== undefined) {
        bag.error('not-utf8', byteLoc(bytes, bad, file), '', `invalid UTF-8 at byte ${bad} (0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}): config files must be UTF-8 text; re-save it as UTF-8`);
        return undefined;
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
        bag.error('nul-character', byteLoc(bytes, nul, file), '', `a NUL character (\\x00) at byte ${nul}: config files are text; remove it (is this a binary file?)`);
        return undefined;
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // A BOM is fine (Windows editors write one); lone CRs are line breaks, as YAML itself says.
    return text.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n');
}
/** `UTF-16 (little-endian)` etc. when the bytes look like UTF-16 or UTF-32 (a BOM, or NULs beside ASCII). */
function utf16Kind(b) {
    if (b[0] === 0xff && b[1] === 0xfe)
        return b[2] === 0 && b[3] === 0 ? 'UTF-32' : 'UTF-16 (little-endian)';
    if (b[0] === 0xfe && b[1] === 0xff)
        return 'UTF-16 (big-endian)';
    if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
        return 'UTF-32';
    // Without a BOM: ASCII text in UTF-16 has a NUL in every other byte.
    if (b.length >= 4 && b.length % 2 === 0) {
        if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0)
            return 'UTF-16 (little-endian)';
        if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0)
            return 'UTF-16 (big-endian)';
    }
    return undefined;
}
/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or undefined. */
function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (c >= 0xc2 && c <= 0xdf)
            [need, min] = [1, 0x80];
        else if (c >= 0xe0 && c <= 0xef)
            [need, min] = [2, 0x800];
        else if (c >= 0xf0 && c <= 0xf4)
            [need, min] = [3, 0x10000];
        else
            return i;
        let cp = c & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const d = b[i + k];
            if (d === undefined || (d & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (d & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
            return i;
        i += need + 1;
    }
    return undefined;
}
/** 1-based line and column (in characters) of byte `offset`; the bytes before it are valid UTF-8. */
function byteLoc(b, offset, file) {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < offset; i++) {
        if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) {
            line++;
            lineStart = i + 1;
        }
    }
    const col = Buffer.from(b.subarray(lineStart, offset)).toString('utf8').length + 1;
    return { file, line, col };
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}

// EXTERNAL MODULE: ./lib/config/find.js + 1 modules
var find = __webpack_require__(7914);
;// CONCATENATED MODULE: ./lib/config/interpolate.js

const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
// The contract writes SMP_[A-Z_]+, but real names carry digits (SMP_S3BUCKETNAME).
const SMP_TOKEN = /^SMP_[A-Z0-9_]+$/;
/** Returns a new tree with every string scalar substituted; errors for unset variables go to `bag`. */
function interpolateTree(node, env, bag, path = '') {
    switch (node.kind) {
        case 'scalar':
            return typeof node.value === 'string' ? interpolateScalar(node, env, bag, path) : node;
        case 'seq':
            return { ...node, items: node.items.map((n, i) => interpolateTree(n, env, bag, `${path}[${i}]`)) };
        case 'map':
            return {
                ...node,
                entries: node.entries.map((e) => ({
                    ...e,
                    value: interpolateTree(e.value, env, bag, path ? `${path}.${e.key}` : e.key),
                })),
            };
    }
}
/** Own, set variables only: `${constructor}` must not read Object.prototype. */
function lookup(env, name) {
    return Object.hasOwn(env, name) ? env[name] : undefined;
}
function interpolateScalar(node, env, bag, path) {
    const original = node.value;
    // One pass over what the author wrote: `${…}` references become held pieces while the legacy rule runs on
    // the written text only, so a variable's value is never substituted again (no in-band placeholders).
    const pieces = substituteBraced(original, env, node.loc, bag, path);
    const value = substituteLegacy(pieces, original, env, node.loc, bag, path);
    return value === original ? node : { ...node, value };
}
/** Newlines and control characters in a variable's value would reach AWS broken: refuse them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Whether a set variable's value can be used; reports why not at the scalar's position. */
function usable(name, v, s, loc, bag, path) {
    if (v.trim() === '') {
        bag.error('empty-variable', loc, path, `${path}: environment variable ${name} (in \`${(0,visible/* shown */.SP)(s)}\`) is set to the empty string; give it a value`);
        return false;
    }
    const m = CONTROL.exec(v);
    if (m) {
        bag.error('bad-variable-value', loc, path, `${path}: environment variable ${name} (in \`${(0,visible/* shown */.SP)(s)}\`) holds ${m[0] === '\n' ? 'a newline' : `the control character ${(0,visible/* visible */.RK)(m[0])}`}; a value is one line of text`);
        return false;
    }
    return true;
}
/** `${VAR}` anywhere; `$${` stays a literal `${`. */
function substituteBraced(s, env, loc, bag, path) {
    const pieces = [];
    let last = 0;
    const literal = (text) => {
        if (text !== '')
            pieces.push({ text, held: false });
    };
    for (const m of s.matchAll(/\$?\$\{([^}]*)\}/g)) {
        const match = m[0];
        const name = m[1] ?? '';
        literal(s.slice(last, m.index));
        last = m.index + match.length;
        // Pipeline parameter references (and their `$$` escapes) are the compiler's: see config/parameters.ts.
        if (name.startsWith('param:')) {
            literal(match);
            continue;
        }
        if (match.startsWith('$$')) {
            literal(match.slice(1));
            continue;
        }
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            bag.error('bad-variable', loc, path, `\`${(0,visible/* shown */.SP)(match)}\` is not a variable reference: names are letters, digits and _`);
            literal(match);
            continue;
        }
        const v = lookup(env, name);
        if (v === undefined) {
            bag.error('unset-variable', loc, path, `${path}: environment variable ${name} (in \`${(0,visible/* shown */.SP)(s)}\`) is not set`);
            literal(match);
            continue;
        }
        if (!usable(name, v, s, loc, bag, path)) {
            literal(match);
            continue;
        }
        pieces.push({ text: v, held: true });
    }
    literal(s.slice(last));
    return pieces;
}
/**
 * The old framework's rule: split on `.` (on `/` for s3:// URIs) and replace each part that is exactly the
 * name of a set variable. An unset `SMP_…` part is an error (the old code left it to fail inside AWS). Parts
 * holding a `${…}` value are never replaced.
 */
function substituteLegacy(pieces, s, env, loc, bag, path) {
    const first = pieces[0];
    const sep = first && !first.held && first.text.startsWith('s3://') ? '/' : '.';
    const parts = [{ text: '', literal: true }];
    for (const p of pieces) {
        const segments = p.held ? [p.text] : p.text.split(sep);
        segments.forEach((t, i) => {
            if (i > 0)
                parts.push({ text: '', literal: true });
            const part = parts[parts.length - 1];
            part.text += t;
            if (p.held)
                part.literal = false;
        });
    }
    const out = parts.map(({ text: part, literal }) => {
        if (!literal || !VARIABLE_NAME.test(part))
            return part;
        const v = lookup(env, part);
        if (v === undefined) {
            if (SMP_TOKEN.test(part)) {
                bag.error('unset-variable', loc, path, `${path}: \`${part}\` in \`${(0,visible/* shown */.SP)(s)}\` looks like a setting but the environment variable ${part} is not set`);
            }
            return part;
        }
        if (!usable(part, v, s, loc, bag, path))
            return part;
        if (!part.startsWith('SMP_')) {
            bag.warning('legacy-substitution', loc, path, `${path}: \`${part}\` in \`${(0,visible/* shown */.SP)(s)}\` was replaced by the value of the environment variable ${part} (old framework rule); write \${${part}} to make that explicit`);
        }
        return v;
    });
    return out.join(sep);
}

// EXTERNAL MODULE: ./lib/config/tree.js
var tree = __webpack_require__(7372);
;// CONCATENATED MODULE: ./lib/config/merge.js


function mergeFiles(files, bag) {
    const models = new Map();
    const pipelines = [];
    let confs = 0;
    for (const { file, root } of files) {
        if (root === null)
            continue;
        const conf = confOf(root, file, bag);
        if (!conf)
            continue;
        confs++;
        const modelsEntry = (0,tree/* entry */.f_)(conf, 'models');
        if (modelsEntry && modelsEntry.value.kind === 'seq') {
            bag.error('models-not-mapping', modelsEntry.value.loc, 'conf.models', 'conf.models is a list: write it as a mapping from model name to settings (`m:` with its settings indented below, no `-`)');
        }
        else if (modelsEntry && modelsEntry.value.kind === 'map') {
            for (const m of modelsEntry.value.entries)
                mergeModel(models, m, file, bag);
        }
        const p = (0,tree/* entry */.f_)(conf, 'sagemakerPipeline');
        if (p)
            pipelines.push({ node: p.value, file, keyLoc: p.keyLoc });
    }
    // Only when every file had a usable `conf`: otherwise that error already explains the missing section.
    if (pipelines.length === 0 && confs > 0 && confs === files.filter((f) => f.root !== null).length) {
        bag.error('no-pipeline-section', null, 'conf.sagemakerPipeline', `none of the ${files.length} config file(s) has conf.sagemakerPipeline: exactly one file (the anchor model's) must define the pipeline (pipelineName, models, dependencies)`);
    }
    const first = pipelines[0];
    for (const other of pipelines.slice(1)) {
        if (first && JSON.stringify((0,tree/* toPlain */.Ul)(first.node)) !== JSON.stringify((0,tree/* toPlain */.Ul)(other.node))) {
            bag.error('duplicate-pipeline-section', other.keyLoc, 'conf.sagemakerPipeline', `conf.sagemakerPipeline is defined in both ${first.file}:${first.keyLoc.line} and ${other.file}:${other.keyLoc.line} with different contents: keep it in one file (the anchor model's)`);
        }
        else if (first) {
            bag.warning('repeated-pipeline-section', other.keyLoc, 'conf.sagemakerPipeline', `conf.sagemakerPipeline is repeated (identical to ${first.file}:${first.keyLoc.line}): keep it in one file`);
        }
    }
    return { models, pipeline: first };
}
function confOf(root, file, bag) {
    if (root.kind !== 'map') {
        bag.error('root-not-mapping', root.loc, '', `expected a mapping with the root key \`conf\` in ${file}`);
        return undefined;
    }
    const conf = (0,tree/* entry */.f_)(root, 'conf');
    if (!conf) {
        const keys = root.entries.map((e) => e.key);
        const hint = keys.length > 0 ? (0,suggest/* didYouMean */.au)(keys[0] ?? '', ['conf']) : '';
        bag.error('missing-conf', root.loc, 'conf', `missing root key \`conf\` (holding \`models\` and \`sagemakerPipeline\`)${hint}`);
        return undefined;
    }
    if (conf.value.kind !== 'map') {
        bag.error('conf-not-mapping', conf.value.loc, 'conf', 'conf must be a mapping with `models` and/or `sagemakerPipeline`');
        return undefined;
    }
    return conf.value;
}
function mergeModel(models, m, file, bag) {
    if (m.value.kind !== 'map') {
        bag.error('model-not-mapping', m.value.loc, `conf.models.${m.key}`, `conf.models.${m.key} must be a mapping (source_directory, train, …)`);
        return;
    }
    const prev = models.get(m.key);
    if (!prev) {
        models.set(m.key, { node: m.value, file, keyLoc: m.keyLoc });
        return;
    }
    // The contract: the later file's top-level keys of that model override the earlier ones.
    const overridden = m.value.entries
        .filter((e) => prev.node.entries.some((p) => p.key === e.key))
        .map((e) => e.key);
    const entries = [...prev.node.entries.filter((p) => !overridden.includes(p.key)), ...m.value.entries];
    bag.warning('model-redefined', m.keyLoc, `conf.models.${m.key}`, `model \`${m.key}\` is also defined in ${prev.file}:${prev.keyLoc.line}; this file's keys override it${overridden.length ? ` (${overridden.join(', ')})` : ''}`);
    models.set(m.key, { node: { kind: 'map', loc: m.value.loc, entries }, file, keyLoc: m.keyLoc });
}

// EXTERNAL MODULE: ./lib/config/normalize.js
var normalize = __webpack_require__(5697);
;// CONCATENATED MODULE: ./lib/config/parameters.js





function buildParameters(input, node, bag) {
    if (!input)
        return [];
    const base = ['conf', 'sagemakerPipeline', 'parameters'];
    return (0,normalize/* inFileOrder */.w$)(input, node).map(([name, p]) => {
        const at = (key) => {
            const l = (0,tree/* locate */.x5)(node, [name, key]);
            return l.found ? l.node.loc : (l.keyLoc ?? node.loc);
        };
        const where = (0,tree/* formatPath */.jV)([...base, name]);
        const d = p.default;
        const ok = p.type === 'String'
            ? typeof d === 'string'
            : p.type === 'Boolean'
                ? typeof d === 'boolean'
                : p.type === 'Integer'
                    ? typeof d === 'number' && Number.isSafeInteger(d)
                    : typeof d === 'number' && Number.isFinite(d);
        if (!ok) {
            bag.error('parameter-default-type', at('default'), `${where}.default`, `${where}.default: ${JSON.stringify(d)} is not a${p.type === 'Integer' ? 'n' : ''} ${p.type}${typeof d === 'string' && p.type !== 'String' ? ' (write it without quotes)' : ''}`);
        }
        if (p.enum !== undefined) {
            if (p.type !== 'String') {
                bag.error('parameter-enum-type', at('enum'), `${where}.enum`, `${where}.enum: only String parameters take enum (this one is ${p.type})`);
            }
            else if (typeof d === 'string' && !p.enum.includes(d)) {
                bag.error('parameter-default-enum', at('default'), `${where}.default`, `${where}.default: \`${d}\` is not one of its enum values ${p.enum.map((v) => `\`${v}\``).join(', ')}`);
            }
        }
        const keyLoc = (0,tree/* locate */.x5)(node, [name]).keyLoc ?? node.loc;
        return { name, type: p.type, default: d, enum: p.enum, loc: keyLoc };
    });
}
// Positions where SageMaker resolves a value at run time: the job sections (but their entry points,
// job-name prefixes, input names and tag keys), the registry's package fields and quality gate thresholds. Everything else
// (source_directory, step names, pipelineName, dependencies, the group to create) must be known at plan time.
const RUNTIME_SECTIONS = new Set(['preprocess', 'train', 'evaluate', 'transform', 'registry']);
const PLAN_TIME_KEYS = new Set([
    'entry_point',
    'base_job_name',
    'sourceName',
    'Key',
    'ModelRepack',
    'ModelPackageGroupName',
    'ModelPackageGroupDescription',
]);
function runtimePosition(path) {
    // …steps[i].quality_gate[j].min / max: a threshold compared at run time.
    const last = path[path.length - 1];
    if (path.includes('quality_gate') && (last === 'min' || last === 'max'))
        return true;
    // conf.models.<model>.<section>...
    if (path[0] !== 'conf' || path[1] !== 'models' || path.length < 5)
        return false;
    if (!RUNTIME_SECTIONS.has(String(path[3])))
        return false;
    return !path.some((seg) => typeof seg === 'string' && PLAN_TIME_KEYS.has(seg));
}
/**
 * Checks every `${param:…}` reference: declared, well formed, in a run-time position; a whole-value
 * reference in `instance_type` must be a String parameter whose default and enum values are instance
 * types. Declared parameters nothing references get a warning.
 */
function checkParameterRefs(trees, params, bag) {
    const byName = new Map(params.map((p) => [p.name, p]));
    const used = new Set();
    const visit = (node, path) => {
        if (node.kind === 'map')
            for (const e of node.entries)
                visit(e.value, [...path, e.key]);
        else if (node.kind === 'seq')
            node.items.forEach((n, i) => visit(n, [...path, i]));
        else if (typeof node.value === 'string' && node.value.includes('{param:'))
            checkScalar(node.value, node.loc, path);
    };
    const checkScalar = (value, loc, path) => {
        const where = (0,tree/* formatPath */.jV)(path);
        for (const m of value.matchAll(parameter_syntax/* PARAM_REF */._g)) {
            if (m[0].startsWith('$$'))
                continue;
            const name = m[1] ?? '';
            if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
                bag.error('bad-parameter-reference', loc, where, `${where}: \`${m[0]}\` is not a parameter reference: names are letters, digits, - and _ (at most 64)`);
                continue;
            }
            const p = byName.get(name);
            if (!p) {
                bag.error('undeclared-parameter', loc, where, `${where}: parameter \`${name}\` is not declared: add it under conf.sagemakerPipeline.parameters (with type and default)${(0,suggest/* didYouMean */.au)(name, byName.keys())}`);
                continue;
            }
            used.add(name);
            if (!runtimePosition(path)) {
                bag.error('parameter-not-allowed', loc, where, `${where}: \`${m[0]}\` cannot be used here: this value must be known when the plan is made (parameters work in job sections, channels, hyperparameters, env, tag values and registry fields)`);
                continue;
            }
            if (path[path.length - 1] === 'instance_type') {
                const values = [p.default, ...(p.enum ?? [])];
                if (p.type !== 'String' || values.some((v) => typeof v !== 'string' || !schema/* INSTANCE_TYPE */.Hc.test(v))) {
                    bag.error('parameter-type-mismatch', loc, where, `${where}: parameter \`${name}\` must be a String whose default and enum values are instance types like ml.m5.xlarge`);
                }
            }
        }
    };
    for (const t of trees)
        visit(t.node, [...t.base]);
    for (const p of params) {
        if (!used.has(p.name)) {
            bag.warning('unused-parameter', p.loc, `conf.sagemakerPipeline.parameters.${p.name}`, `parameter \`${p.name}\` is declared but no value uses \${param:${p.name}}: it is still in the definition and can be set at run time`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./lib/config/read.js
// Read one YAML or JSON config file into a positioned tree (JSON is YAML, so one parser serves both).


/** Keys that could reach an object's prototype chain if a careless consumer assigned them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** C0 controls but tab, LF and CR, and DEL: text never needs them. */
// eslint-disable-next-line no-control-regex
const read_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Alias expansions allowed per document before it counts as an expansion bomb (yaml's own check). */
const MAX_ALIAS_COUNT = 100;
/** Nesting depth after alias expansion; real configs stay under 15. */
const MAX_DEPTH = 64;
/**
 * Nesting at which the file is not parsed at all: yaml's composer recurses, and a few hundred levels are still
 * safe, so up to here the converter reports MAX_DEPTH with the file's other errors.
 */
const MAX_PARSE_DEPTH = 200;
function readConfigText(text, file, bag) {
    const lineCounter = new dist/* LineCounter */.HN();
    const at = (offset) => {
        const p = lineCounter.linePos(offset);
        return { file, line: p.line, col: p.col };
    };
    // Before the parser proper, whose composer recurses: 10,000 nested `[` must be an error, not a stack overflow.
    const tokens = new dist/* Parser */.iX(lineCounter.addNewLine).parse(text);
    const tooDeep = firstTooDeep(tokens);
    if (tooDeep !== undefined) {
        bag.error('too-deep', at(tooDeep), '', `nesting deeper than ${MAX_DEPTH} levels (real configs stay under 15); flatten the structure`);
        return { root: null };
    }
    if (/\.json$/i.test(file)) {
        const comment = jsonCommentOffset(text);
        if (comment !== undefined) {
            bag.error('json-comment', at(comment), '', 'JSON has no comments: remove the comment, or write this config as YAML (conf.yaml), where `#` starts a comment');
            return { root: null };
        }
    }
    const doc = (0,dist/* parseDocument */.Tp)(text, { merge: true, uniqueKeys: true, prettyErrors: false });
    const lines = text.split('\n');
    for (const e of doc.errors) {
        const loc = at(e.pos[0]);
        const line = lines[loc.line - 1] ?? '';
        const hint = /^\s*-\s*\[.*>>/.test(line)
            ? ' (a dependency line that starts with `[` must be quoted: - "[a, b] >> c")'
            : '';
        bag.error('yaml-syntax', loc, '', `${explainYamlError(e.code, firstLine(e.message), text, e.pos[0])}${hint}`);
        // One parse error tends to cause more at the same spot or at the end of the file: the first one says it.
        if (hint)
            break;
    }
    if (doc.errors.length > 0)
        return { root: null };
    for (const w of doc.warnings)
        bag.warning('yaml-warning', at(w.pos[0]), '', firstLine(w.message));
    // yaml's toJS enforces maxAliasCount; run it once so alias bombs fail before we expand anything.
    // Other toJS failures (unknown alias, bad merge source) are reported by the converter with positions.
    try {
        doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
    }
    catch (err) {
        if (/alias count/i.test(read_errorText(err))) {
            bag.error('alias-expansion', at(firstAliasOffset(doc)), '', `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} expansions, as in an expansion bomb); write the repeated values out or use fewer aliases`);
            return { root: null };
        }
    }
    if (doc.contents === null)
        return { root: null };
    const converter = new Converter(doc, at, bag);
    return { root: converter.convert(doc.contents, 0, '') };
}
class Converter {
    doc;
    at;
    bag;
    constructor(doc, at, bag) {
        this.doc = doc;
        this.at = at;
        this.bag = bag;
    }
    locOf(node, fallback) {
        const r = node?.range;
        return r ? this.at(r[0]) : fallback;
    }
    convert(node, depth, path, fallback) {
        const loc = this.locOf(node, fallback ?? this.at(0));
        if (depth > MAX_DEPTH) {
            this.bag.error('too-deep', loc, path, `nesting deeper than ${MAX_DEPTH} levels`);
            return { kind: 'scalar', loc, value: null, style: 'implicit' };
        }
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(this.doc);
            if (!target) {
                this.bag.error('yaml-alias', loc, path, `unknown alias *${node.source}`);
                return { kind: 'scalar', loc, value: null, style: 'implicit' };
            }
            return this.convert(target, depth + 1, path, loc);
        }
        if ((0,dist/* isScalar */.jn)(node))
            return this.scalar(node, loc);
        if ((0,dist/* isSeq */.oP)(node)) {
            return {
                kind: 'seq',
                loc,
                items: node.items.map((item, i) => item === null
                    ? { kind: 'scalar', loc, value: null, style: 'implicit' }
                    : this.convert(item, depth + 1, `${path}[${i}]`, loc)),
            };
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const entries = [];
            const merged = [];
            for (const pair of node.items) {
                const keyNode = pair.key;
                const keyLoc = this.locOf(keyNode, loc);
                if ((0,dist/* isScalar */.jn)(keyNode) &&
                    keyNode.type === dist/* Scalar */.X5.PLAIN &&
                    (keyNode.value === '<<' || keyNode.source === '<<')) {
                    // YAML 1.1 merge key (PyYAML, which the old framework used, supports it): explicit keys win.
                    merged.push(...this.mergeSources(pair.value, depth, path, keyLoc));
                    continue;
                }
                if (!(0,dist/* isScalar */.jn)(keyNode)) {
                    this.bag.error('complex-key', keyLoc, path, 'a mapping key must be a plain string');
                    continue;
                }
                const key = keyText(keyNode);
                this.checkControls(key, keyLoc, 'key');
                const childPath = path ? `${path}.${key}` : key;
                if (FORBIDDEN_KEYS.has(key)) {
                    this.bag.error('forbidden-key', keyLoc, childPath, `key \`${key}\` is not allowed (it could alter object prototypes); rename or remove it`);
                    continue;
                }
                const valueNode = pair.value;
                const value = valueNode === null || valueNode === undefined
                    ? { kind: 'scalar', loc: keyLoc, value: null, style: 'implicit' }
                    : this.convert(valueNode, depth + 1, childPath, keyLoc);
                entries.push({ key, keyLoc, value });
            }
            for (const m of merged)
                if (!entries.some((e) => e.key === m.key))
                    entries.push(m);
            return { kind: 'map', loc, entries };
        }
        this.bag.error('yaml-node', loc, path, 'unsupported YAML node');
        return { kind: 'scalar', loc, value: null, style: 'implicit' };
    }
    /** Control characters (a `"\\e"` or `"\\0"` escape) would reach AWS, logs and the comment: refuse them. */
    checkControls(s, loc, what) {
        const m = read_CONTROL.exec(s);
        if (!m)
            return;
        this.bag.error('control-character', loc, '', `this ${what} holds the control character ${(0,visible/* visible */.RK)(m[0])} at character ${m.index + 1} (${(0,visible/* shown */.SP)(s)}): configs hold plain text; remove it`);
    }
    mergeSources(value, depth, path, keyLoc) {
        if (!value)
            return [];
        const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
        const out = [];
        for (const src of sources) {
            const converted = this.convert(src, depth + 1, path, keyLoc);
            if (converted.kind !== 'map') {
                this.bag.error('yaml-merge', keyLoc, path, 'a `<<` merge key must refer to a mapping');
                continue;
            }
            // Earlier sources win over later ones, as in YAML 1.1.
            for (const e of converted.entries)
                if (!out.some((o) => o.key === e.key))
                    out.push(e);
        }
        return out;
    }
    scalar(node, loc) {
        const v = node.value;
        if (typeof v === 'string')
            this.checkControls(v, loc, 'value');
        const value = v === null || v === undefined
            ? null
            : typeof v === 'string' || typeof v === 'boolean'
                ? v
                : typeof v === 'number'
                    ? v
                    : typeof v === 'bigint'
                        ? Number(v)
                        : String(v);
        return {
            kind: 'scalar',
            loc,
            value,
            style: styleOf(node),
            ...(typeof node.source === 'string' ? { source: node.source } : {}),
        };
    }
}
function styleOf(node) {
    switch (node.type) {
        case dist/* Scalar */.X5.PLAIN:
            return 'plain';
        case dist/* Scalar */.X5.QUOTE_SINGLE:
            return 'single';
        case dist/* Scalar */.X5.QUOTE_DOUBLE:
            return 'double';
        case dist/* Scalar */.X5.BLOCK_FOLDED:
        case dist/* Scalar */.X5.BLOCK_LITERAL:
            return 'block';
        default:
            return 'implicit';
    }
}
function keyText(node) {
    if (typeof node.value === 'string')
        return node.value;
    // `1:` or `true:` as keys: keep what the author wrote.
    return typeof node.source === 'string' ? node.source : String(node.value);
}
function explainYamlError(code, message, text, offset) {
    if (code === 'DUPLICATE_KEY') {
        const key = /^\s*["']?([^"':]+)/.exec(text.slice(offset))?.[1]?.trim();
        return `duplicate key${key ? ` \`${key}\`` : ''}: a key may appear only once in a mapping (the old framework silently kept the last one)`;
    }
    return message;
}
/** Offset of the first collection nested deeper than MAX_PARSE_DEPTH in the concrete syntax tree (iteratively). */
function firstTooDeep(tokens) {
    const stack = [];
    for (const t of tokens)
        stack.push([t, 0]);
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (depth > MAX_PARSE_DEPTH)
            return node.offset ?? 0;
        if (node.type === 'document' && node.value)
            stack.push([node.value, depth]);
        for (const item of node.items ?? []) {
            if (item.key)
                stack.push([item.key, depth + 1]);
            if (item.value)
                stack.push([item.value, depth + 1]);
        }
    }
    return undefined;
}
/** Offset of a `//` or `/*` comment in JSON text (outside strings), or undefined. */
function jsonCommentOffset(text) {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
            return i;
    }
    return undefined;
}
function firstAliasOffset(doc) {
    let offset = 0;
    (0,dist/* visit */.YR)(doc, {
        Alias(_, node) {
            offset = node.range?.[0] ?? 0;
            return dist/* visit */.YR.BREAK;
        },
    });
    return offset;
}
function firstLine(s) {
    return s.split('\n')[0]?.trim() ?? s;
}
function read_errorText(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./lib/config/step-extensions.js



/** Step classes whose step runs a SageMaker job (the only ones SageMaker.* retry exceptions apply to). */
const JOB_STEP_CLASSES = ['Processing', 'Training', 'Transform', 'Metrics'];
const ALL_EXCEPTIONS = [...schema/* STEP_EXCEPTIONS */.Op, ...schema/* JOB_EXCEPTIONS */.ZL];
function readStepExtensions(s, cls, rel, node, at, bag) {
    const out = {};
    if (s.quality_gate) {
        const keyLoc = (0,tree/* locate */.x5)(node, [...rel, 'quality_gate']).keyLoc ?? at(rel).loc;
        if (cls !== 'RegisterModel') {
            const a = at([...rel, 'quality_gate']);
            bag.error('quality-gate-not-register', keyLoc, a.path, `${a.path}: a quality gate guards a RegisterModel step; this is a ${cls} step`);
        }
        else {
            out.qualityGateLoc = keyLoc;
            out.qualityGate = s.quality_gate.map((g, i) => {
                const r = [...rel, 'quality_gate', i];
                const a = at(r);
                if (g.min === undefined && g.max === undefined)
                    bag.error('quality-gate-no-bound', a.loc, a.path, `${a.path}: give min (the metric must be at least this) or max (at most this), or both`);
                if (typeof g.min === 'number' && typeof g.max === 'number' && g.min > g.max)
                    bag.error('quality-gate-empty-range', at([...r, 'min']).loc, `${a.path}.min`, `${a.path}: min ${g.min} is above max ${g.max}: no value passes`);
                return {
                    metric: g.metric,
                    min: threshold(g.min, (0,tree/* locate */.x5)(node, [...r, 'min']).node),
                    max: threshold(g.max, (0,tree/* locate */.x5)(node, [...r, 'max']).node),
                    loc: a.loc,
                };
            });
        }
    }
    if (s.retry)
        out.retry = readRetry(s.retry, [...rel, 'retry'], at, bag, cls);
    return out;
}
function threshold(v, node) {
    if (v === undefined)
        return undefined;
    if (typeof v === 'string')
        return { kind: 'parameter', name: v.slice('${param:'.length, -1) };
    // The number as written (`0.80`), for the failure message.
    const text = node.kind === 'scalar' && node.source !== undefined ? node.source : String(v);
    return { kind: 'number', value: v, text };
}
/** Retry policies at `rel`; `cls` set for a step's own list (job exceptions are refused on non-job steps). */
function readRetry(list, rel, at, bag, cls) {
    return list.map((r, i) => {
        const a = at([...rel, i]);
        const exceptions = [];
        r.exceptions.forEach((e, j) => {
            const ea = at([...rel, i, 'exceptions', j]);
            if (!ALL_EXCEPTIONS.includes(e)) {
                bag.error('unknown-retry-exception', ea.loc, ea.path, `${ea.path}: unknown exception type \`${e}\`: use ${ALL_EXCEPTIONS.join(', ')}${(0,suggest/* didYouMean */.au)(e, ALL_EXCEPTIONS)}`);
            }
            else if (cls && !JOB_STEP_CLASSES.includes(cls) && e.startsWith('SageMaker.')) {
                bag.error('job-exception-on-non-job-step', ea.loc, ea.path, `${ea.path}: \`${e}\` is a job exception, but a ${cls} step runs no job: use ${schema/* STEP_EXCEPTIONS */.Op.join(' or ')}`);
            }
            else if (!exceptions.includes(e))
                exceptions.push(e);
        });
        if ((r.max_attempts === undefined) === (r.expire_after_minutes === undefined))
            bag.error('retry-limit', a.loc, a.path, `${a.path}: give exactly one of max_attempts (1-20) and expire_after_minutes (0-14400)`);
        return {
            exceptions,
            maxAttempts: r.max_attempts,
            expireAfterMinutes: r.expire_after_minutes,
            intervalSeconds: r.interval_seconds ?? 1,
            backoffRate: r.backoff_rate ?? 2,
            loc: a.loc,
        };
    });
}
/** Unit rules of the new keys: a gate needs an earlier Metrics step; parameter thresholds are numeric. */
function checkStepExtensions(units, parameters, bag) {
    for (const unit of units) {
        unit.steps.forEach((s, i) => {
            if (!s.qualityGate)
                return;
            if (!unit.steps.slice(0, i).some((p) => p.stepClass === 'Metrics')) {
                bag.error('quality-gate-needs-metrics', s.qualityGateLoc ?? s.loc, `${s.path}.quality_gate`, `${s.path}.quality_gate: the gate reads the metrics report of the unit's Metrics step, but model \`${s.model}\` has no Metrics step before \`${s.name}\`: add one (step_class: Metrics) or remove the gate`);
            }
            for (const g of s.qualityGate) {
                for (const t of [g.min, g.max]) {
                    if (t?.kind !== 'parameter')
                        continue;
                    const p = parameters.find((x) => x.name === t.name);
                    if (p && p.type !== 'Integer' && p.type !== 'Float')
                        bag.error('parameter-type-mismatch', g.loc, `${s.path}.quality_gate`, `${s.path}.quality_gate: threshold parameter \`${t.name}\` is a ${p.type}; a threshold needs an Integer or Float parameter`);
                }
            }
        });
    }
}
/** The train section's max runtime when none is written (compile/defaults.ts DEFAULTS.maxRuntimeSeconds). */
const DEFAULT_TRAIN_RUNTIME = 3000;
/** Spot keys: train only; max_wait and checkpoints need use_spot_instances; max_wait ≥ the runtime. */
function checkSpot(section, path, bag) {
    const spot = section.spot;
    if (!spot)
        return;
    if (section.kind !== 'train') {
        bag.warning('spot-outside-train', spot.loc, path, `${path}: use_spot_instances, max_wait and checkpoint_* apply to the train section only; ignored here`);
        return;
    }
    if (!spot.enabled) {
        if (spot.maxWait !== undefined ||
            spot.checkpointS3Uri !== undefined ||
            spot.checkpointLocalPath !== undefined)
            bag.warning('spot-settings-ignored', spot.maxWaitLoc ?? spot.loc, path, `${path}: max_wait and checkpoint_* only apply with use_spot_instances: true; ignored`);
        return;
    }
    const runtime = section.maxRuntimeSeconds ?? DEFAULT_TRAIN_RUNTIME;
    if (spot.maxWait !== undefined && spot.maxWait < runtime)
        bag.error('max-wait-below-runtime', spot.maxWaitLoc ?? spot.loc, `${path}.max_wait`, `${path}.max_wait: ${spot.maxWait} seconds is less than the job's max runtime (${runtime} s${section.maxRuntimeSeconds === undefined ? ', the default' : ''}): the wait for spot capacity includes the run, so max_wait must be at least ${runtime}`);
}

// EXTERNAL MODULE: ./lib/config/schedule.js
var schedule = __webpack_require__(4493);
;// CONCATENATED MODULE: ./lib/config/references.js








const DEFAULT_CACHE_EXPIRY = 'P10D';
const CHAIN_SOURCE_CLASSES = ['Processing', 'Training', 'Transform'];
/** Builds the typed pipeline and checks every cross-reference. Steps that are unusable are left out; the
 * caller must not use the result when `bag` has errors (it serves the remaining checks only). */
function buildPipeline(src, models, 
/** Models that exist but failed their own checks: referencing them is not an error here. */
brokenModels, bag) {
    const base = ['conf', 'sagemakerPipeline'];
    const at = (rel) => {
        const l = (0,tree/* locate */.x5)(src.node, rel);
        return { loc: l.found ? l.node.loc : (l.keyLoc ?? l.node.loc), path: (0,tree/* formatPath */.jV)([...base, ...rel]) };
    };
    const keyAt = (rel) => {
        const l = (0,tree/* locate */.x5)(src.node, rel);
        return l.keyLoc ?? l.node.loc;
    };
    // Pass 1: steps with their class, type and cache settings.
    const units = [];
    const byName = new Map();
    const unusable = new Set();
    const unusableModels = new Set();
    for (const [model, unit] of (0,normalize/* inFileOrder */.w$)(src.input.models, (0,tree/* locate */.x5)(src.node, ['models']).node)) {
        const unitPath = ['models', model];
        if (!models[model] && !brokenModels.has(model)) {
            bag.error('unknown-model', keyAt(unitPath), (0,tree/* formatPath */.jV)([...base, ...unitPath]), `${(0,tree/* formatPath */.jV)([...base, ...unitPath])}: no model \`${model}\` in conf.models of any config file${(0,suggest/* didYouMean */.au)(model, Object.keys(models))}`);
        }
        const steps = [];
        unit.steps.forEach((s, index) => {
            const step = references_buildStep(s, model, models[model], index, [...unitPath, 'steps', index], at, bag, src.node);
            if (!step) {
                // Already reported; remember the name so later rules do not report it again as missing.
                unusable.add(s.step_name);
                unusableModels.add(model);
                return;
            }
            if (s.chain_input_source_steps && !s.chain_input_source_step)
                chainKeys.set(step, 'chain_input_source_steps');
            const dup = byName.get(step.name);
            if (dup) {
                bag.error('duplicate-step-name', at([...unitPath, 'steps', index, 'step_name']).loc, step.path, `${step.path}.step_name: step name \`${step.name}\` is already used at ${dup.loc.file}:${dup.loc.line} (step names are unique in the pipeline)`);
                return;
            }
            byName.set(step.name, step);
            steps.push(step);
        });
        units.push({ model, loc: keyAt(unitPath), steps });
    }
    for (const name of Object.keys(models)) {
        if (!(name in src.input.models)) {
            bag.warning('unused-model', models[name]?.loc ?? null, `conf.models.${name}`, `model \`${name}\` is defined but not listed in conf.sagemakerPipeline.models: it gets no steps`);
        }
    }
    // Pass 2: unit rules and chain sources.
    for (const unit of units) {
        const model = models[unit.model];
        checkUnit(unit.steps, model, byName, unusableModels.has(unit.model), unusable, at, bag);
    }
    // Pass 3: dependencies and cycles.
    const dependencies = [];
    const names = new Set([...byName.keys(), ...unusable]);
    (src.input.dependencies ?? []).forEach((_, i) => {
        const l = (0,tree/* locate */.x5)(src.node, ['dependencies', i]);
        if (l.node.kind !== 'scalar')
            return;
        dependencies.push(...parseDependencyLine(l.node, (0,tree/* formatPath */.jV)([...base, 'dependencies', i]), names, bag));
    });
    checkCycles(units, dependencies, byName, bag);
    const parameters = buildParameters(src.input.parameters, (0,tree/* locate */.x5)(src.node, ['parameters']).node, bag);
    checkStepExtensions(units, parameters, bag);
    const pipelineNode = src.node;
    return {
        name: src.input.pipelineName,
        description: src.input.pipelineDescription,
        file: src.file,
        loc: (0,tree/* entry */.f_)(pipelineNode, 'pipelineName')?.value.loc ?? src.keyLoc,
        units: units.map((u) => ({ model: u.model, loc: u.loc, steps: u.steps })),
        dependencies,
        retry: src.input.retry ? readRetry(src.input.retry, ['retry'], at, bag) : undefined,
        parameters,
        schedule: src.input.schedule
            ? (0,schedule/* buildSchedule */.GL)(src.input.schedule, src.node, src.input.pipelineName, bag)
            : undefined,
    };
}
/**
 * The section a Processing or Training step runs: the model's section named by step_type (as written, else the one
 * that matches ignoring case). Training defaults to `train`, and keeps that for the values the old template wrote on
 * Training steps (`training`, …) when the model has no such section. An unknown name is kept: the unit check
 * reports the missing section.
 */
function sectionNamed(written, cls, model) {
    if (written === undefined)
        return 'train';
    const sections = Object.keys(model?.sections ?? {});
    // The template's values on Training steps (`train`, `transform`, `registry`, …) mean `train`; only `training`
    // may name a section of that name.
    const lower = written.toLowerCase();
    if (cls === 'Training' &&
        schema/* IGNORED_STEP_TYPES */.mr.includes(lower) &&
        !(lower === 'training' && sections.includes(written)))
        return 'train';
    if (sections.includes(written))
        return written;
    const folded = sections.find((k) => k.toLowerCase() === written.toLowerCase());
    if (folded)
        return folded;
    if (schema/* JOB_SECTIONS */.pg.includes(written.toLowerCase()))
        return written.toLowerCase();
    return written;
}
function references_buildStep(s, model, modelConfig, index, rel, at, bag, node) {
    const stepPath = at(rel).path;
    const cls = schema/* STEP_CLASSES */.mS.find((c) => c.toLowerCase() === s.step_class.toLowerCase());
    if (!cls) {
        const a = at([...rel, 'step_class']);
        bag.error('unknown-step-class', a.loc, a.path, `${a.path}: unknown step class \`${s.step_class}\`: use one of ${schema/* STEP_CLASSES */.mS.join(', ')} (any case)${(0,suggest/* didYouMean */.au)(s.step_class, schema/* STEP_CLASSES */.mS)}`);
        return undefined;
    }
    let stepType;
    if (cls === 'Processing' || cls === 'Training') {
        const written = s.step_type;
        if (written === undefined && cls === 'Processing') {
            const a = at([...rel, 'step_class']);
            bag.error('processing-needs-step-type', a.loc, `${stepPath}.step_type`, `${stepPath}: a Processing step needs \`step_type\`: the conf.models.${model} section it runs (preprocess, evaluate, postprocess, …)`);
            return undefined;
        }
        if (written !== undefined && schema/* NON_SECTION_KEYS */.vB.includes(written)) {
            const a = at([...rel, 'step_type']);
            bag.error('step-type-not-a-section', a.loc, a.path, `${a.path}: \`${written}\` is not a job section: step_type names the conf.models.${model} section the step runs (such as ${cls === 'Training' ? 'train' : 'preprocess'})`);
            return undefined;
        }
        stepType = sectionNamed(written, cls, modelConfig);
    }
    else if (s.step_type !== undefined &&
        ![...schema/* JOB_SECTIONS */.pg, ...schema/* IGNORED_STEP_TYPES */.mr].includes(s.step_type.toLowerCase())) {
        const a = at([...rel, 'step_type']);
        bag.warning('ignored-step-type', a.loc, a.path, `${a.path}: step_type \`${s.step_type}\` is ignored on a ${cls} step`);
    }
    if (s.chain_input_source_step && s.chain_input_source_steps) {
        const a = at([...rel, 'chain_input_source_steps']);
        bag.error('duplicate-chain-key', a.loc, a.path, `${stepPath}: both chain_input_source_step and chain_input_source_steps are set: keep one (chain_input_source_step)`);
    }
    if (s.chain_input_additional_prefix !== undefined && cls !== 'Transform') {
        const a = at([...rel, 'chain_input_additional_prefix']);
        bag.warning('ignored-additional-prefix', a.loc, a.path, `${a.path}: chain_input_additional_prefix only applies to Transform steps; ignored on ${cls}`);
    }
    if (s.cache_expire_after !== undefined && s.enable_cache !== true) {
        const a = at([...rel, 'cache_expire_after']);
        bag.warning('expiry-without-cache', a.loc, a.path, `${a.path}: cache_expire_after has no effect without enable_cache: true`);
    }
    return {
        name: s.step_name,
        stepClass: cls,
        stepType,
        model,
        index,
        enableCache: s.enable_cache ?? false,
        cacheConfigured: s.enable_cache !== undefined,
        cacheExpireAfter: s.cache_expire_after ?? DEFAULT_CACHE_EXPIRY,
        chainSources: s.chain_input_source_step ?? s.chain_input_source_steps ?? [],
        chainAdditionalPrefix: s.chain_input_additional_prefix,
        loc: at(rel).loc,
        path: stepPath,
        ...readStepExtensions(s, cls, rel, node, at, bag),
    };
}
function checkUnit(steps, model, byName, 
/** A step of this unit was unusable: "needs an earlier step" errors would only repeat that error. */
hasUnusable, unusable, at, bag) {
    const seen = [];
    const rel = (s, ...more) => [
        'models',
        s.model,
        'steps',
        s.index,
        ...more,
    ];
    const need = (s, cls, code, why) => {
        if (hasUnusable || seen.some((p) => p.stepClass === cls))
            return;
        const a = at(rel(s, 'step_class'));
        bag.error(code, a.loc, a.path, `${s.path}: a ${s.stepClass} step needs an earlier ${cls} step in model \`${s.model}\` (${why})`);
    };
    const section = (s, key) => {
        if (!model)
            return;
        if (key === 'registry' ? model.registry : Object.hasOwn(model.sections, key))
            return;
        const typed = s.stepClass === 'Processing' || (s.stepClass === 'Training' && key !== 'train');
        const a = at(rel(s, typed ? 'step_type' : 'step_class'));
        const candidates = model.keys.filter((k) => !schema/* NON_SECTION_KEYS */.vB.includes(k));
        const hint = typed ? (0,suggest/* didYouMean */.au)(key, candidates) : '';
        bag.error('missing-section', a.loc, a.path, `${s.path}: a ${s.stepClass}${typed ? ` (${key})` : ''} step runs conf.models.${s.model}.${key}, which ${model.file} does not define${hint}`);
    };
    const fromRegistry = model?.modelPackage !== undefined;
    for (const s of steps) {
        if (fromRegistry &&
            (s.stepClass === 'Training' || s.stepClass === 'Metrics' || s.stepClass === 'RegisterModel')) {
            const a = at(rel(s, 'step_class'));
            bag.error('registry-unit-step', a.loc, a.path, `${s.path}: a ${s.stepClass} step is not allowed in model \`${s.model}\`: its model comes from the registry (conf.models.${s.model}.model_package), so the unit only scores; remove the step, or model_package to train here`);
            seen.push(s);
            continue;
        }
        switch (s.stepClass) {
            case 'Processing':
            case 'Training':
                section(s, s.stepType ?? 'train');
                break;
            case 'CreateModel':
                if (fromRegistry)
                    break; // the model package brings image and artifacts
                need(s, 'Training', 'create-model-needs-training', 'its model data is the training artifact');
                section(s, 'registry');
                break;
            case 'Transform':
                need(s, 'CreateModel', 'transform-needs-create-model', 'it runs the model that step creates');
                if (s.chainSources.length > 1) {
                    const a = at(rel(s, chainKeyOf(s)));
                    bag.error('transform-one-chain-source', a.loc, a.path, `${a.path}: a Transform step reads one input: give at most one chain source (got ${s.chainSources.length})`);
                }
                if (s.chainSources.length === 0 && model) {
                    const files = model.transform?.channels.flatMap((c) => c.dataFiles) ?? [];
                    if (files.length !== 1) {
                        const a = at(rel(s, 'step_class'));
                        bag.error('transform-needs-input', a.loc, a.path, `${s.path}: a Transform step without chain_input_source_step reads the single dataFile of conf.models.${s.model}.transform.channels (found ${files.length}); add a chain source or exactly one dataFile`);
                    }
                }
                break;
            case 'Metrics':
                need(s, 'Transform', 'metrics-needs-transform', 'it evaluates the transform output');
                section(s, 'evaluate');
                break;
            case 'RegisterModel':
                need(s, 'Training', 'register-needs-training', 'it registers the training artifact');
                section(s, 'registry');
                break;
        }
        s.chainSources.forEach((name, i) => {
            const a = at(rel(s, chainKeyOf(s), i));
            const src = byName.get(name);
            if (unusable.has(name))
                return;
            if (!src) {
                bag.error('unknown-chain-source', a.loc, a.path, `${a.path}: no step named \`${name}\` in the pipeline${(0,suggest/* didYouMean */.au)(name, byName.keys())}`);
            }
            else if (src.name === s.name) {
                bag.error('chain-self', a.loc, a.path, `${a.path}: step \`${name}\` cannot take its own output as input`);
            }
            else if (!CHAIN_SOURCE_CLASSES.includes(src.stepClass)) {
                bag.error('chain-source-class', a.loc, a.path, `${a.path}: \`${name}\` is a ${src.stepClass} step, which has no data output: chain from a Processing, Training or Transform step`);
            }
        });
        seen.push(s);
    }
}
/** The spelling the author used (the old template wrote the plural), so positions point at it. */
const chainKeys = new WeakMap();
function chainKeyOf(s) {
    return chainKeys.get(s) ?? 'chain_input_source_step';
}
/** Data edges the unit rules imply (CreateModel reads Training, …) plus chains and explicit dependencies. */
function impliedEdges(units) {
    const edges = [];
    for (const u of units) {
        const latest = new Map();
        for (const s of u.steps) {
            // A step chained to itself is reported as chain-self; no need to call it a cycle too.
            for (const src of s.chainSources)
                if (src !== s.name)
                    edges.push([src, s.name]);
            const uses = s.stepClass === 'CreateModel'
                ? ['Training']
                : s.stepClass === 'Transform'
                    ? ['CreateModel']
                    : s.stepClass === 'RegisterModel'
                        ? ['Training', 'CreateModel', 'Metrics']
                        : [];
            for (const c of uses) {
                const from = latest.get(c);
                if (from)
                    edges.push([from, s.name]);
            }
            latest.set(s.stepClass, s.name);
        }
    }
    return edges;
}
function checkCycles(units, deps, byName, bag) {
    const adj = new Map();
    const add = (a, b) => {
        if (!byName.has(a) || !byName.has(b))
            return;
        adj.set(a, [...(adj.get(a) ?? []), b]);
    };
    for (const [a, b] of impliedEdges(units))
        add(a, b);
    for (const d of deps)
        add(d.from, d.to);
    const cycle = findCycle([...byName.keys()], adj);
    if (!cycle)
        return;
    const pairs = cycle.slice(0, -1).map((a, i) => [a, cycle[i + 1]]);
    const dep = deps.find((d) => pairs.some(([a, b]) => d.from === a && d.to === b));
    const first = byName.get(cycle[0]);
    bag.error('dependency-cycle', dep?.loc ?? first?.loc ?? null, 'conf.sagemakerPipeline.dependencies', `steps depend on each other in a cycle: ${cycle.join(' → ')} (dependencies and chain inputs must form a DAG); remove one of these edges`);
}

;// CONCATENATED MODULE: ./lib/config/layout.js

const LEGACY_CONTAINER = 'modelContainer';
/**
 * The `modelContainer` entry of `conf.models` when the file uses the older layout: a mapping of models, none of
 * them a model key itself (a model really named `modelContainer` has a `source_directory`).
 */
function legacyContainer(root) {
    if (root.kind !== 'map')
        return undefined;
    const conf = (0,tree/* entry */.f_)(root, 'conf')?.value;
    const models = conf?.kind === 'map' ? (0,tree/* entry */.f_)(conf, 'models')?.value : undefined;
    const container = models?.kind === 'map' ? (0,tree/* entry */.f_)(models, LEGACY_CONTAINER) : undefined;
    if (!container || container.value.kind !== 'map')
        return undefined;
    if ((0,tree/* entry */.f_)(container.value, 'source_directory'))
        return undefined;
    return container;
}
/** The tree with `conf.models.modelContainer`'s models lifted into `conf.models` (positions kept). */
function flattenLegacyLayout(root, bag) {
    const container = legacyContainer(root);
    if (!container || root.kind !== 'map')
        return root;
    const inner = container.value;
    const names = inner.entries.map((e) => e.key);
    bag.warning('legacy-model-container', container.keyLoc, `conf.models.${LEGACY_CONTAINER}`, `conf.models: the older layout conf.models.${LEGACY_CONTAINER}.<model> (before 2023-10-24) is read as conf.models.<model> (${names.join(', ') || 'no models'}): flatten it — move each model up one level and delete \`${LEGACY_CONTAINER}:\` — or run \`smp migrate --write\`, which does that keeping comments and formatting`);
    return mapAt(root, ['conf', 'models'], (models) => ({
        ...models,
        entries: models.entries.flatMap((e) => (e === container ? inner.entries : [e])),
    }));
}
function mapAt(node, path, edit) {
    const [head, ...rest] = path;
    if (head === undefined)
        return edit(node);
    return {
        ...node,
        entries: node.entries.map((e) => e.key === head && e.value.kind === 'map' ? { ...e, value: mapAt(e.value, rest, edit) } : e),
    };
}

;// CONCATENATED MODULE: ./lib/config/settings.js

/** Clearly fake values for offline plans: they cannot be mistaken for a real bucket, role or account. */
const PLACEHOLDERS = {
    SMP_S3BUCKETNAME: 'smp-placeholder-bucket',
    SMP_ROLE: 'arn:aws:iam::000000000000:role/smp-placeholder-role',
    SMP_REGION: 'us-east-1',
    SMP_ACCOUNTID: '000000000000',
};
function resolveSettings(env, options, bag) {
    const placeholders = [];
    const refused = new Set();
    const get = (name) => {
        const v = env[name]?.trim();
        if (!v)
            return undefined;
        // A newline or control character would reach AWS (or a log line) as is: one clear error instead.
        const m = settings_CONTROL.exec(v);
        if (m) {
            if (!refused.has(name))
                bag.error('bad-setting', null, name, `${name} holds ${m[0] === '\n' ? 'a newline' : `the control character ${(0,visible/* visible */.RK)(m[0])}`} (${(0,visible/* shown */.SP)(v)}); a setting is one line of text`);
            refused.add(name);
            return undefined;
        }
        return v;
    };
    const required = (name, derived) => {
        const v = get(name) ?? derived;
        if (v !== undefined)
            return v;
        if (refused.has(name))
            return PLACEHOLDERS[name];
        if (options.allowPlaceholders) {
            placeholders.push(name);
            return PLACEHOLDERS[name];
        }
        const empty = env[name] !== undefined;
        bag.error('missing-setting', null, name, `${name} is ${empty ? 'set to the empty string' : 'not set'}: ${SETTING_HELP[name]}`);
        return PLACEHOLDERS[name];
    };
    const role = required('SMP_ROLE');
    const region = required('SMP_REGION', get('AWS_REGION') ?? get('AWS_DEFAULT_REGION'));
    // The execution role's ARN already names the account; asking for it twice invites mismatches.
    const accountFromRole = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(get('SMP_ROLE') ?? '')?.[1];
    // Without a role there is nothing to derive the account from; the SMP_ROLE error already says what to do.
    const accountId = get('SMP_ROLE') === undefined && !options.allowPlaceholders
        ? (get('SMP_ACCOUNTID') ?? PLACEHOLDERS.SMP_ACCOUNTID)
        : required('SMP_ACCOUNTID', accountFromRole);
    const bucket = required('SMP_S3BUCKETNAME');
    if (accountFromRole && get('SMP_ACCOUNTID') && get('SMP_ACCOUNTID') !== accountFromRole) {
        bag.warning('account-mismatch', null, 'SMP_ACCOUNTID', `SMP_ACCOUNTID ${get('SMP_ACCOUNTID') ?? ''} is not the account of SMP_ROLE (${accountFromRole}); images and ARNs built from SMP_ACCOUNTID may point at another account`);
    }
    if (placeholders.length > 0) {
        bag.warning('placeholder-settings', null, 'settings', `${placeholders.join(', ')} not set: planning with placeholder values`);
    }
    const settings = {
        bucket,
        role,
        region,
        accountId,
        subnets: list(get('SMP_SUBNETS')),
        securityGroups: list(get('SMP_SECURITYGROUPS')),
        kmsKey: get('SMP_KMSKEY'),
        placeholders,
    };
    checkSettings(settings, bag);
    return Object.freeze(settings);
}
// eslint-disable-next-line no-control-regex
const settings_CONTROL = /[\u0000-\u001f\u007f]/;
/** A KMS key id, key ARN, alias name or alias ARN, as SageMaker and S3 accept them. */
const KMS_KEY = /^(?:(?:mrk-)?[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[A-Za-z0-9/_-]{1,250}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|alias\/[A-Za-z0-9/_-]{1,250}))$/;
const SETTING_HELP = {
    SMP_S3BUCKETNAME: 'the S3 bucket for code bundles and outputs (action input `s3-bucket`, CLI --s3-bucket)',
    SMP_ROLE: 'the SageMaker execution role ARN (action input `execution-role-arn`, CLI --execution-role-arn)',
    SMP_REGION: 'the AWS region (action input `aws-region`, CLI --aws-region, or AWS_REGION)',
    SMP_ACCOUNTID: 'the AWS account id (12 digits; taken from SMP_ROLE when that is an ARN)',
};
function list(v) {
    return v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
}
function checkSettings(s, bag) {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(s.role)) {
        bag.error('bad-setting', null, 'SMP_ROLE', `SMP_ROLE \`${(0,visible/* shown */.SP)(s.role)}\` is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    }
    if (!/^\d{12}$/.test(s.accountId)) {
        bag.error('bad-setting', null, 'SMP_ACCOUNTID', `SMP_ACCOUNTID \`${(0,visible/* shown */.SP)(s.accountId)}\` is not a 12-digit account id`);
    }
    if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(s.region)) {
        bag.error('bad-setting', null, 'SMP_REGION', `SMP_REGION \`${(0,visible/* shown */.SP)(s.region)}\` is not an AWS region name (e.g. us-east-1)`);
    }
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.bucket)) {
        bag.error('bad-setting', null, 'SMP_S3BUCKETNAME', `SMP_S3BUCKETNAME \`${(0,visible/* shown */.SP)(s.bucket)}\` is not an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens; no s3:// prefix)`);
    }
    for (const sn of s.subnets) {
        if (!/^subnet-[0-9a-f]+$/.test(sn))
            bag.error('bad-setting', null, 'SMP_SUBNETS', `SMP_SUBNETS entry \`${(0,visible/* shown */.SP)(sn)}\` is not a subnet id (subnet-…)`);
    }
    for (const sg of s.securityGroups) {
        if (!/^sg-[0-9a-f]+$/.test(sg)) {
            bag.error('bad-setting', null, 'SMP_SECURITYGROUPS', `SMP_SECURITYGROUPS entry \`${(0,visible/* shown */.SP)(sg)}\` is not a security group id (sg-…)`);
        }
    }
    if (s.kmsKey !== undefined && !KMS_KEY.test(s.kmsKey)) {
        bag.error('bad-setting', null, 'SMP_KMSKEY', `SMP_KMSKEY \`${(0,visible/* shown */.SP)(s.kmsKey)}\` is not a KMS key: give a key id (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN (arn:aws:kms:<region>:<account>:key/<id>) or an alias (alias/<name> or its ARN)`);
    }
    if (s.subnets.length > 0 !== s.securityGroups.length > 0) {
        bag.error('bad-setting', null, 'SMP_SUBNETS', 'SMP_SUBNETS and SMP_SECURITYGROUPS go together: a VPC config needs both subnets and security groups');
    }
}
/** The environment the config interpolation sees: the process env plus the resolved (maybe placeholder) settings. */
function interpolationEnv(env, s) {
    return {
        ...env,
        SMP_S3BUCKETNAME: s.bucket,
        SMP_ROLE: s.role,
        SMP_REGION: s.region,
        SMP_ACCOUNTID: s.accountId,
    };
}

;// CONCATENATED MODULE: ./lib/config/shape.js


/** Parses `node` with `schema`; reports every issue at its node and returns the data or undefined. */
function checkShape(schema, node, base, bag) {
    const result = schema.safeParse((0,tree/* toPlain */.Ul)(node));
    if (result.success)
        return result.data;
    for (const issue of result.error.issues)
        reportIssue(issue, node, base, bag);
    return undefined;
}
function reportIssue(issue, root, base, bag, prefix = []) {
    const rel = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
        // Report the branch that got furthest: the one whose issues are deepest (e.g. a channel map with a bad file).
        const branches = issue.errors;
        const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
        if (best && depth(best) > 0) {
            for (const sub of best)
                reportIssue(sub, root, base, bag, rel);
            return;
        }
    }
    const { node, keyLoc, found } = (0,tree/* locate */.x5)(root, rel);
    const path = (0,tree/* formatPath */.jV)([...base, ...rel]);
    const loc = found ? (issue.code === 'invalid_key' ? (keyLoc ?? node.loc) : node.loc) : (keyLoc ?? node.loc);
    bag.error(codeOf(issue), loc, path, `${path}: ${explain(issue, found ? node : undefined, rel)}`);
}
function depth(issues) {
    return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
}
function codeOf(issue) {
    switch (issue.code) {
        case 'invalid_type':
            return 'wrong-type';
        case 'invalid_value':
            return 'not-allowed-value';
        case 'invalid_format':
            return 'bad-format';
        case 'too_small':
        case 'too_big':
            return 'out-of-range';
        case 'invalid_key':
            return 'bad-key';
        default:
            return 'invalid';
    }
}
const TYPE_NAMES = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'a boolean (true or false)',
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    null: 'nothing',
};
function explain(issue, node, rel) {
    const got = node ? (0,tree/* describeValue */.bp)(node) : 'nothing';
    switch (issue.code) {
        case 'invalid_type': {
            const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
            if (!node)
                return `is required (${expected})`;
            return `expected ${expected}, got ${got}${quoteHint(node, issue.expected)}`;
        }
        case 'invalid_union': {
            const expectations = issue.errors
                .flat()
                .map((i) => i.code === 'invalid_type'
                ? (TYPE_NAMES[i.expected] ?? i.expected)
                : i.code === 'invalid_value'
                    ? i.values.map((v) => JSON.stringify(v)).join(' or ')
                    : '')
                .filter(Boolean);
            const boolHint = node && issue.errors.flat().some((i) => i.code === 'invalid_type' && i.expected === 'boolean')
                ? quoteHint(node, 'boolean')
                : '';
            return node
                ? `expected ${[...new Set(expectations)].join(' or ')}, got ${got}${boolHint}`
                : 'is required';
        }
        case 'invalid_value': {
            const values = issue.values.map((v) => String(v));
            const input = node?.kind === 'scalar' ? String(node.value) : '';
            return `${got} is not allowed: use one of ${values.map((v) => `\`${v}\``).join(', ')}${(0,suggest/* didYouMean */.au)(input, values)}`;
        }
        case 'invalid_format': {
            const custom = issue.message.startsWith('Invalid')
                ? `match ${issue.format === 'regex' ? issue.pattern : issue.format}`
                : issue.message;
            return `${got} is not valid: expected ${custom}`;
        }
        case 'too_small':
            if (issue.origin === 'array')
                return `needs at least ${String(issue.minimum)} item(s)`;
            if (issue.origin === 'string')
                return `must not be empty`;
            return `${got} is too small: the minimum is ${String(issue.minimum)}`;
        case 'too_big':
            if (issue.origin === 'array')
                return `has too many items: at most ${String(issue.maximum)}`;
            if (issue.origin === 'string')
                return `${got} is too long: at most ${String(issue.maximum)} characters`;
            return `${got} is too large: the maximum is ${String(issue.maximum)}`;
        case 'invalid_key': {
            const key = rel[rel.length - 1];
            const inner = issue.issues[0];
            const rule = inner && inner.code === 'invalid_format' && !inner.message.startsWith('Invalid')
                ? inner.message
                : 'a valid name';
            return `key ${JSON.stringify(key)} is not valid: expected ${rule}`;
        }
        default:
            return issue.message;
    }
}
function quoteHint(node, expected) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return '';
    const v = node.value.trim();
    if ((expected === 'number' || expected === 'int') && v !== '' && !Number.isNaN(Number(v))) {
        return ` (write ${v} without quotes)`;
    }
    if (expected === 'boolean' && /^(true|false|yes|no|on|off)$/i.test(v)) {
        const b = /^(true|yes|on)$/i.test(v) ? 'true' : 'false';
        return ` (write ${b} without quotes)`;
    }
    if (v === '')
        return ' (remove the key to use the default)';
    return '';
}
function defOf(schema) {
    return schema._zod.def;
}
/** Object keys the schema accepts at this node, following optional/nullable/lazy/union wrappers. */
function reportUnknownKeys(schema, node, base, bag) {
    const def = defOf(schema);
    switch (def.type) {
        case 'optional':
        case 'nullable':
        case 'default':
            if (def.innerType)
                reportUnknownKeys(def.innerType, node, base, bag);
            return;
        case 'lazy':
            if (def.getter)
                reportUnknownKeys(def.getter(), node, base, bag);
            return;
        case 'pipe':
            if (def.in)
                reportUnknownKeys(def.in, node, base, bag);
            return;
        case 'union':
            for (const option of def.options ?? []) {
                const t = defOf(option).type;
                if ((node.kind === 'map' && (t === 'object' || t === 'record')) ||
                    (node.kind === 'seq' && t === 'array')) {
                    reportUnknownKeys(option, node, base, bag);
                    return;
                }
            }
            return;
        case 'array':
            if (node.kind === 'seq' && def.element) {
                node.items.forEach((item, i) => reportUnknownKeys(def.element, item, [...base, i], bag));
            }
            return;
        case 'record':
            if (node.kind === 'map' && def.valueType) {
                for (const e of node.entries)
                    reportUnknownKeys(def.valueType, e.value, [...base, e.key], bag);
            }
            return;
        case 'object': {
            if (node.kind !== 'map' || !def.shape)
                return;
            const known = Object.keys(def.shape);
            for (const e of node.entries) {
                const sub = def.shape[e.key];
                if (sub) {
                    reportUnknownKeys(sub, e.value, [...base, e.key], bag);
                    continue;
                }
                const path = (0,tree/* formatPath */.jV)([...base, e.key]);
                bag.warning('unknown-key', e.keyLoc, path, `unknown key \`${e.key}\` in ${(0,tree/* formatPath */.jV)(base) || 'the file'} is ignored${(0,suggest/* didYouMean */.au)(e.key, known)}`);
            }
            return;
        }
        default:
            return;
    }
}

;// CONCATENATED MODULE: ./lib/config/usage.js



/** SageMaker's ProcessingInput name rule (the only place a dataFile's sourceName reaches SageMaker). */
const PROCESSING_INPUT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function checkSectionUsage(pipeline, models, bag) {
    for (const unit of pipeline.units) {
        const model = models[unit.model];
        if (!model)
            continue;
        const classes = new Set(unit.steps.map((s) => s.stepClass));
        const p = `conf.models.${model.name}`;
        // Each section once, by how its steps use it: a training job's channels, a processing job's inputs.
        const trained = new Set();
        const processed = new Set();
        for (const s of unit.steps) {
            const section = (0,types/* sectionFor */.v_)(model, s);
            if (!section)
                continue;
            if (s.stepClass === 'Training')
                trained.add(section);
            if (s.stepClass === 'Processing' || s.stepClass === 'Metrics')
                processed.add(section);
        }
        for (const section of trained)
            checkTrainingChannels(section, `${p}.${section.kind}`, bag);
        for (const section of processed)
            checkProcessingInputs(section, `${p}.${section.kind}`, bag);
        if (classes.has('RegisterModel') &&
            model.registry &&
            model.registry.modelPackageGroupName === undefined) {
            const group = `${pipeline.name}-${model.name}`;
            // An invalid pipeline name is reported on its own; the group name would only repeat it.
            if (schema/* PIPELINE_NAME */.jw.test(pipeline.name) && !schema/* MODEL_PACKAGE_GROUP_NAME */.Nc.test(group)) {
                bag.error('bad-default-group-name', model.registry.loc, `${p}.registry.ModelPackageGroupName`, `${p}.registry: the default model package group name \`${group}\` (<pipelineName>-<model>) is not valid: SageMaker allows letters, digits and single hyphens, at most 63 characters; set ModelPackageGroupName`);
            }
        }
        reportIgnoredKeys(model, unit.steps, bag);
        if (model.modelPackage)
            checkRegistryUnit(model, bag);
        for (const [kind, section] of Object.entries(model.sections))
            checkSpot(section, `${p}.${kind}`, bag);
        const tImage = model.transform?.imageUri;
        if (classes.has('Transform') &&
            tImage &&
            model.registry &&
            !model.modelPackage &&
            tImage !== model.registry.imageUri) {
            bag.warning('transform-image-ignored', model.transform?.loc ?? model.loc, `${p}.transform.image_uri`, `${p}.transform.image_uri (${tImage}) is not used: the transform runs the model created from registry.InferenceSpecification.image_uri (${model.registry.imageUri})`);
        }
    }
}
/**
 * Before 2023-10-24 the old framework named model package groups `<SMP_PROJECTNAME>-<model>` (later `None-<model>`,
 * by a bug, and it never read ModelPackageGroupName). With SMP_PROJECTNAME set, a team is likely to have such
 * groups: say once per model that versions now go to another group, and what to write to keep the old one.
 */
function checkLegacyGroupNames(pipeline, models, projectName, bag) {
    if (!projectName)
        return;
    for (const unit of pipeline.units) {
        const model = models[unit.model];
        const registry = model?.registry;
        if (!model || !registry || registry.modelPackageGroupName !== undefined)
            continue;
        if (!unit.steps.some((s) => s.stepClass === 'RegisterModel'))
            continue;
        const old = `${projectName}-${model.name}`;
        const now = `${pipeline.name}-${model.name}`;
        if (old === now)
            continue;
        const p = `conf.models.${model.name}.registry`;
        bag.warning('group-name-changed', registry.loc, `${p}.ModelPackageGroupName`, `${p}: SMP_PROJECTNAME is set, so the old framework registered ${model.name} in the model package group \`${old}\` (<SMP_PROJECTNAME>-<model>); smp registers it in \`${now}\` (<pipelineName>-<model>). To keep adding versions to the old group, set ModelPackageGroupName: ${old}`);
    }
}
function checkTrainingChannels(section, path, bag) {
    for (const c of section.channels) {
        if (c.dataFiles.length > 1) {
            bag.error('training-channel-one-file', c.dataFiles[1]?.loc ?? c.loc, `${path}.channels.${c.name}.dataFiles`, `${path}.channels.${c.name}: a training channel reads one S3 prefix or object, but ${c.dataFiles.length} dataFiles are given; put the files under one prefix and give that prefix`);
        }
    }
}
function checkProcessingInputs(section, path, bag) {
    const names = new Map();
    for (const c of section.channels) {
        c.dataFiles.forEach((f, i) => {
            const at = `${path}.channels.${c.name}.dataFiles[${i}]`;
            if (f.sourceName === undefined) {
                bag.error('processing-input-needs-source-name', f.loc, `${at}.sourceName`, `${at}: sourceName is required for a processing input: it names the input and its folder /opt/ml/processing/input/<sourceName>`);
                return;
            }
            if (!PROCESSING_INPUT_NAME.test(f.sourceName)) {
                bag.error('bad-input-name', f.loc, `${at}.sourceName`, `${at}: sourceName \`${f.sourceName}\` names a processing input, and SageMaker allows letters, digits, - and _ (at most 64) there: rename it (the input folder /opt/ml/processing/input/<sourceName> follows)`);
                return;
            }
            const prev = names.get(f.sourceName);
            if (prev) {
                bag.error('duplicate-input-name', f.loc, `${at}.sourceName`, `${at}: sourceName \`${f.sourceName}\` is already used by ${prev}; input names must be unique within the job`);
            }
            names.set(f.sourceName, at);
        });
    }
}
/** Keys the format accepts (the old template had them) that change nothing in a pipeline: say so, once per model. */
function reportIgnoredKeys(model, steps, bag) {
    const ignored = [];
    const note = (section, key, present) => {
        if (section && present)
            ignored.push(`${section.kind}.${key}`);
    };
    const all = Object.values(model.sections);
    // SageMaker names pipeline models itself; the old framework's Model(name=…) never reached the definition.
    if (model.displayName !== undefined)
        ignored.push('name');
    for (const s of all) {
        for (const key of s.noEffect)
            ignored.push(`${s.kind}.${key}`);
        note(s, 'base_job_name', s.baseJobName !== undefined);
        note(s, 'framework_version', s.frameworkVersion !== undefined);
        note(s, 'distribution', s.distribution !== undefined);
    }
    // Training reads these; sections no Training step runs do not (a section's role is its steps', so a section
    // both a Training and a Processing step run keeps them).
    const trainedKinds = new Set(steps.filter((s) => s.stepClass === 'Training').map((s) => s.stepType));
    for (const s of all.filter((x) => x.kind !== 'train' && !trainedKinds.has(x.kind))) {
        note(s, 'output_path', s?.outputPath !== undefined);
        note(s, 'hyperparams', Object.keys(s?.hyperparams ?? {}).length > 0);
        note(s, 'model_data_uri', s?.modelDataUri !== undefined);
    }
    note(model.transform, 'volume_size', model.transform?.transform?.volumeSizeInGb !== undefined);
    // CreateTransformJob has no runtime limit.
    note(model.transform, 'max_runtime_in_seconds', model.transform?.maxRuntimeSeconds !== undefined);
    if (ignored.length === 0)
        return;
    bag.warning('ignored-keys', model.loc, `conf.models.${model.name}`, `conf.models.${model.name}: ${ignored.join(', ')} ha${ignored.length === 1 ? 's' : 've'} no effect in a pipeline (SageMaker names pipeline jobs itself; the image fixes the framework); remove ${ignored.length === 1 ? 'it' : 'them'} or see docs/config-reference.md`);
}
/** A unit scoring with a registered model: sections that train or register are never used there. */
function checkRegistryUnit(model, bag) {
    const p = `conf.models.${model.name}`;
    for (const [key, loc] of [
        ['train', model.train?.loc],
        ['registry', model.registry?.loc],
    ]) {
        if (!loc)
            continue;
        bag.warning('unused-with-model-package', loc, `${p}.${key}`, `${p}.${key} is not used: the model comes from model_package (group ${model.modelPackage?.group ?? ''})`);
    }
    const v = model.modelPackage?.version;
    const arnGroup = typeof v === 'string' ? /model-package\/([^/]+)\/\d+$/.exec(v)?.[1] : undefined;
    if (model.modelPackage &&
        arnGroup !== undefined &&
        arnGroup.toLowerCase() !== model.modelPackage.group.toLowerCase()) {
        bag.error('model-package-group-mismatch', model.modelPackage.versionLoc, `${p}.model_package.version`, `${p}.model_package: version names group \`${arnGroup}\` but group is \`${model.modelPackage.group}\`; make them agree`);
    }
}

;// CONCATENATED MODULE: ./lib/config/load.js
// The config phase: find → read → interpolate → merge → check shapes → check references → check paths.



















function loadProject(opts) {
    const bag = new DiagnosticBag();
    const workspace = external_node_path_.resolve(opts.workspace);
    if (!(0,external_node_fs_.existsSync)(workspace)) {
        bag.error('missing-workspace', null, 'workspace', `the workspace ${workspace} does not exist (--workspace, or the action's working-directory)`);
        return { config: undefined, diagnostics: bag.sorted() };
    }
    const settings = resolveSettings(opts.env, { allowPlaceholders: opts.allowPlaceholders }, bag);
    const env = interpolationEnv(opts.env, settings);
    const roots = ['', ...(opts.extraRoots ?? []).map((r) => r.replace(/\/+$/, ''))];
    const files = [];
    for (const root of roots) {
        // Each extra root may hold no configs; only the workspace itself must match something.
        const rootBag = root === '' ? bag : new DiagnosticBag();
        for (const f of (0,find/* findConfigFiles */.j)(opts.globs, external_node_path_.join(workspace, root), rootBag).files) {
            const rel = root ? `${root}/${f}` : f;
            if (!files.includes(rel))
                files.push(rel);
        }
    }
    // A file belongs to the deepest root that contains it: its paths are relative to that root.
    const rootOf = (file) => roots.filter((r) => r === '' || file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
    // Unknown keys are reported once the pipeline is known: the sections its steps name are keys, not typos.
    const rawRoots = [];
    const parsed = files.map((file) => {
        const text = readConfigFile(external_node_path_.join(workspace, file), file, bag);
        if (text === undefined)
            return { file, root: null };
        const before = bag.errors.length;
        const { root } = readConfigText(text, file, bag);
        if (root === null) {
            // Blank, comments only or `---` only: nothing else reported it.
            if (bag.errors.length === before)
                bag.error('empty-file', { file, line: 1, col: 1 }, '', `${file} is empty: expected a mapping with the root key \`conf\``);
            return { file, root: null };
        }
        const flat = flattenLegacyLayout(root, bag);
        rawRoots.push({ root: flat });
        return { file, root: interpolateTree((0,tree/* yaml11Booleans */.XV)(flat), env, bag) };
    });
    const merged = mergeFiles(parsed, bag);
    const extra = namedSections(merged.pipeline?.node);
    const fileSchema = (0,schema/* confFileSchemaFor */.hg)(extra);
    for (const { root } of rawRoots)
        reportUnknownKeys(fileSchema, root, [], bag);
    const modelSchema = (0,schema/* modelSchemaFor */.Qr)(extra);
    const models = Object.create(null);
    const broken = new Set();
    for (const [name, m] of merged.models) {
        const base = ['conf', 'models', name];
        if (!schema/* MODEL_NAME */.Ub.test(name)) {
            bag.error('bad-model-name', m.keyLoc, `conf.models.${name}`, `conf.models: model name \`${name}\` is not valid: use letters, digits, - and _ (at most 63); it names S3 prefixes and the model package group`);
        }
        const data = checkShape(modelSchema, m.node, base, bag);
        if (!data) {
            broken.add(name);
            continue;
        }
        const fields = data;
        const sectionKinds = [...schema/* JOB_SECTIONS */.pg, ...extra].filter((k, i, all) => all.indexOf(k) === i && Object.hasOwn(fields, k));
        for (const kind of sectionKinds) {
            const section = fields[kind];
            if (section?.hyperparams !== undefined && section.hyperparameters !== undefined) {
                const loc = (0,tree/* locate */.x5)(m.node, [kind, 'hyperparameters']).keyLoc ?? m.keyLoc;
                bag.error('two-hyperparameter-keys', loc, `conf.models.${name}.${kind}.hyperparameters`, `conf.models.${name}.${kind}: both hyperparams and hyperparameters are set; keep one (their keys are not merged)`);
            }
        }
        // The old framework read a bare name (`channels: train`) as that one channel in evaluate and transform;
        // a Processing or Training section iterated its letters, so there it is refused.
        for (const kind of sectionKinds.filter((k) => k !== 'evaluate' && k !== 'transform')) {
            if (typeof fields[kind]?.channels === 'string') {
                const loc = (0,tree/* locate */.x5)(m.node, [kind, 'channels']).node.loc;
                bag.error('bare-channel', loc, `conf.models.${name}.${kind}.channels`, `conf.models.${name}.${kind}.channels: a bare channel name is only accepted in evaluate and transform; write channels as a mapping (\`train:\` with dataFiles)`);
            }
        }
        models[name] = (0,normalize/* normalizeModel */.pk)(name, data, m.node, m.file, m.keyLoc, rootOf(m.file), extra);
    }
    let pipeline;
    if (merged.pipeline) {
        const input = checkShape(schema/* pipelineSchema */.wr, merged.pipeline.node, ['conf', 'sagemakerPipeline'], bag);
        if (input)
            pipeline = buildPipeline({ input, ...merged.pipeline }, models, broken, bag);
        else {
            // A bad name or description must not hide the step and reference errors: check those too.
            const lenient = schema/* lenientPipelineSchema */.Nm.safeParse((0,tree/* toPlain */.Ul)(merged.pipeline.node));
            if (lenient.success)
                pipeline = buildPipeline({ input: lenient.data, ...merged.pipeline }, models, broken, bag);
        }
    }
    if (pipeline) {
        checkSectionUsage(pipeline, models, bag);
        checkLegacyGroupNames(pipeline, models, opts.env.SMP_PROJECTNAME?.trim(), bag);
        (0,schedule/* checkScheduleParameters */.Qm)(pipeline, models, bag);
    }
    if (pipeline)
        checkParameterRefs([
            ...[...merged.models].map(([name, m]) => ({ node: m.node, base: ['conf', 'models', name] })),
            ...(merged.pipeline ? [{ node: merged.pipeline.node, base: ['conf', 'sagemakerPipeline'] }] : []),
        ], pipeline?.parameters ?? [], bag);
    (0,paths/* checkPaths */.nn)(workspace, pipeline, models, bag);
    const diagnostics = bag.sorted();
    const nameNode = merged.pipeline?.node.kind === 'map'
        ? merged.pipeline.node.entries.find((e) => e.key === 'pipelineName')?.value
        : undefined;
    const pipelineName = nameNode?.kind === 'scalar' && typeof nameNode.value === 'string' ? nameNode.value : undefined;
    if (bag.hasErrors || !pipeline)
        return { config: undefined, diagnostics, pipelineName };
    const config = {
        workspace,
        files,
        pipeline,
        models,
        settings,
        locations: collectLocations(merged),
    };
    return { config: deepFreeze(config), diagnostics };
}
/**
 * Section names the pipeline's Processing and Training steps give as `step_type` (read from the raw tree, before
 * the pipeline is checked): each names a job section of its model, as in the old framework.
 */
const SECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const UNSAFE_NAMES = ['__proto__', 'constructor', 'prototype'];
function namedSections(pipeline) {
    const out = new Set();
    const models = pipeline ? (0,tree/* locate */.x5)(pipeline, ['models']) : undefined;
    if (!models?.found || models.node.kind !== 'map')
        return [];
    for (const unit of models.node.entries) {
        const steps = (0,tree/* locate */.x5)(unit.value, ['steps']);
        if (!steps.found || steps.node.kind !== 'seq')
            continue;
        for (const step of steps.node.items) {
            const cls = (0,tree/* locate */.x5)(step, ['step_class']);
            const type = (0,tree/* locate */.x5)(step, ['step_type']);
            if (!cls.found || cls.node.kind !== 'scalar' || typeof cls.node.value !== 'string')
                continue;
            if (!/^(processing|training)$/i.test(cls.node.value))
                continue;
            const name = type.found && type.node.kind === 'scalar' ? type.node.value : undefined;
            // Only names a config key can have (the reader refuses __proto__ and friends as keys).
            if (typeof name === 'string' && SECTION_NAME.test(name) && !UNSAFE_NAMES.includes(name))
                out.add(name);
        }
    }
    return [...out].sort();
}
function collectLocations(merged) {
    const out = new Map();
    const walk = (node, p) => {
        out.set(p, node.loc);
        if (node.kind === 'map')
            for (const e of node.entries)
                walk(e.value, `${p}.${e.key}`);
        if (node.kind === 'seq')
            node.items.forEach((n, i) => walk(n, `${p}[${i}]`));
    };
    for (const [name, m] of merged.models)
        walk(m.node, `conf.models.${name}`);
    if (merged.pipeline)
        walk(merged.pipeline.node, 'conf.sagemakerPipeline');
    return out;
}
function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Map)) {
        Object.freeze(value);
        for (const v of Object.values(value))
            deepFreeze(v);
    }
    return value;
}

// EXTERNAL MODULE: ./lib/plan/diff.js
var diff = __webpack_require__(6840);
;// CONCATENATED MODULE: ./lib/plan/sources.js
// The source map: which config key (and where) produced a definition field, so the plan names a change the
// way the author wrote it (`train.instance_type` at conf.yaml:24) rather than as a definition path. A side
// table built from the compiled steps, their origins and the config's key positions; compile is unchanged.
// Field paths are the diff's (list items by name: `Arguments.ProcessingInputs['raw'].S3Input.S3Uri`).



/** Definition field path → config keys (alternative spellings) inside the step's section. */
const JOB_FIELDS = {
    Processing: {
        'Arguments.ProcessingResources.ClusterConfig.InstanceType': ['instance_type'],
        'Arguments.ProcessingResources.ClusterConfig.InstanceCount': ['instance_count'],
        'Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB': ['volume_size_in_gb'],
        'Arguments.AppSpecification.ImageUri': ['image_uri'],
    },
    Training: {
        'Arguments.ResourceConfig.InstanceType': ['instance_type'],
        'Arguments.ResourceConfig.InstanceCount': ['instance_count'],
        'Arguments.ResourceConfig.VolumeSizeInGB': ['volume_size_in_gb'],
        'Arguments.AlgorithmSpecification.TrainingImage': ['image_uri'],
        'Arguments.AlgorithmSpecification.TrainingInputMode': ['input_mode'],
        'Arguments.StoppingCondition.MaxRuntimeInSeconds': ['max_runtime_seconds', 'max_runtime_in_seconds'],
        'Arguments.StoppingCondition.MaxWaitTimeInSeconds': ['max_wait'],
        'Arguments.EnableManagedSpotTraining': ['use_spot_instances'],
        'Arguments.CheckpointConfig.S3Uri': ['checkpoint_s3_uri'],
        'Arguments.CheckpointConfig.LocalPath': ['checkpoint_local_path'],
        'Arguments.OutputDataConfig.S3OutputPath': ['output_path'],
        'Arguments.DebugHookConfig.S3OutputPath': ['output_path'],
        'Arguments.ProfilerConfig.S3OutputPath': ['output_path'],
        'Arguments.HyperParameters.sagemaker_program': ['entry_point'],
    },
    Transform: {
        'Arguments.TransformResources.InstanceType': ['instance_type'],
        'Arguments.TransformResources.InstanceCount': ['instance_count'],
        'Arguments.TransformInput.DataSource.S3DataSource.S3DataType': ['s3_data_type'],
        'Arguments.TransformInput.ContentType': ['content_type'],
        'Arguments.TransformInput.SplitType': ['split_type'],
        'Arguments.TransformOutput.Accept': ['content_type'],
        'Arguments.TransformOutput.AssembleWith': ['assemble_with'],
        'Arguments.BatchStrategy': ['strategy'],
        'Arguments.MaxPayloadInMB': ['max_payload'],
        'Arguments.DataProcessing.InputFilter': ['input_filter'],
        'Arguments.DataProcessing.OutputFilter': ['output_filter'],
        'Arguments.DataProcessing.JoinSource': ['join_source'],
    },
};
/** The section keys of an S3 input's or a training channel's data settings. */
const S3_INPUT_FIELDS = {
    'S3Input.S3DataType': ['s3_data_type'],
    'S3Input.S3InputMode': ['s3_input_mode'],
    'S3Input.S3DataDistributionType': ['s3_data_distribution_type', 'distribution'],
};
const CHANNEL_FIELDS = {
    'DataSource.S3DataSource.S3DataType': ['s3_data_type'],
    'DataSource.S3DataSource.S3DataDistributionType': ['s3_data_distribution_type', 'distribution'],
    ContentType: ['content_type'],
    InputMode: ['input_mode'],
};
/** RegisterModel fields → keys of `conf.models.<model>` (first written wins; else the registry's default). */
const SPEC = 'registry.InferenceSpecification';
const CONTENT_TYPES = [
    `${SPEC}.supported_content_types`,
    `${SPEC}.SupportedContentTypes`,
    'transform.content_type',
];
const REGISTER_FIELDS = {
    'Arguments.ModelPackageGroupName': ['registry.ModelPackageGroupName'],
    'Arguments.ModelPackageDescription': ['registry.ModelPackageDescription'],
    'Arguments.ModelApprovalStatus': [`${SPEC}.approval_status`, 'registry.ModelApprovalStatus'],
    'Arguments.ModelMetrics.ModelQuality.Statistics.ContentType': ['evaluate.content_type'],
};
/** List-valued RegisterModel fields: the entry covers the list's items. */
const REGISTER_LISTS = {
    'Arguments.InferenceSpecification.SupportedContentTypes': CONTENT_TYPES,
    'Arguments.InferenceSpecification.SupportedResponseMIMETypes': [
        `${SPEC}.supported_response_MIME_types`,
        `${SPEC}.SupportedResponseMIMETypes`,
        ...CONTENT_TYPES,
    ],
    'Arguments.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes': [
        `${SPEC}.SupportedRealtimeInferenceInstanceTypes`,
    ],
    'Arguments.InferenceSpecification.SupportedTransformInstanceTypes': [
        `${SPEC}.SupportedTransformInstanceTypes`,
    ],
};
const STEP_FIELDS = {
    'CacheConfig.Enabled': ['enable_cache'],
    'CacheConfig.ExpireAfter': ['cache_expire_after'],
};
/** The sources of one compiled step, filled by the rules below. */
class Fields {
    locations;
    map = new Map();
    constructor(locations) {
        this.locations = locations;
    }
    set(field, key, loc, opts = {}) {
        this.map.set(field, {
            key,
            loc,
            written: opts.written ?? true,
            ...(opts.covers ? { covers: true } : {}),
        });
    }
    /** The first candidate written in the config (`base.key`, shown `shown.key`), else the fallback's default. */
    first(field, keys, base, shown, fallback, covers = false) {
        const named = (k) => (shown ? `${shown}.${k}` : k);
        for (const k of keys) {
            const loc = this.locations.get(`${base}.${k}`);
            if (loc)
                return this.set(field, named(k), loc, { covers });
        }
        this.set(field, named(keys[0] ?? ''), fallback, { written: false, covers });
    }
}
function sourceMap(config, plan) {
    const steps = new Map((0,types/* allSteps */.Bd)(config.pipeline).map((s) => [`${s.model}\u0000${s.name}`, s]));
    const out = new Map();
    for (const s of (0,branches/* flatSteps */.Vw)(plan.definition)) {
        const origin = plan.origins.get(s.Name);
        const step = origin && steps.get(`${origin.model}\u0000${origin.configured}`);
        const model = origin && config.models[origin.model];
        if (!origin || !step || !model)
            continue;
        const f = new Fields(config.locations);
        const unit = config.pipeline.units.find((u) => u.model === origin.model)?.steps ?? [];
        const ctx = { f, s, step, model, unit, locations: config.locations };
        // A repack job, a gate and its Fail step belong to the configured step but are not it: the repack job's
        // fields are the compiler's (its code is a code change), the gate's conditions are the step's quality_gate.
        const own = s.Name === step.name;
        if (s.Type === 'Condition' || s.Type === 'Fail')
            gateFields(ctx);
        else if (own) {
            jobFields(ctx);
            if (s.Type === 'Model')
                modelFields(ctx, 'Arguments.PrimaryContainer');
            if (s.Type === 'RegisterModel')
                registerFields(ctx);
        }
        if (own) {
            for (const [field, keys] of Object.entries(STEP_FIELDS))
                f.first(field, keys, step.path, step.name, step.loc);
        }
        retryFields(ctx);
        out.set(s.Name, f.map);
    }
    return out;
}
/**
 * The source of a changed field: its own entry, else the nearest enclosing field whose entry covers what is
 * under it (an input's whole item, a list of instance types, an `env` map).
 */
function fieldSource(sources, step, path) {
    const fields = sources?.get(step);
    if (!fields)
        return undefined;
    const own = fields.get(path);
    if (own)
        return own;
    let best;
    for (const [at, src] of fields) {
        if (!src.covers || !path.startsWith(at) || !/^[.[]/.test(path.slice(at.length)))
            continue;
        if (!best || at.length > best.at.length)
            best = { at, src };
    }
    return best?.src;
}
function jobSection(step, model) {
    const name = step.stepClass === 'Processing' || step.stepClass === 'Training'
        ? (step.stepType ?? (step.stepClass === 'Processing' ? 'preprocess' : 'train'))
        : step.stepClass === 'Metrics'
            ? 'evaluate'
            : step.stepClass === 'Transform'
                ? 'transform'
                : undefined;
    return name !== undefined && Object.hasOwn(model.sections, name) ? model.sections[name] : undefined;
}
/** Writes the fields a job section produced: resources, image, data inputs and outputs, env, tags. */
function jobFields(c) {
    const { f, s, step, model } = c;
    const sec = jobSection(step, model);
    if (!sec)
        return;
    const base = `conf.models.${model.name}.${sec.kind}`;
    // A key that is not written points at its section (its first line, where it would go).
    const at = c.locations.get(base) ?? sec.loc;
    const job = (field, keys, covers = false) => f.first(field, keys, base, sec.kind, at, covers);
    for (const [field, keys] of Object.entries(JOB_FIELDS[s.Type] ?? {}))
        job(field, keys);
    if (s.Type === 'Processing') {
        // evaluate and transform spell it max_runtime_in_seconds in the old format; the others max_runtime_seconds.
        const runtime = ['max_runtime_seconds', 'max_runtime_in_seconds'];
        job('Arguments.StoppingCondition.MaxRuntimeInSeconds', sec.kind === 'evaluate' ? runtime.reverse() : runtime);
        processingData(c, sec, base, at);
    }
    if (s.Type === 'Training')
        trainingData(c, sec, base, at);
    if (s.Type === 'Transform')
        transformData(c, sec);
    job('Arguments.Environment', ['env'], true);
    job('Arguments.Tags', ['tags'], true);
    for (const name of Object.keys(record(s.Arguments.Environment))) {
        if (c.locations.has(`${base}.env.${name}`))
            job(`Arguments.Environment.${name}`, [`env.${name}`]);
    }
    // Only the hyperparameters the config writes: the others (sagemaker_program, …) are the compiler's own.
    for (const name of Object.keys(record(s.Arguments.HyperParameters))) {
        const spelled = ['hyperparams', 'hyperparameters'].find((p) => c.locations.has(`${base}.${p}.${name}`));
        if (spelled)
            job(`Arguments.HyperParameters.${name}`, [`${spelled}.${name}`]);
    }
}
function record(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function items(v, nameKey) {
    return (Array.isArray(v) ? v : []).map((x) => {
        const item = record(x);
        return { name: typeof item[nameKey] === 'string' ? item[nameKey] : '', item };
    });
}
function staticOrigins(sec) {
    const out = new Map();
    for (const ch of sec.channels) {
        const channel = { key: `${sec.kind}.channels.${ch.name}`, loc: ch.loc };
        ch.dataFiles.forEach((file, i) => {
            const item = { key: `${channel.key}.dataFiles[${i}]`, loc: file.loc };
            const uri = file.fileName.startsWith('s3://')
                ? { key: `${item.key}.fileName`, loc: file.loc }
                : channel;
            out.set(file.sourceName ?? ch.name, { item, uri });
        });
    }
    return out;
}
/** `<step>.chain_input_source_step` at the list item naming `source`. */
function chainKey(c, source) {
    const j = c.step.chainSources.indexOf(source);
    if (j < 0)
        return undefined;
    for (const spelling of ['chain_input_source_step', 'chain_input_source_steps']) {
        const loc = c.locations.get(`${c.step.path}.${spelling}[${j}]`);
        if (loc)
            return { key: `${c.step.name}.${spelling}`, loc };
    }
    return undefined;
}
/** The chain source a compiled input or channel name stands for (`<src>-input-<ch>`, `<src>-input`, `<src>-<ch>`). */
function chainedFrom(c, name) {
    const src = [...c.step.chainSources]
        .sort((a, b) => b.length - a.length)
        .find((x) => name === `${x}-input` || name.startsWith(`${x}-`));
    return src === undefined ? undefined : chainKey(c, src);
}
function processingData(c, sec, base, secLoc) {
    const { f, s } = c;
    const job = (field, keys) => f.first(field, keys, base, sec.kind, secLoc);
    const statics = staticOrigins(sec);
    const metrics = c.step.stepClass === 'Metrics';
    const first = sec.channels[0];
    for (const { name, item } of items(s.Arguments.ProcessingInputs, 'InputName')) {
        const at = (0,diff/* itemPath */.Lt)('Arguments.ProcessingInputs', name);
        const origin = statics.get(name);
        const chained = origin ? undefined : chainedFrom(c, name);
        const whole = origin?.item ?? chained;
        if (!whole || !item.S3Input)
            continue;
        f.set(at, whole.key, whole.loc, { covers: true });
        const uri = origin?.uri ?? chained;
        if (uri)
            f.set(`${at}.S3Input.S3Uri`, uri.key, uri.loc);
        for (const [field, keys] of Object.entries(S3_INPUT_FIELDS))
            job(`${at}.${field}`, keys);
        // The metrics job's input folder moves with the first channel's InputLocalFilepath (and its name).
        if (metrics && first)
            job(`${at}.S3Input.LocalPath`, [`channels.${first.name}.InputLocalFilepath`, 'channels']);
    }
    for (const { name } of items(record(s.Arguments.ProcessingOutputConfig).Outputs, 'OutputName')) {
        const at = (0,diff/* itemPath */.Lt)('Arguments.ProcessingOutputConfig.Outputs', name);
        if (metrics) {
            const named = sec.channels.find((ch) => ch.s3BucketName !== undefined);
            if (named)
                f.set(`${at}.S3Output.S3Uri`, `${sec.kind}.channels.${named.name}`, named.loc);
            if (first)
                job(`${at}.S3Output.LocalPath`, [`channels.${first.name}.OuputLocalFilepath`]);
        }
        else {
            const ch = sec.channels.find((x) => x.name === name);
            if (ch)
                f.set(at, `${sec.kind}.channels.${ch.name}`, ch.loc, { covers: true });
            else
                f.set(at, `${sec.kind}.channels`, secLoc, { written: false, covers: true });
            job(`${at}.S3Output.LocalPath`, ['location.outputLocalFilepath']);
        }
        job(`${at}.S3Output.S3UploadMode`, ['s3_upload_mode']);
    }
}
function trainingData(c, sec, base, secLoc) {
    const { f, s } = c;
    const statics = new Map(sec.channels.map((ch) => [ch.name, ch]));
    for (const { name } of items(s.Arguments.InputDataConfig, 'ChannelName')) {
        const at = (0,diff/* itemPath */.Lt)('Arguments.InputDataConfig', name);
        const ch = statics.get(name);
        if (name === 'model' && !ch && sec.modelDataUri !== undefined) {
            f.first(at, ['model_data_uri'], base, sec.kind, secLoc, true);
            continue;
        }
        const file = ch?.dataFiles[0];
        const whole = ch ? { key: `${sec.kind}.channels.${ch.name}`, loc: ch.loc } : chainedFrom(c, name);
        if (!whole)
            continue;
        f.set(at, whole.key, whole.loc, { covers: true });
        const uri = ch && file?.fileName.startsWith('s3://')
            ? { key: `${whole.key}.dataFiles[0].fileName`, loc: file.loc }
            : whole;
        f.set(`${at}.DataSource.S3DataSource.S3Uri`, uri.key, uri.loc);
        for (const [field, keys] of Object.entries(CHANNEL_FIELDS))
            f.first(`${at}.${field}`, keys, base, sec.kind, secLoc);
    }
}
function transformData(c, sec) {
    const { f, step } = c;
    const input = 'Arguments.TransformInput.DataSource.S3DataSource.S3Uri';
    const source = step.chainSources[0];
    if (source !== undefined) {
        // The input is the source's output joined with the prefix: the prefix is what an author edits there (a new
        // source shows as a dependency change in the same row).
        const prefix = c.locations.get(`${step.path}.chain_input_additional_prefix`);
        const chained = chainKey(c, source);
        if (prefix)
            f.set(input, `${step.name}.chain_input_additional_prefix`, prefix);
        else if (chained)
            f.set(input, chained.key, chained.loc);
        return;
    }
    const withFile = sec.channels.find((ch) => ch.dataFiles.length > 0);
    const file = withFile?.dataFiles[0];
    if (!withFile || !file)
        return;
    const channel = { key: `${sec.kind}.channels.${withFile.name}`, loc: withFile.loc };
    if (file.fileName.startsWith('s3://'))
        f.set(input, `${channel.key}.dataFiles[0].fileName`, file.loc);
    else
        f.set(input, channel.key, channel.loc);
    f.set('Arguments.TransformOutput.S3OutputPath', channel.key, channel.loc);
}
/** The inference container of a Model or RegisterModel step (`at` is the container's path). */
function modelFields(c, at) {
    const { f, model } = c;
    const base = `conf.models.${model.name}`;
    const registry = model.registry?.loc ?? model.loc;
    f.first(`${at}.Image`, [`${SPEC}.image_uri`], base, '', registry);
    // ModelRepack decides the container's code layout (its environment); ModelDataUrl names a step (no key).
    f.first(`${at}.Environment`, ['registry.ModelRepack'], base, '', registry, true);
    f.first(`${at}.Environment.SAGEMAKER_PROGRAM`, ['transform.entry_point'], base, '', model.transform?.loc ?? registry);
    if (model.modelPackage)
        f.set(`${at}.ModelPackageName`, 'model_package', model.modelPackage.versionLoc);
}
function registerFields(c) {
    const { f, model } = c;
    const base = `conf.models.${model.name}`;
    const registry = model.registry?.loc ?? model.loc;
    for (const [field, keys] of Object.entries(REGISTER_FIELDS))
        f.first(field, keys, base, '', registry);
    for (const [field, keys] of Object.entries(REGISTER_LISTS))
        f.first(field, keys, base, '', registry, true);
    modelFields(c, 'Arguments.InferenceSpecification.Containers[0]');
    // The model quality statistics exist because the unit has a Metrics step (its report is the statistics).
    const metrics = c.unit.filter((x) => x.stepClass === 'Metrics' && x.index < c.step.index).at(-1);
    if (metrics)
        f.set('Arguments.ModelMetrics', metrics.name, metrics.loc, { covers: true });
}
function gateFields(c) {
    const loc = c.step.qualityGateLoc ?? c.step.loc;
    // The conditions, and the Fail step's message naming each threshold.
    c.f.set('Arguments', `${c.step.name}.quality_gate`, loc, {
        written: c.step.qualityGateLoc !== undefined,
        covers: true,
    });
}
/** RetryPolicies: the step's `retry`, else the pipeline's default `sagemakerPipeline.retry`. */
function retryFields(c) {
    const own = c.locations.get(`${c.step.path}.retry`);
    const shared = c.locations.get('conf.sagemakerPipeline.retry');
    if (own)
        c.f.set('RetryPolicies', `${c.step.name}.retry`, own, { covers: true });
    else if (shared)
        c.f.set('RetryPolicies', 'sagemakerPipeline.retry', shared, { covers: true });
    else
        c.f.set('RetryPolicies', `${c.step.name}.retry`, c.step.loc, { written: false, covers: true });
}

;// CONCATENATED MODULE: ./lib/app/compile-project.js
// Load and compile: the offline phases every mode of the action and every CLI command start with.



function loadAndCompile(opts) {
    const r = loadAndCompileLenient(opts);
    if (!opts.strict || !r.diagnostics.some(isStrictError))
        return r;
    return { ...r, plan: undefined, diagnostics: strictDiagnostics(r.diagnostics) };
}
/** Under `strict`, every warning but the offline placeholders (which are no config problem) is an error. */
function isStrictError(d) {
    return d.severity === 'warning' && d.code !== 'placeholder-settings';
}
function strictDiagnostics(ds) {
    return ds.map((d) => isStrictError(d) ? { ...d, severity: 'error', message: `${d.message} (an error with strict)` } : d);
}
function loadAndCompileLenient(opts) {
    const loaded = loadProject(opts);
    if (!loaded.config) {
        return {
            config: undefined,
            plan: undefined,
            diagnostics: loaded.diagnostics,
            pipelineName: loaded.pipelineName,
        };
    }
    const compiled = compileProject(loaded.config);
    // The plan carries every warning (config and compile) so each view shows them, and its source map.
    const warnings = [...loaded.diagnostics, ...compiled.diagnostics].filter((d) => d.severity === 'warning');
    const plan = compiled.plan && {
        ...compiled.plan,
        warnings: [...new Set([...warnings, ...compiled.plan.warnings])],
        sources: sourceMap(loaded.config, compiled.plan),
    };
    return {
        config: loaded.config,
        plan,
        diagnostics: [...loaded.diagnostics, ...compiled.diagnostics],
        pipelineName: loaded.config.pipeline.name,
    };
}

;// CONCATENATED MODULE: ./lib/config/overrides.js
const TO_ENV = {
    s3Bucket: 'SMP_S3BUCKETNAME',
    executionRoleArn: 'SMP_ROLE',
    awsRegion: 'SMP_REGION',
    subnets: 'SMP_SUBNETS',
    securityGroups: 'SMP_SECURITYGROUPS',
    kmsKeyId: 'SMP_KMSKEY',
};
function applyOverrides(env, o) {
    const out = { ...env };
    for (const [k, name] of Object.entries(TO_ENV)) {
        const v = o[k]?.trim();
        if (v)
            out[name] =
                k === 'subnets' || k === 'securityGroups'
                    ? v
                        .split(/[\s,]+/)
                        .filter(Boolean)
                        .join(',')
                    : v;
    }
    return out;
}

// EXTERNAL MODULE: ./lib/plan/changes.js
var changes = __webpack_require__(7918);
;// CONCATENATED MODULE: ./lib/report/edit-words.js
const EDGE_KIND = { depends: 'DependsOn', data: 'data' };
/** The rename guess of an added or removed step, if any. */
function renameWords(e, code) {
    if (!e.renamed)
        return undefined;
    return e.status === 'added'
        ? `looks like a rename of ${code(e.renamed)}`
        : `renamed to ${code(e.renamed)}?`;
}
/** The step's upstream edge changes: new ones, ones whose kind changed, dropped ones (not for a removed step). */
function edgeWords(e, code) {
    const was = new Map(e.edgesRemoved.map((x) => [x.from, x.kind]));
    const kindChanged = e.edgesAdded.filter((x) => was.has(x.from));
    const added = e.edgesAdded.filter((x) => !was.has(x.from));
    const removed = e.edgesRemoved.filter((x) => !kindChanged.some((k) => k.from === x.from));
    const list = (xs) => xs.map((x) => `${code(x.from)} (${EDGE_KIND[x.kind]})`).join(', ');
    const out = [];
    if (added.length > 0)
        out.push(`${e.status === 'added' ? 'after' : 'now after'} ${list(added)}`);
    for (const x of kindChanged)
        out.push(`after ${code(x.from)}: ${EDGE_KIND[was.get(x.from) ?? 'depends']} → ${EDGE_KIND[x.kind]}`);
    if (removed.length > 0 && e.status !== 'removed')
        out.push(`no longer after ${list(removed)}`);
    return out;
}
/** `train.instance_type at conf.yaml:24`, `… (not set: default) at …`, or the definition path. */
function fieldName(src, path, code, where) {
    if (!src || where === undefined)
        return code(path);
    return `${code(src.key)}${src.written ? '' : ' (not set: default)'} at ${where}`;
}

// EXTERNAL MODULE: ./lib/plan/mermaid.js
var mermaid = __webpack_require__(2484);
// EXTERNAL MODULE: ./lib/plan/summary.js
var summary = __webpack_require__(5611);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/marker.js
var marker = __webpack_require__(3086);
;// CONCATENATED MODULE: ./lib/report/plan-registry.js

const versionOf = (arn) => {
    const m = arn ? /\/(\d+)$/.exec(arn) : null;
    return m ? Number(m[1]) : undefined;
};
const day = (iso) => iso.slice(0, 10);
/** `v3, Approved, registered 2026-11-30`. */
function versionText(p) {
    const r = p.resolved;
    return r
        ? `v${r.version}, ${r.approvalStatus}${r.createdAt ? `, registered ${day(r.createdAt)}` : ''}`
        : undefined;
}
/** The line about the deployed pipeline, when it scores with another (older or newer) version. */
function deployedNote(p) {
    const now = p.resolved?.version;
    const then = versionOf(p.deployedArn);
    if (now === undefined || then === undefined || then === now || p.deployedArn?.includes(':000000000000:'))
        return undefined;
    return then < now
        ? `the deployed pipeline scores with the older v${then}: deploying moves it to v${now}`
        : `the deployed pipeline scores with v${then}, newer than this plan's v${now}`;
}
function packageMarkdown(view) {
    const packages = view.packages ?? [];
    if (packages.length === 0)
        return [];
    const out = ['**Model versions** (from the Model Registry)', ''];
    for (const p of packages) {
        const v = versionText(p);
        const head = `- ${(0,report_escape/* mdCode */.xs)(p.model, false)} scores with ${(0,report_escape/* mdCode */.xs)(p.group, false)}`;
        out.push(v
            ? `${head} ${(0,report_escape/* mdText */.bC)(v)} (parameter ${(0,report_escape/* mdCode */.xs)(p.parameter, false)}, ${(0,report_escape/* mdCode */.xs)(p.resolved?.arn ?? '', false)})`
            : `${head} ${(0,report_escape/* mdText */.bC)(String(p.version))}: **unresolved** (planned offline, without reading the Model Registry; deploy and run resolve it and refuse without AWS access)`);
        const note = deployedNote(p);
        if (note)
            out.push(`  - ${(0,report_escape/* mdText */.bC)(note)}`);
    }
    out.push('');
    return out;
}
const plain = (x) => x;
const code = (x) => (0,report_escape/* mdCode */.xs)(x, false);
function scheduleSummary(s, c) {
    const spec = s.spec;
    if (!spec)
        return '';
    const params = spec.parameters.map((p) => c(`${p.Name}=${p.Value}`)).join(', ');
    return `${c(spec.expression)} in ${c(spec.timezone)}, ${spec.enabled ? 'enabled' : 'disabled'}, run as ${c(spec.roleArn)}${params ? `, parameters ${params}` : ''}`;
}
/** What deploy does to the schedule, in words; undefined when there is nothing to say. */
function scheduleOutcome(s, c) {
    const a = s.action;
    if (!a)
        return s.spec ? `not compared with the deployed schedule (${s.note ?? 'it was not read'})` : undefined;
    switch (a.kind) {
        case 'none':
            return undefined;
        case 'create':
            return 'deploy creates it';
        case 'unchanged':
            return 'unchanged';
        case 'update':
            return `deploy updates it: ${a.fields.map((f) => `${f.field} ${f.old ? c(f.old) : '∅'} → ${f.new ? c(f.new) : '∅'}`).join('; ')}`;
        case 'delete':
            return `deploy deletes it: the config no longer has sagemakerPipeline.schedule (it ran ${c(a.deployed.expression)})`;
        case 'foreign':
            return s.spec
                ? 'a schedule with this name exists but smp did not create it: deploy refuses to take it over'
                : 'a schedule with this name exists but smp did not create it: left alone';
    }
}
function scheduleMarkdown(view) {
    const s = view.schedule;
    if (!s)
        return [];
    const outcome = scheduleOutcome(s, code);
    if (!s.spec && !outcome)
        return [];
    const lines = [`**Schedule** ${(0,report_escape/* mdCode */.xs)(s.name, false)} (EventBridge Scheduler)`, ''];
    if (s.spec)
        lines.push(`- ${scheduleSummary(s, code)}`);
    if (outcome)
        lines.push(`- ${outcome}`);
    lines.push('');
    return lines;
}
/** A short phrase for the headline when the schedule changes, else undefined. */
function scheduleChange(view) {
    const k = view.schedule?.action?.kind;
    return k === 'create'
        ? 'schedule added'
        : k === 'update'
            ? 'schedule changed'
            : k === 'delete'
                ? 'schedule removed'
                : undefined;
}
function registryText(view) {
    const out = [];
    for (const p of view.packages ?? []) {
        const v = versionText(p);
        out.push(`model ${p.model}: ${p.group} ${v ?? `${String(p.version)} (unresolved: planned offline)`}`);
        const note = deployedNote(p);
        if (note)
            out.push(`  ${note}`);
    }
    const s = view.schedule;
    if (s?.spec)
        out.push(`schedule ${s.name}: ${scheduleSummary(s, plain)}`);
    const outcome = s ? scheduleOutcome(s, plain) : undefined;
    if (outcome)
        out.push(`  schedule: ${outcome}`);
    return out;
}

;// CONCATENATED MODULE: ./lib/report/verdict.js
// The one-line verdict every view leads with (comment, summary, log, CLI), and the warnings it must not hide.


/** Warnings that mean a setting in the config has no effect: a plan with only these is not "No changes". */
const IGNORED_SETTING = new Set([
    'unknown-key',
    'ignored-keys',
    'ignored-step-type',
    'ignored-additional-prefix',
    'cache-ignored',
    'transform-image-ignored',
    'expiry-without-cache',
    'unused-model',
]);
function ignoredSettings(warnings) {
    return warnings.filter((w) => IGNORED_SETTING.has(w.code)).length;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/**
 * `Plan: 1 to add, 4 to change, 0 to remove`; `No effective changes: 1 setting ignored`; `No changes`; for a new
 * pipeline every step is to add; offline nothing is compared. Plain text (no Markdown).
 */
function headline(view) {
    const d = view.diff;
    const ignored = ignoredSettings(view.warnings);
    const schedule = scheduleChange(view);
    const ignoredNote = `${schedule ? `; ${schedule}` : ''}${ignored > 0 ? `; ⚠️ ${plural(ignored, 'setting')} ignored` : ''}`;
    if (view.deployed === 'unknown')
        return `${plural(view.steps, 'step')} planned, not compared with the deployed pipeline${ignoredNote}`;
    if (view.deployed === 'none' || d.status === 'created')
        return `${(0,changes/* verdictLine */.MT)({ ...(0,changes/* verdict */.WJ)(d), dependenciesAdded: 0 })} (new pipeline)${ignoredNote}`;
    if (d.status === 'unchanged' && schedule)
        return `Plan: 0 to add, 0 to change, 0 to remove; ${schedule}${ignored > 0 ? `; ⚠️ ${plural(ignored, 'setting')} ignored` : ''}`;
    if (d.status === 'unchanged')
        return ignored > 0
            ? `No effective changes: ${plural(ignored, 'setting')} ignored`
            : `No changes (${plural(view.steps, 'step')})`;
    return `${(0,changes/* verdictLine */.MT)((0,changes/* verdict */.WJ)(d))}${ignoredNote}`;
}

;// CONCATENATED MODULE: ./lib/report/plan-comment.js










/** GitHub refuses bodies over 65,536 characters; we budget 60,000 characters and bytes. */
const BODY_BUDGET = 60_000;
const LEVELS = [
    {
        details: true,
        graphDetails: true,
        tableRows: Infinity,
        graph: 'full',
        artifacts: true,
        warnings: Infinity,
    },
    {
        details: false,
        graphDetails: true,
        tableRows: Infinity,
        graph: 'full',
        artifacts: true,
        warnings: Infinity,
    },
    {
        details: false,
        graphDetails: false,
        tableRows: Infinity,
        graph: 'full',
        artifacts: true,
        warnings: Infinity,
    },
    { details: false, graphDetails: false, tableRows: 50, graph: 'full', artifacts: false, warnings: 10 },
    { details: false, graphDetails: false, tableRows: 20, graph: 'none', artifacts: false, warnings: 5 },
    { details: false, graphDetails: false, tableRows: 0, graph: 'none', artifacts: false, warnings: 0 },
];
const fitsBudget = (body, budget) => body.length <= budget && Buffer.byteLength(body, 'utf8') <= budget;
function renderPlanComment(view, budget = BODY_BUDGET) {
    for (const level of LEVELS) {
        const body = render(view, level);
        if (fitsBudget(body, budget))
            return body;
    }
    // Extra sections (run reports) can be large too: keep marker, headline, summary and hash, and say so.
    const minimal = render({
        ...view,
        extra: ['<sub>The execution report was too large for a comment: see the job summary and log.</sub>'],
    }, LEVELS[LEVELS.length - 1]);
    if (fitsBudget(minimal, budget))
        return minimal;
    return [...plan_comment_top(view), '', footer(view), ''].join('\n');
}
/** Marker, title and the verdict line. */
function plan_comment_top(view) {
    return [
        (0,marker/* renderMarker */.Bd)({ pipeline: view.pipeline, planHash: view.planHash }),
        `### smp plan: ${(0,report_escape/* mdCode */.xs)(view.pipeline, false)}`,
        '',
        `**${(0,report_escape/* mdText */.bC)(headline(view))}**`,
    ];
}
function render(view, level) {
    const out = [...plan_comment_top(view), ''];
    const omitted = [];
    for (const s of view.status ?? [])
        out.push(s, '');
    const warnings = view.warnings.slice(0, level.warnings);
    if (warnings.length > 0) {
        const more = view.warnings.length - warnings.length;
        out.push('> [!WARNING]', `> **${view.warnings.length} config warning${view.warnings.length === 1 ? '' : 's'}** (\`strict: true\` makes them errors)`, '>');
        for (const w of warnings)
            out.push(`> - ${w.loc ? `${locLink(view, w.loc)}: ` : ''}${(0,report_escape/* mdText */.bC)(w.message)}`);
        if (more > 0)
            out.push(`> - … and ${more} more (see the job log)`);
        out.push('');
    }
    else if (view.warnings.length > 0) {
        omitted.push(`${view.warnings.length} warnings`);
    }
    if (view.deployed === 'unknown')
        out.push(`> [!NOTE]\n> Compared with nothing: ${(0,report_escape/* mdText */.bC)(view.deployedNote ?? 'the deployed pipeline could not be read')}.`, '');
    if (level.graph === 'full') {
        if (view.graphNotice)
            out.push(`> ${(0,report_escape/* mdText */.bC)(view.graphNotice)}`, '');
        out.push((0,report_escape/* mdFence */.F)(view.mermaid.trimEnd(), 'mermaid', true));
        if (view.graphCaption)
            out.push(`<sub>${(0,report_escape/* mdText */.bC)(view.graphCaption)}</sub>`);
        out.push('');
        const details = view.graphDetails ?? [];
        if (level.graphDetails) {
            for (const g of details)
                out.push(`<details><summary>${(0,report_escape/* htmlText */.js)(`${g.model}: ${g.summary}`)}</summary>`, '', (0,report_escape/* mdFence */.F)(g.mermaid.trimEnd(), 'mermaid', true), '', '</details>', '');
        }
        else if (details.length > 0) {
            omitted.push("each model's step graph");
        }
    }
    else {
        omitted.push('the graph');
        out.push(graphSummary(view), '');
    }
    const rows = changeRows(view);
    if (rows.length > 0 && level.tableRows > 0) {
        out.push('| step | change | what changed |', '|---|---|---|');
        for (const r of rows.slice(0, level.tableRows))
            out.push(r);
        if (rows.length > level.tableRows)
            out.push(`| … | ${rows.length - level.tableRows} more | |`);
        out.push('');
    }
    else if (rows.length > 0) {
        omitted.push('the table of changes');
    }
    if (rows.length > level.tableRows && level.tableRows > 0)
        omitted.push(`${rows.length - level.tableRows} table rows`);
    out.push(...packageMarkdown(view), ...scheduleMarkdown(view));
    const code = view.deployed === 'read' ? codeSection(view) : [];
    if (code.length > 0 && level.tableRows > 0)
        out.push(...code, '');
    const detailed = view.deployed === 'read' ? view.diff.steps.changed.filter((c) => c.fields.length > 0) : [];
    if (level.details) {
        for (const c of detailed)
            out.push(stepDetails(view, c.name, c.fields), '');
    }
    else if (detailed.length > 0) {
        omitted.push('field-by-field details');
    }
    if (level.artifacts && view.artifacts.length > 0) {
        const total = view.artifacts.reduce((n, a) => n + a.bytes, 0);
        out.push(`<details><summary>Artifacts to upload: ${view.artifacts.length} (${(0,summary/* formatBytes */.z3)(total)} before gzip)</summary>`, '');
        out.push('| object | size | contents |', '|---|---|---|');
        // A no-break space keeps a size on one line (`20.0 KiB`) in a narrow column.
        for (const a of view.artifacts)
            out.push(`| ${(0,report_escape/* mdCode */.xs)(shortKey(a.key))} | ${(0,summary/* formatBytes */.z3)(a.bytes).replace(' ', '\u00a0')} | ${(0,report_escape/* mdText */.bC)(a.description)} |`);
        out.push('', '</details>', '');
    }
    else if (view.artifacts.length > 0) {
        omitted.push('the artifact list');
    }
    for (const e of view.extra ?? [])
        out.push(e, '');
    if (omitted.length > 0) {
        out.push(`<sub>Left out to fit GitHub's comment size: ${omitted.join(', ')}. Run \`smp plan --out DIR\` for everything.</sub>`, '');
    }
    out.push(footer(view), '');
    return out.join('\n');
}
/**
 * An artifact key with its content hash cut to 12 digits (`p/code/294496b7f726…/sourcedir.tar.gz`): the full
 * 64 make the table wider than a comment, and `smp plan --out` lists the full keys in artifacts.json.
 */
function shortKey(key) {
    return key.replace(/\/code\/([0-9a-f]{12})[0-9a-f]{52}\//, '/code/$1…/');
}
/** Provenance: the commit and run that planned it, what it was compared with, the plan hash. */
function footer(view) {
    const p = view.provenance;
    const parts = [];
    if (p?.commitSha) {
        const sha = (0,report_escape/* mdCode */.xs)(p.commitSha.slice(0, 7), false);
        parts.push(`Planned from ${p.commitUrl ? `[${sha}](${p.commitUrl})` : sha}`);
    }
    if (p?.runUrl)
        parts.push(`in [${(0,report_escape/* mdText */.bC)(p.runLabel ?? 'this run')}](${p.runUrl})`);
    const about = [
        ...(p?.deployedVersion ? [`version ${(0,report_escape/* mdCode */.xs)(p.deployedVersion, false)}`] : []),
        ...(p?.deployedModified ? [`last modified ${(0,report_escape/* mdText */.bC)(p.deployedModified.replace(/\.\d{3}Z$/, 'Z'))}`] : []),
    ];
    const compared = view.deployed === 'read'
        ? `compared with the deployed pipeline ${(0,report_escape/* mdCode */.xs)(view.pipeline, false)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`
        : view.deployed === 'none'
            ? `no pipeline ${(0,report_escape/* mdCode */.xs)(view.pipeline, false)} is deployed yet`
            : 'not compared with the deployed pipeline';
    parts.push(parts.length > 0 ? compared : compared.replace(/^./, (c) => c.toUpperCase()));
    return `<sub>${parts.join(' ')} · plan hash ${(0,report_escape/* mdCode */.xs)(view.planHash, false)}</sub>`;
}
/** `file:line`, linked to the PR head's blob when the view knows it (and the file is in the repository). */
function locLink(view, loc) {
    const text = (0,report_escape/* mdCode */.xs)(`${loc.file}:${loc.line}`);
    const base = view.provenance?.blobBase;
    if (!base || loc.file.startsWith('.smp/') || loc.file.startsWith('/') || loc.file.includes('..'))
        return text;
    const url = `${base}${loc.file.split('/').map(urlSegment).join('/')}#L${loc.line}`;
    return `[${text}](${url})`;
}
/** A path segment inside a Markdown link target: nothing that ends the link or the URL. */
function urlSegment(s) {
    return encodeURIComponent(s).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function graphSummary(view) {
    const d = view.diff.steps;
    return `${view.steps} step${view.steps === 1 ? '' : 's'}: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged.length} unchanged.`;
}
function changeRows(view) {
    if (view.deployed !== 'read')
        return [];
    const d = view.diff;
    const rows = (0,changes/* stepEdits */.Ul)(d).map((e) => `| ${mermaid/* BADGE */.yq[e.status]} ${(0,report_escape/* mdCode */.xs)(e.name)} | ${e.status} | ${editSummary(view, e)} |`);
    for (const p of d.parameters.added)
        rows.push(`| ➕ parameter ${(0,report_escape/* mdCode */.xs)(p.name)} | added | ${parameterCell(undefined, p.new)} |`);
    for (const p of d.parameters.removed)
        rows.push(`| ➖ parameter ${(0,report_escape/* mdCode */.xs)(p.name)} | removed | |`);
    for (const p of d.parameters.changed)
        rows.push(`| ✏️ parameter ${(0,report_escape/* mdCode */.xs)(p.name)} | changed | ${parameterCell(p.old, p.new)} |`);
    for (const f of d.pipelineFields)
        rows.push(`| ✏️ pipeline | changed | ${fieldCell(view, '', f)} |`);
    return rows;
}
/** A parameter as a readable line (its type and default), old → new. */
function parameterCell(oldText, newText) {
    if (oldText !== undefined && newText !== undefined)
        return `${(0,report_escape/* mdCode */.xs)(oldText)} → ${(0,report_escape/* mdCode */.xs)(newText)}`;
    return (0,report_escape/* mdCode */.xs)(newText ?? oldText ?? '');
}
function editSummary(view, e) {
    const code = (x) => (0,report_escape/* mdCode */.xs)(x);
    const parts = [];
    if (e.status !== 'changed')
        parts.push((0,report_escape/* mdText */.bC)(e.type));
    const rename = renameWords(e, code);
    if (rename)
        parts.push(rename);
    const fields = e.change?.fields ?? [];
    for (const f of fields.slice(0, 4))
        parts.push(fieldCell(view, e.name, f));
    if (fields.length > 4)
        parts.push(`${fields.length - 4} more fields (details below)`);
    const bundles = [...new Set((e.change?.code ?? []).map((c) => c.artifact))];
    if (bundles.length > 0)
        parts.push(`code: ${bundles.map((b) => (0,report_escape/* mdCode */.xs)(b)).join(', ')} changed (see Code changes)`);
    parts.push(...edgeWords(e, code));
    return parts.join('<br>');
}
/** Values short and flat enough to read inline; others are "changed" with the value in the step's details. */
function inlineValue(v) {
    return v === undefined || (v.length <= 60 && !/^[[{]/.test(v));
}
/** `train.instance_type` at [`conf.yaml:24`](…): `a` → `b`; the definition path when no config key made it. */
function fieldCell(view, step, f) {
    const src = fieldSource(view.sources, step, f.path);
    const name = fieldName(src, f.path, (x) => (0,report_escape/* mdCode */.xs)(x), src && locLink(view, src.loc));
    if (f.redacted)
        return `${name}: ${f.kind} (value hidden)`;
    if (!inlineValue(f.old) || !inlineValue(f.new))
        return `${name}: ${f.kind === 'changed' ? 'changed' : f.kind} (details below)`;
    return `${name}: ${f.old === undefined ? '∅' : (0,report_escape/* mdCode */.xs)(f.old)} → ${f.new === undefined ? '∅' : (0,report_escape/* mdCode */.xs)(f.new)}`;
}
/** Code changes once per bundle: what it is, the files that differ (from the manifests), the steps that re-run. */
function codeSection(view) {
    const bundles = new Map();
    for (const c of view.diff.steps.changed) {
        for (const x of c.code) {
            const k = `${x.artifact}\u0000${x.newSha}`;
            const b = bundles.get(k) ?? { change: x, steps: [] };
            if (!b.steps.includes(c.name))
                b.steps.push(c.name);
            bundles.set(k, b);
        }
    }
    if (bundles.size === 0)
        return [];
    const out = ['**Code changes**', ''];
    for (const { change, steps } of bundles.values()) {
        const artifact = view.artifacts.find((a) => a.key.includes(`/${change.newSha}/`));
        const what = artifact ? (0,report_escape/* mdText */.bC)(artifact.description) : (0,report_escape/* mdCode */.xs)(change.artifact, false);
        const files = view.codeFiles?.get(change.newSha);
        const fileText = files
            ? [
                ...files.changed.map((f) => `${(0,report_escape/* mdCode */.xs)(f, false)} changed`),
                ...files.added.map((f) => `${(0,report_escape/* mdCode */.xs)(f, false)} added`),
                ...files.removed.map((f) => `${(0,report_escape/* mdCode */.xs)(f, false)} removed`),
            ].join(', ') || 'no file differs (packaging changed)'
            : 'files not listed (no manifest of the deployed bundle was read)';
        out.push(`- ${(0,report_escape/* mdCode */.xs)(change.artifact, false)} of ${what} (sha256 ${(0,report_escape/* mdCode */.xs)(change.oldSha.slice(0, 8), false)} → ${(0,report_escape/* mdCode */.xs)(change.newSha.slice(0, 8), false)}): ${fileText}; re-runs ${steps.map((s) => (0,report_escape/* mdCode */.xs)(s, false)).join(', ')}`);
    }
    return out;
}
/** One side of a field change; JSON values pretty-printed so a long object reads line by line. */
function side(sign, v) {
    let text = v ?? '∅';
    if (v !== undefined && /^[[{]/.test(v)) {
        try {
            text = JSON.stringify(JSON.parse(v), null, 2);
        }
        catch {
            // not JSON after all (truncated or plain text): as is
        }
    }
    return text
        .split('\n')
        .map((l, i) => `  ${i === 0 ? sign : ' '} ${l}`)
        .join('\n');
}
function stepDetails(view, step, fields) {
    // The key, where it is and the definition field each on a line of their own: a code block does not wrap, and
    // one long line (a nested config path, a JSON path) would hide the rest behind a scroll bar.
    const lines = fields.map((f) => {
        const src = fieldSource(view.sources, step, f.path);
        const name = src
            ? `${src.key}${src.written ? '' : ' (not set: default)'}\n  at ${src.loc.file}:${src.loc.line}\n  field ${f.path}`
            : `${f.path}:`;
        if (f.redacted)
            return `${name}${src ? '\n ' : ''} ${f.kind} (value hidden)`;
        return `${name}\n${side('-', f.old)}\n${side('+', f.new)}`;
    });
    return `<details><summary>${(0,report_escape/* htmlText */.js)(step)}: ${fields.length} field${fields.length === 1 ? '' : 's'}</summary>\n\n${(0,report_escape/* mdFence */.F)(lines.join('\n'))}\n\n</details>`;
}

;// CONCATENATED MODULE: ./lib/report/plan-text.js






/** Characters of a field value shown in the text diff before it is cut. */
const VALUE_CHARS = 160;
const SIGN = { added: '+', changed: '~', removed: '-' };
/** The diff in the comment's words: a line per step added/changed/removed, its changes indented below it. */
function diffText(diff, opts = {}) {
    const out = [];
    const plain = (x) => (0,visible/* visible */.RK)(x);
    // A long value (a JSON object, a joined URI) is cut, as the comment moves it to its details: the full values
    // are in `--format json` and plan.md.
    const value = (x) => (x === undefined ? '∅' : (0,visible/* shown */.SP)(x, VALUE_CHARS));
    for (const e of (0,changes/* stepEdits */.Ul)(diff)) {
        out.push(`${SIGN[e.status]} ${plain(e.name)} (${plain(e.type)}): ${e.status}`);
        const lines = [];
        const rename = renameWords(e, plain);
        if (rename)
            lines.push(rename);
        for (const f of e.change?.fields ?? []) {
            const src = fieldSource(opts.sources, e.name, f.path);
            const name = fieldName(src, f.path, plain, src && `${plain(src.loc.file)}:${src.loc.line}`);
            lines.push(f.redacted ? `${name}: ${f.kind} (value hidden)` : `${name}: ${value(f.old)} → ${value(f.new)}`);
        }
        // Once per bundle, as the comment's Code changes list: the hashes and, when the manifests were read, the files.
        const bundles = new Map((e.change?.code ?? []).map((c) => [`${c.artifact}\u0000${c.newSha}`, c]));
        for (const c of bundles.values()) {
            const files = opts.codeFiles?.get(c.newSha);
            const list = files
                ? [
                    ...files.changed.map((x) => `${plain(x)} changed`),
                    ...files.added.map((x) => `${plain(x)} added`),
                    ...files.removed.map((x) => `${plain(x)} removed`),
                ].join(', ') || 'no file differs (packaging changed)'
                : undefined;
            lines.push(`code: ${c.artifact} changed (sha256 ${c.oldSha.slice(0, 8)} → ${c.newSha.slice(0, 8)})${list ? `: ${list}` : ''}`);
        }
        lines.push(...edgeWords(e, plain));
        out.push(...lines.map((l) => `    ${l}`));
    }
    for (const p of diff.parameters.added)
        out.push(`+ parameter ${plain(p.name)} (${plain(p.new ?? '')})`);
    for (const p of diff.parameters.removed)
        out.push(`- parameter ${plain(p.name)} (${plain(p.old ?? '')})`);
    for (const p of diff.parameters.changed)
        out.push(`~ parameter ${plain(p.name)}: ${plain(p.old ?? '')} → ${plain(p.new ?? '')}`);
    for (const f of diff.pipelineFields)
        out.push(`~ pipeline ${f.path}: ${plain(f.old ?? '∅')} → ${plain(f.new ?? '∅')}`);
    return out.join('\n');
}
/** Whether to colour: a TTY, unless NO_COLOR is set; FORCE_COLOR forces it (https://no-color.org). */
function wantsColour(env, isTty) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')
        return true;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTty;
}
function paint(text, view, style) {
    if (!style?.colour)
        return text;
    const calm = view.deployed === 'read' && view.diff.status === 'unchanged' && !text.includes('ignored');
    return `\u001b[1;${calm ? '32' : '33'}m${text}\u001b[0m`;
}
function planText(view, style) {
    const lines = [paint(`${view.pipeline}: ${headline(view)}`, view, style)];
    if (view.deployed === 'read') {
        const body = diffText(view.diff, {
            ...(view.sources ? { sources: view.sources } : {}),
            ...(view.codeFiles ? { codeFiles: view.codeFiles } : {}),
        });
        if (body)
            lines.push(body);
    }
    lines.push(...registryText(view));
    lines.push(`plan hash ${view.planHash}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./lib/action/approved-plan.js
// `require-approved-plan`: main deploys only the plan the merged PR's comment showed.








/** Refuses (no AWS writes) when the plan differs from the one the merged PR's comment showed. */
async function gatePasses(inputs, ctx, plan, view, state) {
    const sha = ctx.sha;
    if (!ctx.owner || !ctx.repo || !sha)
        throw new Error('require-approved-plan needs GITHUB_REPOSITORY and GITHUB_SHA');
    const { createGithubClient } = await __webpack_require__.e(/* import() */ 825).then(__webpack_require__.bind(__webpack_require__, 2825));
    const { approvedPlan } = await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 7820));
    const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
    const approved = await approvedPlan(gh, { owner: ctx.owner, repo: ctx.repo }, sha, ctx.defaultBranch, plan.pipelineName);
    if (approved?.planHash === view.planHash) {
        runner.info(`Plan ${view.planHash} was approved in ${approved.prUrl}`);
        return true;
    }
    state.outputs['failure-reason'] = 'plan-changed';
    const why = !approved
        ? `no merged pull request brought ${sha.slice(0, 7)} into ${ctx.defaultBranch ?? 'the default branch'}, so there is no approved plan`
        : !approved.planHash
            ? `pull request #${approved.prNumber} has no smp plan comment for ${plan.pipelineName}`
            : `the plan changed since pull request #${approved.prNumber} was approved: approved ${approved.planHash.slice(0, 12)}, now ${view.planHash.slice(0, 12)}`;
    const diff = approved?.planHash ? await approvedDiff(inputs, approved.headSha, plan) : undefined;
    state.failure = {
        title: 'Refused: the plan is not the approved one',
        message: `${why}${approved?.commentUrl ? `\nApproved plan: ${approved.commentUrl}` : ''}${diff ? `\nChanges since the approved plan:\n${diff}` : ''}`,
    };
    return false;
}
/** Recompiles at the approved PR head (a detached worktree) and diffs it with the current plan; best effort. */
async function approvedDiff(inputs, headSha, plan) {
    const repoRoot = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'smp-approved-'));
    try {
        const { exec: actionsExec } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
        const quiet = { silent: true, ignoreReturnCode: true, cwd: repoRoot };
        await actionsExec('git', ['fetch', '--quiet', '--depth', '1', 'origin', headSha], quiet);
        if ((await actionsExec('git', ['worktree', 'add', '--detach', '--force', dir, headSha], quiet)) !== 0)
            return undefined;
        const r = loadAndCompile({
            workspace: external_node_path_.join(dir, inputs.workingDirectory),
            globs: inputs.config,
            env: applyOverrides(process.env, inputs.overrides),
            allowPlaceholders: true,
        });
        return r.plan
            ? diffText((0,diff/* diffDefinitions */.eM)(r.plan.definition, plan.definition)) ||
                '(same definition; code bundles differ)'
            : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        const { exec: actionsExec } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
        await actionsExec('git', ['worktree', 'remove', '--force', dir], {
            silent: true,
            ignoreReturnCode: true,
            cwd: repoRoot,
        }).catch(() => 0);
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./lib/app/deployed-state.js

/** The deployed `smp-<pipeline>` schedule for the plan view; a failed read is a note, not a failure. */
async function readScheduleForView(clients, pipeline) {
    const { readSchedule } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(768), __webpack_require__.e(883)]).then(__webpack_require__.bind(__webpack_require__, 6264));
    try {
        return { schedule: await readSchedule(await clients.scheduler(), (0,schedule/* scheduleName */.V5)(pipeline)) };
    }
    catch (err) {
        const e = err;
        return {
            scheduleNote: `could not read it: ${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0] ?? ''}`,
        };
    }
}
/** The deployed pipeline and schedule as the plan view takes them, and the pipeline as the deploy reuses it. */
async function readDeployedState(clients, pipelineName) {
    const { readDeployed } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459), __webpack_require__.e(671)]).then(__webpack_require__.bind(__webpack_require__, 7671));
    const d = await readDeployed(clients.sagemaker, pipelineName);
    const schedule = await readScheduleForView(clients, pipelineName);
    return {
        deployed: d
            ? {
                state: 'read',
                definition: d.definition,
                arn: d.arn,
                ...schedule,
                ...(d.lastModified ? { lastModified: d.lastModified } : {}),
                ...(d.versionName ? { version: d.versionName } : {}),
            }
            : { state: 'none', definition: null, ...schedule },
        pipeline: d,
    };
}

;// CONCATENATED MODULE: ./lib/app/resolve-plan.js
// Model packages resolved online: the versioned ARNs of `model_package` units become parameter defaults.

/**
 * The plan with every `model_package` resolved in the Model Registry (the versioned ARNs become the parameter
 * defaults, and so part of the plan hash). A plan without such units is returned as it is.
 */
async function resolvePlan(config, plan, clients) {
    if (plan.modelPackages.length === 0)
        return plan;
    const { resolvePackages } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459), __webpack_require__.e(512)]).then(__webpack_require__.bind(__webpack_require__, 4512));
    const packages = await resolvePackages(clients.sagemaker, plan.modelPackages, clients.region, config.settings.accountId);
    const again = compileProject(config, { packages });
    // The same config compiled a moment ago; only the parameter defaults differ.
    if (!again.plan)
        throw new Error(`internal: the plan no longer compiles with resolved model packages`);
    return again.plan;
}

;// CONCATENATED MODULE: ./lib/action/aws-phase.js
// The AWS side of a plan: the session (OIDC role or offline), the model packages resolved in the Model
// Registry, and the deployed pipeline and schedule.




async function openSession(inputs, region, ctx) {
    const { openAwsSession } = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 8323));
    const s = await openAwsSession(inputs, region, ctx);
    if (s.kind === 'online')
        runner.info(`AWS: ${s.how}`);
    else
        runner.notice(`Planning offline: ${s.why}. The plan is not compared with the deployed pipeline.`, {
            title: 'smp: offline plan',
        });
    return s;
}
/**
 * The plan with its model packages resolved online (the versioned ARNs become parameter defaults). A registry
 * that answers "no usable version" fails the job in every mode; one that cannot be read degrades a plan to
 * unresolved (with the reason in `note`), and deploy/run then refuse.
 */
async function resolveModelPackages(session, config, plan, lenient) {
    if (plan.modelPackages.length === 0)
        return { plan };
    if (session.kind !== 'online')
        return { plan, note: `the model packages are unresolved (${session.why})` };
    try {
        const resolvedPlan = await resolvePlan(config, plan, session.clients);
        for (const b of resolvedPlan.modelPackages)
            if (b.resolved)
                runner.info(`Model ${b.model}: ${b.group} v${b.resolved.version} (${b.resolved.approvalStatus}) ${b.resolved.arn}`);
        return { plan: resolvedPlan };
    }
    catch (err) {
        if (!lenient || err.name === 'PackageResolutionError')
            throw err;
        const why = `could not read the Model Registry (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
        runner.warning(`${why}; the model versions are unresolved`, { title: 'smp: model registry' });
        return { plan, note: why };
    }
}
/**
 * The deployed pipeline, read once: the plan view diffs against it and the deploy reuses it. A plan degrades to
 * offline when it cannot be read (a PR role without DescribePipeline must not fail the PR): a notice, as for the
 * other offline plans (README, Modes). Deploy and run fail.
 */
async function readDeployedLenient(session, plan, lenient) {
    if (session.kind !== 'online')
        return { deployed: { ...plan_view/* OFFLINE */.GS, note: session.why }, pipeline: undefined };
    try {
        return await readDeployedState(session.clients, plan.pipelineName);
    }
    catch (err) {
        if (!lenient)
            throw err;
        const why = `could not read the deployed pipeline (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
        runner.notice(`${why}; planning offline`, { title: 'smp: deployed pipeline' });
        return { deployed: { ...plan_view/* OFFLINE */.GS, note: why }, pipeline: undefined };
    }
}

;// CONCATENATED MODULE: ./lib/github/annotate.js
// Config diagnostics as GitHub annotations, so they show inline on the PR diff.


/** GitHub shows only the first 10 error and 10 warning annotations of a step; the log gets them all. */
const ANNOTATION_LIMIT = 10;
/** One error annotation is kept for the step's own failure message (setFailed). */
const ERROR_ANNOTATIONS = ANNOTATION_LIMIT - 1;
function annotate(diagnostics, workingDirectory) {
    let errors = 0;
    let warnings = 0;
    for (const d of diagnostics) {
        const n = d.severity === 'error' ? ++errors : ++warnings;
        if (n > (d.severity === 'error' ? ERROR_ANNOTATIONS : ANNOTATION_LIMIT)) {
            runner.info(formatDiagnostic(d));
            continue;
        }
        const props = d.loc
            ? {
                file: workingDirectory ? `${workingDirectory}/${d.loc.file}` : d.loc.file,
                startLine: d.loc.line,
                startColumn: d.loc.col,
                title: `smp: ${d.code}`,
            }
            : { title: `smp: ${d.code}` };
        const text = d.loc ? `${formatLoc(d.loc)}: ${displayMessage(d.message)}` : displayMessage(d.message);
        if (d.severity === 'error')
            runner.error(text, props);
        else
            runner.warning(text, props);
    }
    const hidden = Math.max(0, errors - ERROR_ANNOTATIONS) + Math.max(0, warnings - ANNOTATION_LIMIT);
    if (hidden > 0)
        runner.info(`${hidden} more diagnostic(s) are in the log above (GitHub shows 10 annotations of each kind).`);
}

;// CONCATENATED MODULE: ./lib/action/compile-phase.js
// Clone the model repositories (if any), then validate and compile: what every mode starts with.





async function compileWorkspace(inputs, ctx) {
    const extraRoots = inputs.modelRepositories.length > 0
        ? await runner.group('Clone model repositories', () => cloneRepos(inputs, ctx))
        : [];
    const env = applyOverrides(process.env, inputs.overrides);
    return runner.group('Validate and compile', () => {
        const r = loadAndCompile({
            workspace: inputs.workspace,
            globs: inputs.config,
            env,
            allowPlaceholders: inputs.mode === 'plan',
            extraRoots,
            strict: inputs.strict,
        });
        annotate(r.diagnostics, inputs.workingDirectory);
        // What was found, so the log tells the same story as the comment.
        if (r.plan)
            runner.info((0,summary/* planSummary */.MM)(r.plan));
        const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
        if (warnings > 0)
            runner.info(`${warnings} config warning${warnings === 1 ? '' : 's'} (see the annotations)`);
        return Promise.resolve(r);
    });
}
async function cloneRepos(inputs, ctx) {
    const { cloneRepositories } = await __webpack_require__.e(/* import() */ 494).then(__webpack_require__.bind(__webpack_require__, 9494));
    const { exec: actionsExec } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
    return cloneRepositories(inputs.modelRepositories, {
        workspace: inputs.workspace,
        serverUrl: ctx.serverUrl,
        token: inputs.githubToken,
        exec: (tool, args, opts) => actionsExec(tool, args, { cwd: opts.cwd, env: opts.env, ignoreReturnCode: true }),
        maskSecret: (s) => runner.setSecret(s),
        log: (l) => runner.info(l),
    });
}

// EXTERNAL MODULE: ./lib/github/event.js
var github_event = __webpack_require__(9607);
;// CONCATENATED MODULE: ./lib/report/job-summary.js
// The job summary of a run that followed an execution: the outcome as the heading, then what the run did (the run
// report, the failure) and only then the plan it deployed, so nothing about the outcome sits below the plan.
// Without an outcome (plan and deploy modes, or a run that failed before starting) it is the plan comment with
// those sections, as on the PR. Pure.
/** `plan(sections)` renders the plan comment with `sections` as its extra sections. */
function renderJobSummary(outcome, sections, plan) {
    if (!outcome)
        return plan(sections);
    return [`### ${outcome}`, '', ...sections.map((s) => `${s.trimEnd()}\n`), plan([])].join('\n');
}

// EXTERNAL MODULE: ./lib/report/run-report.js
var run_report = __webpack_require__(7034);
;// CONCATENATED MODULE: ./lib/action/finish.js







/** A step's summary may hold 1 MiB; the rest is the run report's margin. */
const SUMMARY_BUDGET = 900_000;
async function finish(inputs, ctx, state, cancelled) {
    if (cancelled && !state.report.cancelled && state.report.executionArn) {
        state.report = { ...state.report, cancelled: { stillRunning: true } };
    }
    const failure = state.failure
        ? (0,run_report/* renderFailure */.zt)(state.failure.title, state.failure.shown ?? state.failure.message)
        : undefined;
    const extra = [(0,run_report/* renderRunReport */.Af)(state.report), ...(failure ? [failure] : [])].filter((s) => s.trim() !== '');
    const pipeline = state.view?.pipeline ?? state.pipelineName;
    // Without a plan (invalid config) the comment still carries the marker, so it replaces the last plan shown.
    // The comment has GitHub's 65,536-character limit; the job summary has room for the whole report.
    const render = (budget, sections = extra) => state.view
        ? renderPlanComment({ ...state.view, extra: sections }, budget)
        : [
            ...(pipeline
                ? [
                    (0,marker/* renderMarker */.Bd)({ pipeline, planHash: 'none' }),
                    `### smp plan: ${(0,report_escape/* mdCode */.xs)(pipeline, false)} does not compile`,
                    '',
                ]
                : []),
            ...sections,
        ].join('\n');
    const body = render();
    try {
        for (const [k, v] of Object.entries(state.outputs))
            runner.setOutput(k, v);
    }
    catch (err) {
        runner.warning(`Could not set the step outputs: ${err instanceof Error ? err.message : String(err)}`);
    }
    // On a run the summary opens with the outcome: what happened, where, why, and the links to look.
    const outcome = (0,run_report/* runOutcome */.CL)(state.report);
    try {
        await runner.appendSummary(renderJobSummary(outcome, extra, (x) => render(SUMMARY_BUDGET, x)));
    }
    catch (err) {
        runner.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (pipeline)
        await comment(inputs, ctx, body, pipeline);
    if (pipeline && outcome && inputs.mode === 'run' && ctx.isDefaultBranchPush)
        await statusOnMergedPr(inputs, ctx, pipeline, outcome);
    if (state.failure) {
        // Config errors are already annotated on their lines; anything else gets its whole message here.
        runner.setFailed(state.failure.annotated
            ? `${state.failure.title}: see the annotations and the job summary`
            : `${state.failure.title}: ${state.failure.message}`);
    }
}
async function comment(inputs, ctx, body, pipeline) {
    const pr = ctx.pullRequest;
    if (!inputs.comment || !pr || !ctx.owner || !ctx.repo || !inputs.githubToken)
        return;
    try {
        const { createGithubClient, RATE_LIMIT_RESERVE } = await __webpack_require__.e(/* import() */ 825).then(__webpack_require__.bind(__webpack_require__, 2825));
        const { upsertPlanComment } = await __webpack_require__.e(/* import() */ 510).then(__webpack_require__.bind(__webpack_require__, 4510));
        const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
        const target = { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number, pipeline };
        const posted = await upsertPlanComment(gh, target, body, RATE_LIMIT_RESERVE);
        const left = gh.remaining();
        runner.info(`PR comment ${posted.action}${posted.url ? `: ${posted.url}` : ''} (${gh.calls()} GitHub API calls${left !== undefined ? `, ${left} left this hour` : ''})`);
        if (left !== undefined && left < RATE_LIMIT_RESERVE)
            runner.warning(`GitHub API rate limit nearly used up (${left} left this hour)`);
    }
    catch (err) {
        runner.notice(commentFailure(err), { title: 'smp: PR comment' });
    }
}
/** The merged PR's plan comment gets the run's outcome as a status line (best effort: a notice on failure). */
async function statusOnMergedPr(inputs, ctx, pipeline, outcome) {
    if (!inputs.comment || !ctx.owner || !ctx.repo || !ctx.sha || !inputs.githubToken)
        return;
    const run = (0,github_event/* runUrl */.Vp)(ctx);
    const status = `${outcome}${run ? ` ([run ${ctx.runId ?? ''}](${run}))` : ''}`;
    try {
        const { createGithubClient } = await __webpack_require__.e(/* import() */ 825).then(__webpack_require__.bind(__webpack_require__, 2825));
        const { postRunStatus } = await __webpack_require__.e(/* import() */ 510).then(__webpack_require__.bind(__webpack_require__, 4510));
        const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
        const url = await postRunStatus(gh, { owner: ctx.owner, repo: ctx.repo }, ctx.sha, pipeline, status);
        if (url)
            runner.info(`Run status added to the merged PR's plan comment: ${url}`);
    }
    catch (err) {
        runner.notice(`Could not add the run status to the merged PR's plan comment (${commentFailure(err).replace(/ The job summary has the plan\.$/, '')}); give the job permissions: pull-requests: write`, { title: 'smp: PR status' });
    }
}
/** Why the comment could not be written; never a failure of the job (the summary has the plan). */
function commentFailure(err) {
    const e = err;
    const message = e.message ?? String(err);
    if (e.name === 'RateLimited' || /rate limit/i.test(message)) {
        return `Skipped the PR comment: the GitHub API rate limit is (nearly) used up (${message}). The job summary has the plan.`;
    }
    if (e.status === 403 || e.status === 404) {
        return `Could not comment on the pull request (HTTP ${e.status}: the token cannot write here, as on a fork PR; give the job permissions: pull-requests: write). The job summary has the plan.`;
    }
    return `Could not comment on the pull request: ${message}. The job summary has the plan.`;
}

;// CONCATENATED MODULE: ./lib/plan/files.js
// Plan files: the definition exactly as it would be sent, the artifact list and the human views; with
// `smp plan --out` also the artifacts themselves, packed as the deploy would upload them.



/**
 * Packs every artifact into DIR/artifacts/<content sha256>/<name>, streamed (a bundle's tar is gzip'd on
 * its way to the file, as on its way to S3). Throws BundleError if a file changed since the plan.
 */
async function writePlanArtifacts(plan, dir) {
    const out = [];
    for (const a of plan.artifacts) {
        const localPath = path.join(dir, 'artifacts', a.contentSha256, path.posix.basename(a.key));
        mkdirSync(path.dirname(localPath), { recursive: true });
        if (a.source.type === 'bytes') {
            writeFileSync(localPath, a.source.bytes);
            out.push({ artifact: a, localPath, sha256: a.contentSha256, bytes: a.source.bytes.length });
        }
        else {
            const r = await packTo(a.source.layout, createWriteStream(localPath), {
                expectSha256: a.contentSha256,
            });
            out.push({ artifact: a, localPath, ...r });
        }
    }
    return out;
}
/**
 * Writes DIR/definition.json, artifacts.json, dag.mmd and plan.md. artifacts.json lists what the plan
 * uploads (`contentSha256` is the address, `bytes` the uncompressed size); with `written` (from
 * writePlanArtifacts) each entry also has its `localPath` and the `packedSha256`/`packedBytes` written.
 */
function writePlanFiles(plan, dir, views, written) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const files = {
        definition: external_node_path_.join(dir, 'definition.json'),
        artifacts: external_node_path_.join(dir, 'artifacts.json'),
        dag: external_node_path_.join(dir, 'dag.mmd'),
        markdown: external_node_path_.join(dir, 'plan.md'),
    };
    const byKey = new Map(written?.map((w) => [w.artifact.key, w]));
    (0,external_node_fs_.writeFileSync)(files.definition, `${JSON.stringify(plan.definition, null, 2)}\n`);
    (0,external_node_fs_.writeFileSync)(files.artifacts, `${JSON.stringify(plan.artifacts.map(({ kind, key, s3Uri, contentSha256, bytes, description }) => {
        const w = byKey.get(key);
        return {
            kind,
            ...(w ? { localPath: external_node_path_.relative(dir, w.localPath) } : {}),
            s3Uri,
            contentSha256,
            bytes,
            ...(w ? { packedSha256: w.sha256, packedBytes: w.bytes } : {}),
            description,
        };
    }), null, 2)}\n`);
    (0,external_node_fs_.writeFileSync)(files.dag, views.mermaid);
    (0,external_node_fs_.writeFileSync)(files.markdown, views.markdown);
    return files;
}

;// CONCATENATED MODULE: ./lib/action/plan-phase.js
// The plan view: diffed against what is deployed, with the changed code files and the links for the
// comment's footer; written to the plan files and outputs, and told in the log.









async function showPlan(inputs, ctx, session, plan, deployed, state) {
    const built = (0,plan_view/* buildPlanView */.rn)(plan, deployed);
    const { changedFiles } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711), __webpack_require__.e(358), __webpack_require__.e(38)]).then(__webpack_require__.bind(__webpack_require__, 38));
    const codeFiles = session.kind === 'online' ? await changedFiles(session.clients.s3, plan, built) : undefined;
    const view = {
        ...built,
        ...(codeFiles && codeFiles.size > 0 ? { codeFiles } : {}),
        provenance: { ...built.provenance, ...provenance(inputs, ctx) },
    };
    state.view = view;
    recordPlanOutputs(plan, view, state);
    await runner.group('Plan', () => {
        runner.info(planText(view));
        if (deployed.state === 'unknown')
            runner.info(`(${deployed.note ?? 'offline'})`);
        return Promise.resolve();
    });
    return view;
}
/** Links for the comment: the commit (PR head), this run, and the blob base for config `file:line` links. */
function provenance(inputs, ctx) {
    const sha = (0,github_event/* commitSha */.mJ)(ctx);
    const repo = ctx.owner && ctx.repo ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}` : undefined;
    const run = (0,github_event/* runUrl */.Vp)(ctx);
    const dir = inputs.workingDirectory.replace(/^\.\/?/, '');
    const encoded = dir
        .split('/')
        .filter((x) => x !== '')
        .map((x) => `${encodeURIComponent(x)}/`)
        .join('');
    return {
        ...(sha ? { commitSha: sha } : {}),
        ...(sha && repo
            ? { commitUrl: `${repo}/commit/${sha}`, blobBase: `${repo}/blob/${sha}/${encoded}` }
            : {}),
        ...(run
            ? {
                runUrl: run,
                runLabel: `run ${ctx.runId ?? ''}`,
            }
            : {}),
    };
}
function recordPlanOutputs(plan, view, state) {
    const dir = external_node_path_.join(
    // Never inside the checkout: a committed `.smp` symlink would redirect the write.
    process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'smp-plan', plan.pipelineName);
    // The plan files, not the artifacts: packing is the deploy's job (`smp plan --out` packs them).
    const files = writePlanFiles(plan, dir, { mermaid: view.mermaid, markdown: renderPlanComment(view) });
    state.outputs['pipeline-name'] = plan.pipelineName;
    state.outputs['plan-hash'] = view.planHash;
    // A schedule deploy creates, updates or deletes is a change too.
    state.outputs.changed =
        view.deployed === 'unknown'
            ? 'unknown'
            : String(view.diff.status !== 'unchanged' || scheduleChange(view) !== undefined);
    state.outputs['definition-file'] = files.definition;
    state.outputs['dag-mermaid'] = view.mermaid;
}

// EXTERNAL MODULE: ./lib/github/inputs.js
var inputs = __webpack_require__(6174);
;// CONCATENATED MODULE: ./lib/action/state.js
// What the phases fill in as they go and the final report reads: the plan view, the run report, the failure
// and the step outputs.


function fail(state, err) {
    const e = err;
    // Our own bugs get their stack in the debug log; users get one line that says what to do.
    if (e.stack && !(err instanceof inputs/* InputError */.dz))
        runner.debug(e.stack);
    if (e.name === 'DeployCancelled') {
        state.failure = {
            title: 'Cancelled',
            message: `the job was ${e.message ?? 'cancelled'}: nothing further was sent to AWS`,
        };
        return;
    }
    state.failure = {
        title: err instanceof inputs/* InputError */.dz ? 'Invalid input' : 'smp-action failed',
        message: `${e.name && e.name !== 'Error' && !(err instanceof inputs/* InputError */.dz) ? `${e.name}: ` : ''}${e.message ?? String(err)}`,
    };
}

;// CONCATENATED MODULE: ./lib/action/run-action.js
// The action's phases, in the order the README documents: clone → validate/compile → AWS session → plan view →
// gate → deploy/run → summary, comment, outputs. Each phase is its own module; this one only sequences them
// and decides when to stop. Loaded by main.ts after the first log line, so the action starts fast.










async function runAction(inputs, ctx) {
    const state = { report: {}, outputs: {} };
    const abort = new AbortController();
    // The runner sends SIGINT, then SIGTERM a few seconds later: both only abort, so the report still lands.
    const onSignal = () => abort.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        await phases(inputs, ctx, state, abort.signal);
    }
    catch (err) {
        fail(state, err);
    }
    finally {
        await finish(inputs, ctx, state, abort.signal.aborted);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
async function phases(inputs, ctx, state, signal) {
    const compiled = await compileWorkspace(inputs, ctx);
    const { config } = compiled;
    let plan = compiled.plan;
    state.pipelineName = compiled.pipelineName;
    if (!plan || !config) {
        const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
        state.failure = {
            title: `${errors.length} configuration error${errors.length === 1 ? '' : 's'}`,
            message: errors.map(formatDiagnostic).join('\n'),
            annotated: true,
        };
        return;
    }
    // The plan is shown whatever happens next (an AWS failure must not make the comment say "does not compile").
    state.view = (0,plan_view/* buildPlanView */.rn)(plan, { ...plan_view/* OFFLINE */.GS, note: 'the deployed pipeline was not read' });
    // Run-time parameter values are checked in every mode (a PR plan catches a bad one), before any AWS call.
    const params = (0,parameters/* runParameters */.YA)(plan.parameters, inputs.parameters);
    if (params.errors.length > 0) {
        state.failure = { title: 'Invalid parameters input', message: params.errors.join('\n') };
        return;
    }
    if (inputs.parameters.length > 0 && inputs.mode !== 'run')
        runner.info(`The parameters input applies to executions: ignored in ${inputs.mode} mode (values checked)`);
    const session = await runner.group('AWS access', () => openSession(inputs, config.settings.region, ctx));
    const lenient = inputs.mode === 'plan';
    const resolved = await resolveModelPackages(session, config, plan, lenient);
    plan = resolved.plan;
    const { deployed, pipeline: current } = await readDeployedLenient(session, plan, lenient);
    const view = await showPlan(inputs, ctx, session, plan, deployed, state);
    if (inputs.mode === 'plan')
        return;
    if (session.kind !== 'online')
        throw new Error(`cannot ${inputs.mode} without AWS access: ${session.why}`);
    if (resolved.note)
        throw new Error(`cannot ${inputs.mode}: ${resolved.note}`);
    if (inputs.requireApprovedPlan && !(await gatePasses(inputs, ctx, plan, view, state)))
        return;
    const { deployOrRun } = await __webpack_require__.e(/* import() */ 391).then(__webpack_require__.bind(__webpack_require__, 8391));
    await deployOrRun(inputs, ctx, { config, plan, view, clients: session.clients, deployed, current, params }, state, signal);
}


/***/ }),

/***/ 2433:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ allDefinitionSteps),
/* harmony export */   Vw: () => (/* binding */ flatSteps),
/* harmony export */   hF: () => (/* binding */ placedSteps)
/* harmony export */ });
function branch(step, key) {
    if (step.Type !== 'Condition')
        return [];
    const list = step.Arguments[key];
    return Array.isArray(list) ? list : [];
}
/** All steps, each Condition before the steps of its branches. */
function placedSteps(steps, conditions = []) {
    const out = [];
    const gate = (c, b) => c ? { condition: c, branch: b } : undefined;
    const walk = (list, within, g) => {
        for (const s of list) {
            out.push({ step: s, gate: g, conditions: within });
            if (s.Type !== 'Condition')
                continue;
            walk(branch(s, 'IfSteps'), [...within, s.Name], gate(s.Name, true));
            walk(branch(s, 'ElseSteps'), [...within, s.Name], gate(s.Name, false));
        }
    };
    walk(steps, conditions, undefined);
    return out;
}
function allDefinitionSteps(steps) {
    return placedSteps(steps).map((p) => p.step);
}
/**
 * The definition as one flat list, for the plan's graph and diff: a branch step gets its Condition in
 * DependsOn (it runs after it), and a Condition's branches become the names of their steps.
 */
function flatSteps(def) {
    return placedSteps(def.Steps).map(({ step, gate }) => {
        let s = step;
        if (s.Type === 'Condition') {
            const names = (k) => branch(s, k).map((x) => x.Name);
            s = { ...s, Arguments: { ...s.Arguments, IfSteps: names('IfSteps'), ElseSteps: names('ElseSteps') } };
        }
        if (gate)
            s = { ...s, DependsOn: [...(s.DependsOn ?? []), gate.condition] };
        return s;
    });
}


/***/ }),

/***/ 1505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ sortByPath),
/* harmony export */   C0: () => (/* binding */ collectFiles),
/* harmony export */   Ih: () => (/* binding */ wholeTree),
/* harmony export */   Xo: () => (/* binding */ compareBytes),
/* harmony export */   c$: () => (/* binding */ layoutForEntryPoint),
/* harmony export */   oS: () => (/* binding */ inlineFile),
/* harmony export */   rJ: () => (/* binding */ BundleError)
/* harmony export */ });
/* unused harmony export MAX_BUNDLE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _config_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6446);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
// Code bundles: a model's source_directory shipped to its jobs as `sourcedir.tar.gz`. The S3 key is the
// sha256 of the canonical tar (./tar.ts), so it must be reproducible: nothing from the machine that builds
// it (mtimes, owners, umask, readdir order, OS, temp paths) may reach the bytes. This file lists the files
// and lays them out (which file goes at which tar path); ./tar.ts writes and hashes the archive.



/**
 * Largest total a code bundle takes. Bundles hold scripts and small assets; the archive is streamed, so
 * the limit is a guard against shipping a data folder by mistake, not a memory bound.
 */
const MAX_BUNDLE_BYTES = 5 * 2 ** 30;
/** A source tree or file list that cannot be shipped as is; the message names the path and what to change. */
class BundleError extends Error {
    name = 'BundleError';
}
// Names that are machine- or run-specific (caches, VCS state, Finder metadata): shipping them would make the
// bundle differ between checkouts of the same commit.
const SKIPPED_NAMES = new Set(['.git', '__pycache__', '.DS_Store']);
const isSkipped = (name) => SKIPPED_NAMES.has(name) || name.endsWith('.pyc');
/**
 * Files to ship from `dir` (absolute), recursively, sorted by the UTF-8 bytes of their paths (the order tar and
 * S3 see, independent of readdir order and of JavaScript's UTF-16 string order).
 *
 * Skips `.git`, `__pycache__`, `*.pyc` and `.DS_Store` at any depth: they are machine-specific and would break
 * determinism. Follows symlinks, as the SageMaker SDK does, so a linked file ships as a regular file; but a
 * symlink whose real target lies outside `root` (the workspace root, compared after `fs.realpathSync`) throws
 * BundleError, since it would ship files the repository does not contain. Symlink loops, dangling symlinks and
 * special files (sockets, FIFOs, devices) throw BundleError too, and so does a folder whose files add up to
 * more than MAX_BUNDLE_BYTES. Nothing is read here: each entry has its size, its real path (`absPath`) and
 * `executable`, the owner-execute bit, the only permission that survives into the archive.
 */
function collectFiles(dir, root) {
    const realRoot = realpathOrThrow(root, `the workspace root ${root} does not exist`);
    const realDir = realpathOrThrow(dir, `source directory ${dir} does not exist; check source_directory`);
    if (!(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .isWithin */ .UO)(realRoot, realDir)) {
        throw new BundleError(`source directory ${dir} resolves to ${realDir}, outside the workspace ${realRoot}; keep model code inside the repository`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(realDir).isDirectory()) {
        throw new BundleError(`source directory ${dir} is not a folder; point source_directory at a folder`);
    }
    const show = (rel) => displayPath(root, node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, ...rel.split('/')));
    const out = [];
    let total = 0;
    const walk = (realPath, rel, ancestors) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(realPath, { withFileTypes: true })) {
            if (isSkipped(entry.name))
                continue;
            const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
            let target = node_path__WEBPACK_IMPORTED_MODULE_2__.join(realPath, entry.name);
            if (entry.isSymbolicLink()) {
                target = resolveLink(target, show(relPath));
                if (!(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .isWithin */ .UO)(realRoot, target)) {
                    throw new BundleError(`symlink ${show(relPath)} points to ${target}, outside the workspace ${realRoot}; copy the file into the repository or point the link inside it`);
                }
            }
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target);
            if (st.isDirectory()) {
                if (ancestors.includes(target)) {
                    throw new BundleError(`symlink loop: ${show(relPath)} points back to its own parent folder ${target}; remove the link`);
                }
                walk(target, relPath, [...ancestors, target]);
            }
            else if (st.isFile()) {
                total += st.size;
                if (total > MAX_BUNDLE_BYTES) {
                    throw new BundleError(`${displayPath(root, dir)} holds more than ${MAX_BUNDLE_BYTES / 2 ** 30} GiB of files (reached at ${show(relPath)}): code bundles hold scripts, not data; keep data in S3 and read it through a channel, or move it out of source_directory (.git, __pycache__, *.pyc and .DS_Store are already left out)`);
                }
                out.push({ path: relPath, size: st.size, executable: (st.mode & 0o100) !== 0, absPath: target });
            }
            else {
                throw new BundleError(`${show(relPath)} is neither a file nor a folder (a socket, FIFO or device); remove it from the source directory`);
            }
        }
    };
    walk(realDir, '', [realDir]);
    return sortByPath(out);
}
/** The folder as it is: every listed file at its own path (what processing jobs unpack). */
function wholeTree(files) {
    return files.map((f) => ({ tarPath: f.path, sourceFile: f }));
}
/**
 * Layout for a job whose entry point sits in a subfolder (`train/fit.py`): SageMaker runs the program from the
 * archive root and installs the root `requirements.txt`, so the subfolder's files are moved to the root, and
 * every other file of the source directory sits beside them (shared modules stay importable).
 *
 * The subfolder's files are moved, not copied: `train/` itself is not in the result, so nothing ships twice
 * and there is a single copy of each module. On a clash the subfolder's file wins: a file at the same path,
 * a file where the subfolder needs a folder, or a folder where the subfolder has a file is dropped.
 *
 * For a top-level entry point (no `/`) the layout is the whole tree. Returns the program path relative to
 * the archive root (`fit.py`). Throws BundleError if the entry point is not among `files`.
 */
function layoutForEntryPoint(files, entryPoint) {
    const entry = normaliseEntryPoint(entryPoint);
    const notFound = () => new BundleError(`entry point ${entryPoint} is not a file in the source directory; entry points are relative to source_directory`);
    const slash = entry.lastIndexOf('/');
    if (slash < 0) {
        if (!files.some((f) => f.path === entry))
            throw notFound();
        return { layout: wholeTree(files), program: entry };
    }
    const sub = entry.slice(0, slash + 1);
    const program = entry.slice(slash + 1);
    const lifted = files
        .filter((f) => f.path.startsWith(sub))
        .map((f) => ({ tarPath: f.path.slice(sub.length), sourceFile: f }));
    const liftedFiles = new Set(lifted.map((e) => e.tarPath));
    if (!liftedFiles.has(program))
        throw notFound();
    const liftedDirs = new Set(lifted.flatMap((e) => ancestorsOf(e.tarPath)));
    const clashes = (p) => liftedFiles.has(p) || liftedDirs.has(p) || ancestorsOf(p).some((a) => liftedFiles.has(a));
    const others = wholeTree(files.filter((f) => !f.path.startsWith(sub) && !clashes(f.path)));
    const layout = sortByPath([...lifted, ...others].map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
    return { layout, program };
}
/** A generated file (a launcher, our own script) to place in a layout. */
function inlineFile(p, content, executable = false) {
    return { path: p, size: content.length, executable, content };
}
// ---------------------------------------------------------------------------------------------- helpers
function realpathOrThrow(p, message) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        throw new BundleError(message);
    }
}
function resolveLink(link, shown) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(link);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ELOOP') {
            throw new BundleError(`symlink loop at ${shown}: the link resolves back to itself; remove or fix the link`);
        }
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new BundleError(`symlink ${shown} points to a path that does not exist; remove or fix the link`);
        }
        throw new BundleError(`cannot resolve symlink ${shown} (${code ?? String(err)}); remove or fix the link`);
    }
}
/** Workspace-relative POSIX path for messages when `p` lies under `root`, else `p` itself. */
function displayPath(root, p) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, p);
    return rel === '' || !(0,_config_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .isWithin */ .UO)(root, p) ? p : rel.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
}
/** `a/b/c` → `['a', 'a/b']`. */
function ancestorsOf(p) {
    const parts = p.split('/');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
function sortByPath(items) {
    return items
        .map((item) => ({ item, key: Buffer.from(item.path, 'utf8') }))
        .sort((a, b) => Buffer.compare(a.key, b.key))
        .map(({ item }) => item);
}
function normaliseEntryPoint(entryPoint) {
    const segments = entryPoint.split('/').filter((s) => s !== '' && s !== '.');
    if (entryPoint.startsWith('/') || segments.length === 0 || segments.includes('..')) {
        throw new BundleError(`entry point ${entryPoint} must be a file path relative to source_directory, without .. segments`);
    }
    return segments.join('/');
}


/***/ }),

/***/ 242:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ stepIndex),
/* harmony export */   D: () => (/* binding */ modelOf)
/* harmony export */ });
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9271);

function stepIndex(config) {
    return new Map((0,_config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .allSteps */ .Bd)(config.pipeline).map((s) => [s.name, s]));
}
function modelOf(ctx, step) {
    const m = ctx.config.models[step.model];
    // The config phase guarantees every pipeline model exists; this only guards a broken invariant.
    if (!m)
        throw new Error(`internal: model ${step.model} of step ${step.name} is missing`);
    return m;
}


/***/ }),

/***/ 319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ METRICS_OUTPUT),
/* harmony export */   HL: () => (/* binding */ METRICS_FILE),
/* harmony export */   R7: () => (/* binding */ PATHS),
/* harmony export */   Uy: () => (/* binding */ EVALUATION_REPORT),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
// Defaults of the old framework (the contract), in one place.
const DEFAULTS = {
    instanceType: 'ml.m5.2xlarge',
    instanceCount: 1,
    volumeSizeInGb: 32,
    evaluateVolumeSizeInGb: 50,
    maxRuntimeSeconds: 3000,
    evaluateMaxRuntimeSeconds: 3600,
    channel: 'train',
    transformContentType: 'text/csv',
    metricsContentType: 'application/json',
    inferenceProgram: 'inference',
    approvalStatus: 'PendingManualApproval',
    registryInstanceTypes: ['ml.m5.2xlarge'],
    repackInstanceType: 'ml.m5.large',
    repackMaxRuntimeSeconds: 3600,
    checkpointLocalPath: '/opt/ml/checkpoints',
};
/** Container paths: user scripts depend on them (contract). */
const PATHS = {
    processingInput: '/opt/ml/processing/input',
    processingOutput: '/opt/ml/processing/output',
    processingCode: '/opt/ml/processing/input/code/',
    processingEntrypoint: '/opt/ml/processing/input/entrypoint',
    modelCode: '/opt/ml/model/code',
};
const METRICS_OUTPUT = 'model_evaluation_metrics';
const METRICS_FILE = 'model_evaluation_metrics.json';
const EVALUATION_REPORT = 'EvaluationReport';


/***/ }),

/***/ 8790:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BH: () => (/* binding */ isExpression),
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   N_: () => (/* binding */ modelArtifacts),
/* harmony export */   bv: () => (/* binding */ pythonJson),
/* harmony export */   f4: () => (/* binding */ processingOutputUri),
/* harmony export */   fD: () => (/* binding */ modelName),
/* harmony export */   fj: () => (/* binding */ EXECUTION_ARN),
/* harmony export */   ft: () => (/* binding */ executionScoped),
/* harmony export */   nz: () => (/* binding */ joinUri),
/* harmony export */   tT: () => (/* binding */ s3Uri),
/* harmony export */   yF: () => (/* binding */ transformOutput),
/* harmony export */   yG: () => (/* binding */ join)
/* harmony export */ });
/* unused harmony exports EXECUTION_ID, pythonFloat */
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9271);
// Builders for pipeline expressions and S3 URIs, so step modules never spell JSON paths by hand.

const get = (path) => ({ Get: path });
const join = (on, values) => ({
    'Std:Join': { On: on, Values: values },
});
const EXECUTION_ID = get('Execution.PipelineExecutionId');
const EXECUTION_ARN = get('Execution.PipelineExecutionArn');
/** `Outputs['train']`-style key, escaped as the SDK writes it. */
function key(name) {
    return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}
const processingOutputUri = (step, output) => get(`Steps.${step}.ProcessingOutputConfig.Outputs${key(output)}.S3Output.S3Uri`);
const modelArtifacts = (step) => get(`Steps.${step}.ModelArtifacts.S3ModelArtifacts`);
const transformOutput = (step) => get(`Steps.${step}.TransformOutput.S3OutputPath`);
const modelName = (step) => get(`Steps.${step}.ModelName`);
function isExpression(v) {
    return (typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        (Object.keys(v).join() === 'Get' ||
            Object.keys(v).join() === 'Std:Join' ||
            Object.keys(v).join() === 'Std:JsonGet'));
}
/** `s3://bucket/a/b`, dropping empty segments and doubled slashes (as the SDK's s3_path_join). */
function s3Uri(bucket, ...parts) {
    const segs = parts.flatMap((p) => (p ?? '').split('/')).filter((s) => s !== '');
    // A trailing slash on the last part is meaningful in S3 (the prefix `validation/` is not `validation_old`).
    const last = [...parts].reverse().find((p) => p !== undefined && p !== '');
    return `s3://${[bucket, ...segs].join('/')}${last?.endsWith('/') && segs.length > 0 ? '/' : ''}`;
}
/** `s3://bucket/prefix/<ExecutionId>/step/...` built at run time, as the SDK does for generated outputs. */
function executionScoped(bucket, pipeline, ...tail) {
    return join('/', ['s3:/', bucket, pipeline, EXECUTION_ID, ...tail]);
}
/** Joins an S3 location (literal or expression) and a relative path with `/`. */
function joinUri(base, rel) {
    const tail = rel.replace(/^\/+/, '');
    if (tail === '')
        return base;
    if (typeof base === 'string')
        return `${base.replace(/\/+$/, '')}/${tail}`;
    return join('/', [base, tail]);
}
/** Python json.dumps with default separators, as the SDK encodes script-mode hyperparameters. */
function pythonJson(v) {
    if (v === null || v === undefined)
        return 'null';
    if (v instanceof _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .PyFloat */ .g$)
        return pythonFloat(v.value);
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    if (typeof v === 'string')
        return asciiJson(v);
    if (Array.isArray(v))
        return `[${v.map(pythonJson).join(', ')}]`;
    if (typeof v === 'object') {
        return `{${Object.entries(v)
            .map(([k, x]) => `${asciiJson(k)}: ${pythonJson(x)}`)
            .join(', ')}}`;
    }
    return asciiJson(String(v));
}
/** JSON string with non-ASCII escaped as \uXXXX (Python's ensure_ascii). */
function asciiJson(s) {
    return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Python's repr of a float: shortest digits, `.0` on integral values, exponent below 1e-4 and from 1e16. */
function pythonFloat(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (!Number.isFinite(x))
        return x > 0 ? 'Infinity' : '-Infinity';
    const [mantissa = '0', expText = '0'] = x.toExponential().split('e');
    const exp = Number(expText);
    const negative = mantissa.startsWith('-');
    const digits = mantissa.replace(/^-/, '').replace('.', '');
    let body;
    if (exp >= -4 && exp < 16) {
        if (exp >= digits.length - 1)
            body = `${digits}${'0'.repeat(exp - digits.length + 1)}.0`;
        else if (exp >= 0)
            body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
        else
            body = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
    else {
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    return negative ? `-${body}` : body;
}


/***/ }),

/***/ 8192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ unresolvedReason),
/* harmony export */   F4: () => (/* binding */ packageBindings)
/* harmony export */ });
/* unused harmony export placeholderPackageArn */
/* harmony import */ var _config_model_package_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4334);

/** Clearly fake (account 000000000000, version 0) so an unresolved plan can never score with it. */
function placeholderPackageArn(region, group) {
    return `arn:aws:sagemaker:${region}:000000000000:model-package/${group.toLowerCase()}/0`;
}
/** One binding per pipeline unit whose model has `model_package` and that creates a model. */
function packageBindings(config, resolved = new Map()) {
    const out = [];
    for (const unit of config.pipeline.units) {
        const source = config.models[unit.model]?.modelPackage;
        if (!source || !unit.steps.some((s) => s.stepClass === 'CreateModel'))
            continue;
        const r = resolved.get(unit.model);
        out.push({
            model: unit.model,
            parameter: (0,_config_model_package_js__WEBPACK_IMPORTED_MODULE_0__/* .packageParameterName */ .n)(unit.model),
            group: source.group,
            version: source.version,
            requireApproved: source.requireApproved,
            loc: source.loc,
            resolved: r,
            defaultArn: r?.arn ?? placeholderPackageArn(config.settings.region, source.group),
        });
    }
    return out;
}
/** Why a plan with these bindings cannot be deployed, or undefined when every one is resolved. */
function unresolvedReason(bindings) {
    const open = bindings.filter((b) => !b.resolved);
    if (open.length === 0)
        return undefined;
    return `the model package${open.length === 1 ? '' : 's'} of ${open.map((b) => `\`${b.model}\` (group ${b.group}, ${String(b.version)})`).join(', ')} ${open.length === 1 ? 'is' : 'are'} unresolved: the plan was made offline, without reading the Model Registry`;
}


/***/ }),

/***/ 5433:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YA: () => (/* binding */ runParameters),
/* harmony export */   d8: () => (/* binding */ ParameterClash),
/* harmony export */   i3: () => (/* binding */ parameterDefinitions),
/* harmony export */   mo: () => (/* binding */ resolveParameterRefs),
/* harmony export */   y0: () => (/* binding */ ParameterSet),
/* harmony export */   zv: () => (/* binding */ withParameters)
/* harmony export */ });
/* harmony import */ var _config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3669);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8790);


class ParameterClash extends Error {
    name = 'ParameterClash';
}
class ParameterSet {
    #byName = new Map();
    constructor(declared) {
        for (const p of declared)
            this.#byName.set(p.name, { name: p.name, type: p.type, default: p.default, enum: p.enum });
    }
    /** Adds a generated parameter and returns its reference. */
    add(p) {
        if (this.#byName.has(p.name))
            throw new ParameterClash(`parameter \`${p.name}\` is generated${p.origin ? ` for ${p.origin}` : ''} but that name is already used: rename the declared parameter`);
        this.#byName.set(p.name, p);
        return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .get */ .Jt)(`Parameters.${p.name}`);
    }
    get(name) {
        return this.#byName.get(name);
    }
    all() {
        return [...this.#byName.values()];
    }
}
/** The definition's `Parameters`: the SDK's key order Name, Type, DefaultValue, EnumValues. */
function parameterDefinitions(params) {
    return params.map((p) => ({
        Name: p.name,
        Type: p.type,
        DefaultValue: p.default,
        ...(p.enum ? { EnumValues: [...p.enum] } : {}),
    }));
}
/**
 * Replaces `${param:Name}` in every string of `value` (the config phase checked that each is declared).
 * A string that is exactly one reference becomes `{"Get": "Parameters.Name"}` for a String parameter; every
 * place a config string can hold a reference is a string field of SageMaker's API, so another type is
 * converted as the SDK's `.to_string()` does: `{"Std:Join": {"On": "", "Values": [{"Get": …}]}}`. Text
 * around references makes a `Std:Join` with `On: ""`. `$${param:Name}` is the literal text `${param:Name}`.
 */
function resolveParameterRefs(value, params) {
    return walk(value, params);
}
function walk(value, params) {
    if (typeof value === 'string')
        return value.includes('{param:') ? resolveString(value, params) : value;
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value))
        return value.map((v) => walk(v, params));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = walk(v, params);
    return out;
}
function resolveString(s, params) {
    const whole = _config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_1__/* .WHOLE_PARAM_REF */ .kh.exec(s);
    if (whole?.[1]) {
        const p = params.get(whole[1]);
        if (p)
            return p.type === 'String' ? ref(p) : (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .join */ .yG)('', [ref(p)]);
    }
    const parts = [];
    let text = '';
    let last = 0;
    for (const m of s.matchAll(_config_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_1__/* .PARAM_REF */ ._g)) {
        text += s.slice(last, m.index);
        last = m.index + m[0].length;
        const p = m[0].startsWith('$$') ? undefined : params.get(m[1] ?? '');
        if (!p) {
            text += m[0].startsWith('$$') ? m[0].slice(1) : m[0];
            continue;
        }
        if (text)
            parts.push(text);
        text = '';
        parts.push(ref(p));
    }
    text += s.slice(last);
    if (text)
        parts.push(text);
    if (parts.length === 1 && typeof parts[0] === 'string')
        return parts[0];
    return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .join */ .yG)('', parts);
}
const ref = (p) => (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .get */ .Jt)(`Parameters.${p.name}`);
/** The idempotency key of a start: the plan, plus the values when any are given (other values, other run). */
function withParameters(planHash, values) {
    return values.length === 0 ? planHash : `${planHash}:${JSON.stringify(values)}`;
}
/** StartPipelineExecution's limit on a parameter value. */
const MAX_VALUE_LENGTH = 1024;
/** Checks run-time values against the plan's parameters (name, type, enum) before anything is sent. */
function runParameters(params, given) {
    const byName = new Map(params.map((p) => [p.name, p]));
    const errors = [];
    const values = new Map();
    for (const [name, raw] of given) {
        const p = byName.get(name);
        if (!p) {
            errors.push(`parameter \`${name}\` is not declared by the pipeline${params.length > 0 ? ` (its parameters: ${params.map((x) => x.name).join(', ')})` : ' (it declares none)'}`);
            continue;
        }
        if (values.has(name)) {
            errors.push(`parameter \`${name}\` is given twice`);
            continue;
        }
        const checked = checkValue(p, raw);
        if (typeof checked === 'object')
            errors.push(checked.error);
        else
            values.set(name, checked);
    }
    return {
        pipelineParameters: errors.length > 0 ? [] : [...values].map(([Name, Value]) => ({ Name, Value })),
        used: params.map((p) => {
            const v = values.get(p.name);
            return v === undefined
                ? { name: p.name, value: String(p.default), source: 'default' }
                : { name: p.name, value: v, source: 'run' };
        }),
        errors,
    };
}
function checkValue(p, raw) {
    const bad = (what) => ({
        error: `parameter \`${p.name}\` (${p.type}): \`${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}\` ${what}`,
    });
    switch (p.type) {
        case 'String':
            if (raw.length > MAX_VALUE_LENGTH)
                return bad(`is longer than ${MAX_VALUE_LENGTH} characters`);
            if (p.enum && !p.enum.includes(raw))
                return bad(`is not one of ${p.enum.map((v) => `\`${v}\``).join(', ')}`);
            return raw;
        case 'Integer':
            if (!/^[-+]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw)))
                return bad('is not an integer');
            return String(Number(raw));
        case 'Float':
            if (raw.trim() === '' || !Number.isFinite(Number(raw)))
                return bad('is not a number');
            return raw.trim();
        case 'Boolean':
            if (!/^(true|false)$/i.test(raw.trim()))
                return bad('is not true or false');
            return raw.trim().toLowerCase();
    }
}


/***/ }),

/***/ 2040:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xc: () => (/* binding */ scheduleSpec),
/* harmony export */   Zv: () => (/* binding */ SCHEDULE_MARKER)
/* harmony export */ });
/* unused harmony export scheduleDescription */
/* harmony import */ var _config_schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4493);
/* harmony import */ var _parameters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5433);


/** Starts every description we write: a schedule without it (or with another name) is never touched. */
const SCHEDULE_MARKER = 'smp-action:';
function scheduleDescription(pipeline) {
    return `${SCHEDULE_MARKER} starts SageMaker pipeline ${pipeline}; managed by smp-action from the pipeline's config (edits are overwritten)`.slice(0, 512);
}
/** The schedule spec; its parameter values are checked as run-time values (name, type, enum). */
function scheduleSpec(pipeline, config, parameters, bag) {
    if (!config)
        return undefined;
    for (const p of config.parameters) {
        const error = (0,_parameters_js__WEBPACK_IMPORTED_MODULE_1__/* .runParameters */ .YA)(parameters, [[p.name, p.value]]).errors[0];
        if (!error)
            continue;
        const path = `conf.sagemakerPipeline.schedule.parameters.${p.name}`;
        bag.error('bad-schedule-parameter', p.loc, path, `${path}: ${error}`);
    }
    return {
        name: (0,_config_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .scheduleName */ .V5)(pipeline),
        group: 'default',
        expression: config.expression,
        timezone: config.timezone,
        roleArn: config.roleArn,
        enabled: config.enabled,
        parameters: config.parameters.map((p) => ({ Name: p.name, Value: p.value })),
        description: scheduleDescription(pipeline),
    };
}


/***/ }),

/***/ 4788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ scriptModeHyperparameters),
/* harmony export */   A8: () => (/* binding */ chainChannels),
/* harmony export */   B_: () => (/* binding */ envOf),
/* harmony export */   Fg: () => (/* binding */ tagsOf),
/* harmony export */   Gx: () => (/* binding */ staticInputs),
/* harmony export */   Hq: () => (/* binding */ LOCAL_STORAGE_NOTE),
/* harmony export */   Hy: () => (/* binding */ dataFileUri),
/* harmony export */   ON: () => (/* binding */ vpcConfigSgFirst),
/* harmony export */   ZE: () => (/* binding */ sectionOf),
/* harmony export */   h4: () => (/* binding */ SCRIPT_MODE_KEYS),
/* harmony export */   l0: () => (/* binding */ s3Input),
/* harmony export */   lR: () => (/* binding */ chainOutput),
/* harmony export */   mQ: () => (/* binding */ CompileError),
/* harmony export */   mr: () => (/* binding */ vpcConfig),
/* harmony export */   oE: () => (/* binding */ compact),
/* harmony export */   ov: () => (/* binding */ channelNames),
/* harmony export */   vG: () => (/* binding */ cacheConfig),
/* harmony export */   x5: () => (/* binding */ volumeKmsKey)
/* harmony export */ });
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9271);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(242);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(319);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8790);
// Pieces several step classes share: S3 inputs, VPC and KMS settings, cache config, chained outputs.





/** Thrown by step builders for a config that passed validation but cannot compile; becomes a diagnostic. */
class CompileError extends Error {
    step;
    constructor(step, message) {
        super(message);
        this.step = step;
        this.name = 'CompileError';
    }
}
/** A data file's S3 URI: an `s3://` name as is, else under the channel's bucket and prefix. */
function dataFileUri(ctx, channel, file) {
    if (file.fileName.startsWith('s3://'))
        return file.fileName;
    return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .s3Uri */ .tT)(channel.s3BucketName ?? ctx.settings.bucket, channel.inputBucketPrefix, file.fileName);
}
/** Channel names of a section in file order; `train` when it has none (the old default). */
function channelNames(section) {
    const names = section?.channels.map((c) => c.name) ?? [];
    return names.length > 0 ? names : [_defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .zY.channel];
}
function vpcConfig(ctx) {
    const s = ctx.settings;
    return s.subnets.length > 0
        ? { Subnets: [...s.subnets], SecurityGroupIds: [...s.securityGroups] }
        : undefined;
}
/** The SDK's order for VpcConfig inside CreateModel/Processing is SecurityGroupIds first. */
function vpcConfigSgFirst(ctx) {
    const v = vpcConfig(ctx);
    return v ? { SecurityGroupIds: v.SecurityGroupIds, Subnets: v.Subnets } : undefined;
}
/**
 * Instance families with local NVMe storage refuse a volume KMS key (SageMaker encrypts that storage itself).
 * Conservative list: the `d` families and the GPU/accelerator families whose storage is instance-local.
 */
const LOCAL_STORAGE_NOTE = /^ml\.(?:[a-z]+\d[a-z]*d[a-z]*|g4dn|g5|g6|g6e|gr6|p3dn|p4d|p4de|p5|p5e|p5en|trn1|trn1n)\./;
function volumeKmsKey(ctx, instanceType) {
    if (!ctx.settings.kmsKey)
        return undefined;
    return LOCAL_STORAGE_NOTE.test(instanceType) ? undefined : ctx.settings.kmsKey;
}
function cacheConfig(step) {
    return step.enableCache ? { Enabled: true, ExpireAfter: step.cacheExpireAfter } : undefined;
}
function tagsOf(section) {
    return section && section.tags.length > 0
        ? section.tags.map((t) => ({ Key: t.Key, Value: t.Value }))
        : undefined;
}
function envOf(section) {
    return section && Object.keys(section.env).length > 0 ? { ...section.env } : undefined;
}
/** The section a step of this class runs: its step_type's section (Processing, Training), transform, evaluate. */
function sectionOf(ctx, step) {
    return (0,_config_types_js__WEBPACK_IMPORTED_MODULE_3__/* .sectionFor */ .v_)((0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .modelOf */ .D)(ctx, step), step);
}
/**
 * The output of chain source `source` that a consumer reads for `channel`:
 * Processing → its output named `channel`; Training → the model artifact; Transform → its output path.
 */
function chainOutput(ctx, consumer, source, channel) {
    const src = ctx.steps.get(source);
    if (!src)
        throw new CompileError(consumer, `chain source \`${source}\` is not a step of the pipeline`);
    switch (src.stepClass) {
        case 'Processing': {
            const outputs = channelNames(sectionOf(ctx, src));
            if (!outputs.includes(channel)) {
                throw new CompileError(consumer, `${consumer.path}: chain source \`${source}\` has no output \`${channel}\` (its outputs are ${outputs
                    .map((o) => `\`${o}\``)
                    .join(', ')}): name this step's channel after one of them`);
            }
            return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .processingOutputUri */ .f4)(source, channel);
        }
        case 'Training':
            return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .modelArtifacts */ .N_)(source);
        case 'Transform':
            return (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .transformOutput */ .yF)(source);
        default:
            throw new CompileError(consumer, `${consumer.path}: chain source \`${source}\` (${src.stepClass}) has no data output`);
    }
}
/**
 * The channels a Processing or Training step reads from chain source `source`, exactly as the old framework
 * picked them: the consumer's own model's section named after the source — a Processing source's step_type,
 * `train` for any Training source, `transform` for a Transform source — and its channel names (`train` when it
 * has none). When the consumer's model has no such section (the old framework crashed there), the source's own.
 */
function chainChannels(ctx, consumer, source) {
    const src = ctx.steps.get(source);
    if (!src)
        return [_defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .zY.channel];
    const name = src.stepClass === 'Processing' ? src.stepType : src.stepClass === 'Training' ? 'train' : 'transform';
    const own = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .modelOf */ .D)(ctx, consumer).sections;
    if (name !== undefined && Object.hasOwn(own, name))
        return channelNames(own[name]);
    const theirs = name === undefined ? undefined : (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .modelOf */ .D)(ctx, src).sections[name];
    return channelNames(theirs);
}
function s3Input(uri, localPath, name, section) {
    return {
        InputName: name,
        AppManaged: false,
        S3Input: {
            S3Uri: uri,
            LocalPath: localPath,
            S3DataType: section?.s3DataType ?? 'S3Prefix',
            S3InputMode: section?.s3InputMode ?? 'File',
            S3DataDistributionType: section?.s3DataDistributionType ?? 'FullyReplicated',
            S3CompressionType: 'None',
        },
    };
}
/** Drops keys whose value is undefined, keeping insertion order (the definition never holds `null` for absent). */
function compact(o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (v !== undefined)
            out[k] = v;
    return out;
}
/** Each dataFile of each channel as a processing input `<sourceName>` at /opt/ml/processing/input/<sourceName>. */
function staticInputs(ctx, section, 
/** The metrics step's folder may be moved (InputLocalFilepath). */
folder = _defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .PATHS */ .R7.processingInput) {
    return section.channels.flatMap((c) => c.dataFiles.map((f) => {
        const name = f.sourceName ?? c.name;
        return s3Input(dataFileUri(ctx, c, f), node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(folder, name), name, section);
    }));
}
/** The hyperparameters script mode adds (the SDK's names and JSON encoding). */
const SCRIPT_MODE_KEYS = [
    'sagemaker_program',
    'sagemaker_submit_directory',
    'sagemaker_container_log_level',
    'sagemaker_region',
];
function scriptModeHyperparameters(ctx, submitDirectory, program) {
    return {
        sagemaker_submit_directory: (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonJson */ .bv)(submitDirectory),
        sagemaker_program: (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonJson */ .bv)(program),
        sagemaker_container_log_level: '20',
        sagemaker_region: (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonJson */ .bv)(ctx.settings.region),
    };
}


/***/ }),

/***/ 6514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LI: () => (/* binding */ GATE_FAILED_PREFIX),
  o0: () => (/* binding */ GATE_FAILED_SUFFIX),
  cU: () => (/* binding */ GATE_SUFFIX),
  Lg: () => (/* binding */ qualityGateStep)
});

// UNUSED EXPORTS: jsonGet, metricLabels

// EXTERNAL MODULE: ./lib/compile/defaults.js
var defaults = __webpack_require__(319);
// EXTERNAL MODULE: ./lib/compile/expressions.js
var expressions = __webpack_require__(8790);
// EXTERNAL MODULE: ./lib/compile/steps/common.js
var common = __webpack_require__(4788);
;// CONCATENATED MODULE: ./lib/compile/steps/fail.js
function failStep(name, message) {
    return { Name: name, Type: 'Fail', Arguments: { ErrorMessage: message } };
}

;// CONCATENATED MODULE: ./lib/compile/steps/condition.js




const GATE_SUFFIX = '-QualityGate';
const GATE_FAILED_SUFFIX = '-QualityGateFailed';
/** The Fail message starts with this; the wait and the run report recognise a failed gate by it. */
const GATE_FAILED_PREFIX = 'quality gate failed for ';
function jsonGet(step, propertyFile, path) {
    return {
        'Std:JsonGet': { PropertyFile: { Get: `Steps.${step}.PropertyFiles.${propertyFile}` }, Path: path },
    };
}
/** `binary_classification_metrics.auc.value` → `auc` (unless two rules would read the same). */
function metricLabels(rules) {
    const short = rules.map((r) => {
        const parts = r.metric.replace(/\[\d+\]/g, '').split('.');
        const last = parts.at(-1) === 'value' && parts.length > 1 ? parts.at(-2) : parts.at(-1);
        return last ?? r.metric;
    });
    return short.map((s, i) => (short.indexOf(s) === short.lastIndexOf(s) ? s : (rules[i]?.metric ?? s)));
}
function operand(t) {
    return t.kind === 'number' ? t.value : (0,expressions/* get */.Jt)(`Parameters.${t.name}`);
}
function shown(t) {
    return t.kind === 'number' ? t.text : (0,expressions/* get */.Jt)(`Parameters.${t.name}`);
}
/** The register step (and repack) wrapped in its gate: one Condition step carrying both branches. */
function qualityGateStep(ctx, step, links, guarded) {
    const rules = step.qualityGate ?? [];
    const metrics = links.Metrics;
    if (!metrics)
        throw new common/* CompileError */.mQ(step, `${step.path}: a quality gate needs an earlier Metrics step`);
    const conditions = [];
    const message = [`${GATE_FAILED_PREFIX}${step.name}: `];
    const labels = metricLabels(rules);
    rules.forEach((r, i) => {
        const value = jsonGet(metrics.name, defaults/* EVALUATION_REPORT */.Uy, r.metric);
        if (r.min)
            conditions.push({ Type: 'GreaterThanOrEqualTo', LeftValue: value, RightValue: operand(r.min) });
        if (r.max)
            conditions.push({ Type: 'LessThanOrEqualTo', LeftValue: value, RightValue: operand(r.max) });
        if (i > 0)
            message.push('; ');
        message.push(`${labels[i] ?? r.metric}=`, value);
        for (const [bound, t] of [
            ['min', r.min],
            ['max', r.max],
        ]) {
            if (t)
                message.push(` (${bound} `, shown(t), ')');
        }
    });
    const name = `${step.name}${GATE_SUFFIX}`;
    return {
        Name: name,
        Type: 'Condition',
        Arguments: {
            Conditions: conditions,
            IfSteps: guarded,
            ElseSteps: [
                failStep(`${step.name}${GATE_FAILED_SUFFIX}`, (0,expressions/* join */.yG)('', mergeText(message))),
            ],
        },
    };
}
/** Adjacent literal strings joined, so the message's Values alternate text and expressions. */
function mergeText(values) {
    const out = [];
    for (const v of values) {
        const last = out.at(-1);
        if (typeof v === 'string' && typeof last === 'string')
            out[out.length - 1] = last + v;
        else
            out.push(v);
    }
    return out;
}


/***/ }),

/***/ 254:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RX: () => (/* binding */ hashLayout),
/* harmony export */   VW: () => (/* binding */ ReadCache),
/* harmony export */   cv: () => (/* binding */ packStream)
/* harmony export */ });
/* unused harmony exports GZIP_LEVEL, tarChunks, tarBytes, packBytes, packTo */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var _bundle_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1505);
// The canonical tar of a bundle layout, written as a stream: the plan hashes it (sha256, no gzip), the
// deploy gzips it into S3. Files are read in chunks, so memory does not grow with the bundle. The bytes
// are the content address, so nothing from the machine (mtimes, owners, umask, readdir order) reaches them.






// 1980-01-01T00:00:00Z: obviously synthetic, yet late enough that no tar or zip tool warns about it.
const FIXED_MTIME = 315532800;
const BLOCK = 512;
const RECORD = 10240; // tar's default record size (20 blocks); GNU tar pads archives to it
const MAX_SIZE = 8 ** 11 - 1; // the 11 octal digits of the ustar size field
/** Read size for file contents: large enough for disk speed, small enough to keep memory flat. */
const CHUNK = 1 << 20;
/** gzip level for uploads: the gzip bytes are not the address (the tar is), so speed wins over level 9. */
const GZIP_LEVEL = 6;
const encoder = new TextEncoder();
/**
 * Files small enough to keep once read, so another layout of the same folder does not read them again
 * (bounded: large files are streamed from disk each time, and the page cache serves the second read).
 */
class ReadCache {
    maxFileBytes;
    maxTotalBytes;
    #files = new Map();
    #bytes = 0;
    constructor(maxFileBytes = 256 * 1024, maxTotalBytes = 32 * 2 ** 20) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }
    get(absPath) {
        return this.#files.get(absPath);
    }
    /** Whether a file of `size` bytes would be kept (so it is worth reading it into its own buffer). */
    wants(size) {
        return size <= this.maxFileBytes && this.#bytes + size <= this.maxTotalBytes;
    }
    put(absPath, content) {
        if (!this.wants(content.length) || this.#files.has(absPath))
            return;
        this.#files.set(absPath, content);
        this.#bytes += content.length;
    }
}
/**
 * The canonical ustar archive of `layout`, chunk by chunk. Entries are sorted by the UTF-8 bytes of their
 * paths, with each folder emitted (mode 0755) before its contents; files are 0644, or 0755 if executable;
 * uid/gid 0 with empty user and group names; mtime fixed at 1980-01-01; no symlinks or hard links. A path
 * longer than the 100-byte name field goes into the 155-byte prefix field when it splits at a `/`,
 * otherwise a PAX `path=` record precedes the entry. The archive ends with two zero blocks and is padded
 * to a multiple of 10240 bytes, as tar writes it.
 *
 * Throws BundleError (when iterated) for a path that is not a clean relative POSIX path, a duplicate path,
 * a path used both as a file and as a folder, a file too large for ustar (8 GiB), a file whose size
 * differs from its listing, or (with `expectSha256`) content that differs from the expected address.
 */
function* tarChunks(layout, opts = {}) {
    const entries = archiveEntries(layout);
    const hash = opts.expectSha256 !== undefined ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : undefined;
    let length = 0;
    const emit = (chunk) => {
        hash?.update(chunk);
        length += chunk.length;
        return chunk;
    };
    const shared = opts.reuseBuffer ? Buffer.allocUnsafe(CHUNK) : undefined;
    for (const { name, entry } of entries) {
        const size = entry?.sourceFile.size ?? 0;
        if (size > MAX_SIZE) {
            throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`${name} is larger than 8 GiB, too large for the bundle; keep data in S3 instead`);
        }
        const mode = entry === undefined || entry.sourceFile.executable ? 0o755 : 0o644;
        for (const h of entryHeaders(name, mode, size, entry === undefined ? '5' : '0'))
            yield emit(h);
        if (entry === undefined)
            continue;
        for (const c of fileChunks(entry.sourceFile, shared, opts.cache))
            yield emit(c);
        const pad = padding(size);
        if (pad > 0)
            yield emit(new Uint8Array(pad));
    }
    const tail = new Uint8Array(2 * BLOCK + padding(length + 2 * BLOCK, RECORD));
    if (hash) {
        hash.update(tail);
        const actual = hash.digest('hex');
        if (actual !== opts.expectSha256) {
            throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`the bundle's files changed since the plan (its tar hashes to ${actual.slice(0, 12)}…, the plan named ${opts.expectSha256?.slice(0, 12)}…); nothing was uploaded for it: plan again`);
        }
    }
    yield tail;
}
/** The content address of `layout`: sha256 of its canonical tar, and the tar's size. Reads files in chunks. */
function hashLayout(layout, cache) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let size = 0;
    for (const c of tarChunks(layout, { reuseBuffer: true, ...(cache ? { cache } : {}) })) {
        hash.update(c);
        size += c.length;
    }
    return { sha256: hash.digest('hex'), size };
}
/** The whole tar in memory: for small bundles and tests only (plan and deploy stream). */
function tarBytes(layout) {
    return Buffer.concat([...tarChunks(layout)]);
}
/** gzip of the tar in memory, with the same normalised header as the stream: for tests and small bundles. */
function packBytes(layout) {
    const gz = gzipSync(tarBytes(layout), { level: GZIP_LEVEL });
    normaliseGzipHeader(gz, 0);
    return gz;
}
/**
 * The gzip'd tar as a stream, verified against `expectSha256` when given (the stream errors instead of
 * ending, so an upload reading it never completes). The gzip header is normalised (mtime 0, no file
 * name, OS byte 255 "unknown") so it is the same on every OS; the deflate stream is as stable as the
 * zlib Node bundles, which is why the address is the tar's hash and not the gzip's.
 */
function packStream(layout, opts = {}) {
    const tar = node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(tarChunks(layout, opts), { objectMode: false, highWaterMark: CHUNK });
    const gzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGzip)({ level: GZIP_LEVEL });
    let offset = 0;
    const header = new node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform({
        transform(chunk, _enc, done) {
            if (offset < 10)
                normaliseGzipHeader(chunk, offset);
            offset += chunk.length;
            done(null, chunk);
        },
    });
    // On any failure pipeline destroys every stage with the error, so the reader sees it instead of an end.
    (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(tar, gzip, header).catch(() => undefined);
    return header;
}
/** Writes the packed stream of `layout` to `sink` (a file stream); resolves to its sha256 and size. */
async function packTo(layout, sink, opts = {}) {
    const hash = createHash('sha256');
    let bytes = 0;
    const count = new Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            bytes += chunk.length;
            done(null, chunk);
        },
    });
    await pipeline(packStream(layout, opts), count, sink);
    return { sha256: hash.digest('hex'), bytes };
}
// ---------------------------------------------------------------------------------------------- helpers
/** Patches the gzip header bytes that fall in `chunk`, which starts at stream offset `offset`. */
function normaliseGzipHeader(chunk, offset) {
    const at = (i) => i - offset; // index of header byte i in this chunk
    if (offset === 0 && (chunk[0] !== 0x1f || chunk[1] !== 0x8b || chunk[3] !== 0)) {
        // zlib writes a bare 10-byte header (no optional fields); anything else would shift the bytes we patch.
        throw new Error('unexpected gzip header from zlib (optional fields set); cannot normalise it');
    }
    for (let i = 4; i < 8; i++)
        if (at(i) >= 0 && at(i) < chunk.length)
            chunk[at(i)] = 0; // MTIME: none
    if (at(9) >= 0 && at(9) < chunk.length)
        chunk[at(9)] = 255; // OS: unknown
}
/** Folders and files in archive order; refuses paths that would make an ambiguous archive. */
function archiveEntries(layout) {
    const sorted = (0,_bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .sortByPath */ .$y)(layout.map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
    const filePaths = new Set();
    const dirs = new Set();
    for (const e of sorted) {
        checkArchivePath(e.tarPath);
        if (filePaths.has(e.tarPath))
            throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`${e.tarPath} appears twice in the bundle; keep one of them`);
        filePaths.add(e.tarPath);
        for (const d of ancestorsOf(e.tarPath))
            dirs.add(d);
    }
    for (const d of dirs) {
        if (filePaths.has(d))
            throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`${d} is both a file and a folder in the bundle; rename one of them`);
    }
    const entries = [
        ...[...dirs].map((d) => ({ name: `${d}/`, entry: undefined })),
        ...sorted.map((e) => ({ name: e.tarPath, entry: e })),
    ];
    return entries.sort((a, b) => (0,_bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .compareBytes */ .Xo)(a.name, b.name));
}
/** A file's bytes in chunks of at most CHUNK; exactly `size` bytes, or BundleError. */
function* fileChunks(f, shared, cache) {
    if (f.content !== undefined) {
        if (f.content.length > 0)
            yield f.content;
        return;
    }
    const file = f.absPath;
    if (file === undefined)
        throw new Error(`bundle file ${f.path} has neither content nor a path`);
    const cached = cache?.get(file);
    if (cached) {
        if (cached.length > 0)
            yield cached;
        return;
    }
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
    }
    catch (err) {
        throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`cannot read ${f.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size !== f.size)
            throw changed(f);
        if (cache?.wants(f.size)) {
            // Small: one buffer of its own, kept for the next layout that ships this file.
            const buf = Buffer.allocUnsafe(f.size);
            if (readFully(fd, buf, f.size) !== f.size)
                throw changed(f);
            cache.put(file, buf);
            if (buf.length > 0)
                yield buf;
            return;
        }
        let left = f.size;
        while (left > 0) {
            const buf = shared ?? Buffer.allocUnsafe(Math.min(CHUNK, left));
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, Math.min(buf.length, left), null);
            if (n === 0)
                throw changed(f);
            left -= n;
            yield buf.subarray(0, n);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
function readFully(fd, buf, size) {
    let got = 0;
    while (got < size) {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, got, size - got, null);
        if (n === 0)
            break;
        got += n;
    }
    return got;
}
function changed(f) {
    return new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`${f.path} changed size while it was being read (listed as ${f.size} bytes); plan again`);
}
/** `a/b/c` → `['a', 'a/b']`. */
function ancestorsOf(p) {
    const parts = p.split('/');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
function checkArchivePath(p) {
    const segments = p.split('/');
    if (p === '' || p.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
        throw new _bundle_js__WEBPACK_IMPORTED_MODULE_5__/* .BundleError */ .rJ(`bundle path ${JSON.stringify(p)} is not a clean relative POSIX path (no leading /, ./, .., empty segments or NUL); rename it`);
    }
}
function padding(length, unit = BLOCK) {
    return (unit - (length % unit)) % unit;
}
/** Header block(s) for one entry: the ustar header, preceded by a PAX header when the name does not fit. */
function entryHeaders(name, mode, size, type) {
    const full = encoder.encode(name);
    if (full.length <= 100)
        return [ustarHeader(full, new Uint8Array(0), mode, size, type)];
    // ustar's split: prefix (≤155 bytes) + '/' + name (≤100 bytes, non-empty); take the first split that fits.
    for (let i = full.indexOf(0x2f); i >= 0; i = full.indexOf(0x2f, i + 1)) {
        const prefix = full.subarray(0, i);
        const rest = full.subarray(i + 1);
        if (prefix.length <= 155 && rest.length > 0 && rest.length <= 100) {
            return [ustarHeader(rest, prefix, mode, size, type)];
        }
    }
    const record = paxRecord('path', full);
    return [
        ustarHeader(encoder.encode('././@PaxHeader'), new Uint8Array(0), 0o644, record.length, 'x'),
        record,
        new Uint8Array(padding(record.length)),
        ustarHeader(truncateUtf8(full, 100), new Uint8Array(0), mode, size, type),
    ];
}
/** A PAX record `"<len> <key>=<value>\n"`, where `<len>` counts the whole record including its own digits. */
function paxRecord(key, value) {
    const body = value.length + key.length + 3; // ' ', '=', '\n'
    let len = body + String(body).length;
    while (body + String(len).length !== len)
        len = body + String(len).length;
    const out = new Uint8Array(len);
    const head = encoder.encode(`${len} ${key}=`);
    out.set(head, 0);
    out.set(value, head.length);
    out[len - 1] = 0x0a;
    return out;
}
/** The first `max` bytes of UTF-8 `bytes`, cut before a character boundary (never inside a character). */
function truncateUtf8(bytes, max) {
    let end = Math.min(max, bytes.length);
    while (end < bytes.length && end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80)
        end--;
    return bytes.subarray(0, end);
}
function ustarHeader(name, prefix, mode, size, type) {
    const h = new Uint8Array(BLOCK);
    h.set(name, 0);
    writeOctal(h, 100, 8, mode);
    writeOctal(h, 108, 8, 0); // uid
    writeOctal(h, 116, 8, 0); // gid
    writeOctal(h, 124, 12, size);
    writeOctal(h, 136, 12, FIXED_MTIME);
    h.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
    h[156] = type.charCodeAt(0);
    h.set(encoder.encode('ustar\0' + '00'), 257); // magic + version; uname/gname (265, 297) stay empty
    writeOctal(h, 329, 8, 0); // devmajor
    writeOctal(h, 337, 8, 0); // devminor
    h.set(prefix, 345);
    const sum = h.reduce((n, b) => n + b, 0);
    h.set(encoder.encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    return h;
}
/** Zero-padded octal digits filling `len - 1` bytes, then NUL. */
function writeOctal(h, offset, len, value) {
    h.set(encoder.encode(value.toString(8).padStart(len - 1, '0') + '\0'), offset);
}


/***/ }),

/***/ 4334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ packageParameterName)
/* harmony export */ });
// Names the config phase and the compiler share for units with `model_package`.
/** The unit's generated pipeline parameter: `churn` → `ChurnModelPackage`, `cal_housing-tf` → `CalHousingTfModelPackage`. */
function packageParameterName(model) {
    const pascal = model
        .split(/[-_]+/)
        .filter(Boolean)
        .map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`)
        .join('');
    return `${pascal}ModelPackage`;
}


/***/ }),

/***/ 5697:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pk: () => (/* binding */ normalizeModel),
/* harmony export */   w$: () => (/* binding */ inFileOrder)
/* harmony export */ });
/* unused harmony export normalizeRelative */
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1091);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7372);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9271);



function normalizeModel(name, input, node, file, keyLoc, 
/** Workspace-relative folder the file's paths are relative to ('' for the workspace itself). */
root = '', 
/** Extra job sections (step_type names beyond the four fixed ones) the schema parsed. */
extra = []) {
    const fields = input;
    const section = (kind) => {
        const data = Object.hasOwn(fields, kind) ? fields[kind] : undefined;
        const e = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .entry */ .f_)(node, kind);
        return data && e ? normalizeSection(kind, data, e.value, e.keyLoc) : undefined;
    };
    const sections = Object.create(null);
    for (const kind of [..._schema_js__WEBPACK_IMPORTED_MODULE_0__/* .JOB_SECTIONS */ .pg, ...extra.filter((k) => !isFixedKey(k))]) {
        const s = section(kind);
        if (s)
            sections[kind] = s;
    }
    const reg = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .entry */ .f_)(node, 'registry');
    const pkg = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .entry */ .f_)(node, 'model_package');
    return {
        name,
        displayName: input.name,
        file,
        loc: keyLoc,
        sourceDirectory: root && !input.source_directory.trim().startsWith('/')
            ? normalizeRelative(`${root}/${input.source_directory}`)
            : normalizeRelative(input.source_directory),
        sourceDirectoryLoc: (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .entry */ .f_)(node, 'source_directory')?.value.loc ?? keyLoc,
        preprocess: sections.preprocess,
        train: sections.train,
        evaluate: sections.evaluate,
        transform: sections.transform,
        sections,
        keys: node.entries.map((e) => e.key),
        registry: input.registry && reg ? normalizeRegistry(input.registry, reg.keyLoc) : undefined,
        modelPackage: input.model_package && pkg
            ? normalizeModelPackage(input.model_package, pkg.keyLoc, (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(pkg.value, ['version']))
            : undefined,
    };
}
function normalizeModelPackage(p, loc, version) {
    return {
        group: p.group,
        version: p.version ?? 'latest-approved',
        requireApproved: p.require_approved ?? true,
        loc,
        versionLoc: version.found ? version.node.loc : loc,
    };
}
/** `./a//b/` → `a/b`; backslashes become slashes. Escapes are checked later against the real file system. */
function normalizeRelative(p) {
    const slashed = p.trim().replace(/\\/g, '/');
    const rel = slashed
        .split('/')
        .filter((s) => s !== '' && s !== '.')
        .join('/');
    // Keep absolute paths recognisable so the path check can refuse them.
    return slashed.startsWith('/') ? `/${rel}` : rel;
}
function isFixedKey(k) {
    return (_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .JOB_SECTIONS */ .pg.includes(k) || _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .NON_SECTION_KEYS */ .vB.includes(k));
}
function normalizeSection(kind, d, node, loc) {
    const t = kind === 'transform' ? d : undefined;
    return {
        kind,
        loc,
        imageUri: d.image_uri,
        entryPoint: d.entry_point === undefined ? undefined : normalizeRelative(d.entry_point),
        entryPointLoc: d.entry_point === undefined ? undefined : (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(node, ['entry_point']).node.loc,
        baseJobName: d.base_job_name,
        instanceType: d.instance_type,
        instanceCount: d.instance_count,
        volumeSizeInGb: d.volume_size_in_gb,
        maxRuntimeSeconds: d.max_runtime_seconds ?? d.max_runtime_in_seconds,
        tags: d.tags ?? [],
        env: Object.fromEntries(Object.entries(d.env ?? {}).map(([k, v]) => [k, String(v)])),
        frameworkVersion: d.framework_version,
        s3DataDistributionType: d.s3_data_distribution_type ?? (typeof d.distribution === 'string' ? d.distribution : undefined),
        s3DataType: d.s3_data_type,
        s3InputMode: d.s3_input_mode,
        s3UploadMode: d.s3_upload_mode,
        outputPath: d.output_path,
        hyperparams: hyperValues((0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(node, [d.hyperparams ? 'hyperparams' : 'hyperparameters'])),
        modelDataUri: d.model_data_uri,
        contentType: d.content_type,
        inputMode: d.input_mode,
        distribution: typeof d.distribution === 'object' ? d.distribution : undefined,
        channels: normalizeChannels(d.channels, node, loc),
        outputLocalPath: d.location?.outputLocalFilepath,
        noEffect: noEffectKeys(kind, d),
        transform: t
            ? {
                strategy: t.strategy,
                assembleWith: t.assemble_with,
                joinSource: t.join_source,
                splitType: t.split_type,
                maxPayloadInMb: t.max_payload,
                volumeSizeInGb: t.volume_size,
                inputFilter: t.input_filter,
                outputFilter: t.output_filter,
            }
            : undefined,
        spot: d.use_spot_instances !== undefined ||
            d.max_wait !== undefined ||
            d.checkpoint_s3_uri !== undefined ||
            d.checkpoint_local_path !== undefined
            ? {
                enabled: d.use_spot_instances === true,
                maxWait: d.max_wait,
                checkpointS3Uri: d.checkpoint_s3_uri,
                checkpointLocalPath: d.checkpoint_local_path,
                loc: (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(node, ['use_spot_instances']).keyLoc ?? loc,
                maxWaitLoc: d.max_wait === undefined ? undefined : (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(node, ['max_wait']).node.loc,
            }
            : undefined,
    };
}
/** Old keys that have no effect: s3Bucket/s3InputPrefix built a path the SDK read as a local file, … */
function noEffectKeys(kind, d) {
    const out = [];
    if (d.inputLocalFilepath !== undefined)
        out.push('inputLocalFilepath');
    if (kind !== 'transform') {
        if (d.strategy !== undefined)
            out.push('strategy');
        if (d.max_payload !== undefined)
            out.push('max_payload');
    }
    if (d.channels && typeof d.channels === 'object') {
        for (const [name, ch] of Object.entries(d.channels)) {
            if (ch?.s3Bucket !== undefined)
                out.push(`channels.${name}.s3Bucket`);
            if (ch?.s3InputPrefix !== undefined)
                out.push(`channels.${name}.s3InputPrefix`);
        }
    }
    return out;
}
function normalizeChannels(channels, section, sectionLoc) {
    if (channels === undefined)
        return [];
    const at = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(section, ['channels']);
    if (typeof channels === 'string') {
        return [
            {
                name: channels,
                dataFiles: [],
                s3BucketName: undefined,
                inputBucketPrefix: undefined,
                bucketPrefix: undefined,
                inputLocalPath: undefined,
                outputLocalPath: undefined,
                loc: at.node.loc ?? sectionLoc,
            },
        ];
    }
    return inFileOrder(channels, at.node).map(([name, ch]) => {
        const chNode = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(section, ['channels', name]);
        return {
            name,
            dataFiles: (ch?.dataFiles ?? []).map((f, i) => ({
                sourceName: f.sourceName,
                fileName: f.fileName.trim(),
                loc: (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(section, ['channels', name, 'dataFiles', i, 'fileName']).node.loc,
            })),
            s3BucketName: ch?.s3BucketName?.trim(),
            inputBucketPrefix: ch?.inputBucketPrefix,
            bucketPrefix: ch?.bucket_prefix,
            inputLocalPath: ch?.InputLocalFilepath,
            outputLocalPath: ch?.OuputLocalFilepath,
            loc: chNode.keyLoc ?? chNode.node.loc,
        };
    });
}
function normalizeRegistry(r, loc) {
    const spec = r.InferenceSpecification;
    const repack = r.ModelRepack;
    return {
        loc,
        // Default "True", as the old framework: the inference code is packed into the model artifact.
        modelRepack: repack === undefined ? true : repack === true || repack === 'True' || repack === 'true',
        modelPackageGroupName: r.ModelPackageGroupName,
        modelPackageGroupDescription: r.ModelPackageGroupDescription,
        modelPackageDescription: r.ModelPackageDescription,
        imageUri: spec.image_uri,
        supportedContentTypes: spec.supported_content_types ?? spec.SupportedContentTypes,
        supportedResponseMimeTypes: spec.supported_response_MIME_types ?? spec.SupportedResponseMIMETypes,
        realtimeInstanceTypes: spec.SupportedRealtimeInferenceInstanceTypes,
        transformInstanceTypes: spec.SupportedTransformInstanceTypes,
        approvalStatus: spec.approval_status ?? r.ModelApprovalStatus,
    };
}
/** Hyperparameters from the tree, numbers written as floats kept as PyFloat. */
function hyperValues(at) {
    if (!at.found || at.node.kind !== 'map')
        return {};
    const out = {};
    for (const e of at.node.entries)
        out[e.key] = hyperValue(e.value);
    return out;
}
function hyperValue(node) {
    if (node.kind === 'seq')
        return node.items.map(hyperValue);
    if (node.kind === 'map')
        return Object.fromEntries(node.entries.map((e) => [e.key, hyperValue(e.value)]));
    const v = node.value;
    const src = node.style === 'plain' ? node.source : undefined;
    if (typeof v === 'number' && src !== undefined) {
        // PyYAML (YAML 1.1, the old framework's reader) needs a dot in a float: `1e-7` was a string there.
        if (/^[-+]?\d+[eE][-+]?\d+$/.test(src))
            return src;
        if (/[.eE]|^[-+]?\.?(inf|nan)/i.test(src))
            return new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .PyFloat */ .g$(v);
    }
    // …and read yes/no/on/off as booleans.
    if (typeof v === 'string' && src !== undefined && /^(yes|no|on|off)$/i.test(src))
        return /^(yes|on)$/i.test(src);
    return v;
}
/**
 * A record's entries in the order the file wrote them. Object.entries puts integer-like keys (`"2"`) first,
 * which would reorder channels or units named with digits.
 */
function inFileOrder(record, node) {
    const keys = node.kind === 'map'
        ? node.entries.map((e) => e.key).filter((k) => Object.hasOwn(record, k))
        : Object.keys(record);
    return keys.map((k) => [k, record[k]]);
}


/***/ }),

/***/ 4493:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GL: () => (/* binding */ buildSchedule),
/* harmony export */   Qm: () => (/* binding */ checkScheduleParameters),
/* harmony export */   V5: () => (/* binding */ scheduleName)
/* harmony export */ });
/* unused harmony export SCHEDULE_PREFIX */
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5697);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1236);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7372);
/* harmony import */ var _model_package_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4334);




/** EventBridge Scheduler names are at most 64 characters: `smp-` plus the pipeline name. */
const SCHEDULE_PREFIX = 'smp-';
const MAX_SCHEDULE_NAME = 64;
function scheduleName(pipelineName) {
    return `${SCHEDULE_PREFIX}${pipelineName}`;
}
function buildSchedule(input, 
/** The `sagemakerPipeline` node. */
pipelineNode, pipelineName, bag) {
    const base = ['conf', 'sagemakerPipeline', 'schedule'];
    const at = (rel) => {
        const l = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(pipelineNode, ['schedule', ...rel]);
        return { loc: l.node.loc, keyLoc: l.keyLoc ?? l.node.loc, path: (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)([...base, ...rel]) };
    };
    const whole = at([]);
    const name = scheduleName(pipelineName);
    if (pipelineName !== '' && name.length > MAX_SCHEDULE_NAME) {
        bag.error('schedule-name-too-long', whole.keyLoc, whole.path, `${whole.path}: the schedule is named \`${name.slice(0, 20)}…\` (${name.length} characters), but EventBridge Scheduler allows ${MAX_SCHEDULE_NAME}: use a pipelineName of at most ${MAX_SCHEDULE_NAME - SCHEDULE_PREFIX.length} characters`);
    }
    const paramsNode = (0,_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(pipelineNode, ['schedule', 'parameters']).node;
    return {
        expression: input.expression,
        timezone: input.timezone ?? 'UTC',
        roleArn: input.role_arn,
        parameters: (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .inFileOrder */ .w$)(input.parameters ?? {}, paramsNode).map(([n, v]) => ({
            name: n,
            value: String(v),
            loc: at(['parameters', n]).keyLoc,
        })),
        enabled: input.enabled ?? true,
        loc: whole.keyLoc,
    };
}
/**
 * Schedule parameters must name a pipeline parameter: a declared one or a unit's generated
 * `<Model>ModelPackage`. Their values are checked against the type when the plan is compiled.
 */
function checkScheduleParameters(pipeline, models, bag) {
    if (!pipeline.schedule)
        return;
    const names = [
        ...pipeline.parameters.map((p) => p.name),
        ...pipeline.units
            .filter((u) => models[u.model]?.modelPackage && u.steps.some((s) => s.stepClass === 'CreateModel'))
            .map((u) => (0,_model_package_js__WEBPACK_IMPORTED_MODULE_2__/* .packageParameterName */ .n)(u.model)),
    ];
    for (const p of pipeline.schedule.parameters) {
        if (names.includes(p.name))
            continue;
        const path = `conf.sagemakerPipeline.schedule.parameters.${p.name}`;
        bag.error('unknown-schedule-parameter', p.loc, path, `${path}: the pipeline has no parameter \`${p.name}\` (${names.length > 0 ? `its parameters: ${names.join(', ')}` : 'it declares none in sagemakerPipeline.parameters'})${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .didYouMean */ .au)(p.name, names)}`);
    }
}


/***/ }),

/***/ 1091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ INSTANCE_TYPE),
/* harmony export */   Nc: () => (/* binding */ MODEL_PACKAGE_GROUP_NAME),
/* harmony export */   Nm: () => (/* binding */ lenientPipelineSchema),
/* harmony export */   Op: () => (/* binding */ STEP_EXCEPTIONS),
/* harmony export */   Qr: () => (/* binding */ modelSchemaFor),
/* harmony export */   Ub: () => (/* binding */ MODEL_NAME),
/* harmony export */   ZL: () => (/* binding */ JOB_EXCEPTIONS),
/* harmony export */   hg: () => (/* binding */ confFileSchemaFor),
/* harmony export */   jw: () => (/* binding */ PIPELINE_NAME),
/* harmony export */   l1: () => (/* binding */ STEP_NAME),
/* harmony export */   mS: () => (/* binding */ STEP_CLASSES),
/* harmony export */   mr: () => (/* binding */ IGNORED_STEP_TYPES),
/* harmony export */   pg: () => (/* binding */ JOB_SECTIONS),
/* harmony export */   vB: () => (/* binding */ NON_SECTION_KEYS),
/* harmony export */   wr: () => (/* binding */ pipelineSchema)
/* harmony export */ });
/* unused harmony exports MODEL_PACKAGE_ARN, SCHEDULE_EXPRESSION, SCHEDULER_ROLE_ARN, PARAMETER_NAME, INSTANCE_TYPE_OR_PARAM, ISO_DURATION, jobSectionSchema, transformSectionSchema, registrySchema, modelPackageSchema, scheduleSchema, modelSchema, qualityGateSchema, retrySchema, stepSchema, PARAMETER_TYPES, parameterSchema, confFileSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/* harmony import */ var _parameter_syntax_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3669);
// The shape of a model config file (the old framework's format, see docs/config-reference.md).
// Shapes and value rules live here; rules that relate several nodes live in references.ts.


const STEP_CLASSES = [
    'Processing',
    'Training',
    'CreateModel',
    'Transform',
    'Metrics',
    'RegisterModel',
];
/** The job sections every model may have; a Processing or Training step's `step_type` may name any other. */
const JOB_SECTIONS = ['preprocess', 'train', 'evaluate', 'transform'];
/** Model keys that are not job sections, so no `step_type` can name them. */
const NON_SECTION_KEYS = ['source_directory', 'name', 'registry', 'model_package'];
/** Values the old template wrote on non-Processing steps; accepted and ignored there. */
const IGNORED_STEP_TYPES = [
    'train',
    'training',
    'transform',
    'register',
    'registry',
    'createmodel',
    'metrics',
];
const PIPELINE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;
const STEP_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MODEL_PACKAGE_GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const MODEL_NAME = /^[A-Za-z0-9_-]{1,63}$/;
/** A versioned model package ARN: `arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>`. */
const MODEL_PACKAGE_ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/\d{1,9}$/;
/** EventBridge Scheduler expressions (its documented forms). */
const SCHEDULE_EXPRESSION = /^(cron\([^()]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\))$/;
/** The role EventBridge Scheduler assumes (the Scheduler API's own pattern). */
const SCHEDULER_ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const INSTANCE_TYPE = /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/;
/** A pipeline parameter name (the definition schema's ParameterName). */
const PARAMETER_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** An instance type, or a whole-value `${param:Name}` reference to a String parameter that holds one. */
const INSTANCE_TYPE_OR_PARAM = /^(?:ml\.[a-z0-9-]+\.[a-z0-9-]+|\$\{param:[A-Za-z0-9_-]{1,64}\})$/;
/** ISO-8601 duration as the CacheConfig accepts it: P10D, PT1H, P1DT12H, P2W. */
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1);
const positiveInt = zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(1);
const tag = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ Key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(128), Value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(256) });
const envMap = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]));
const jsonValue = zod__WEBPACK_IMPORTED_MODULE_0__/* .lazy */ .RZV(() => zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(jsonValue),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), jsonValue),
]));
// sourceName only reaches SageMaker as a ProcessingInput name: usage.ts checks it there (training ignores it).
const dataFile = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    sourceName: text.optional(),
    fileName: text,
});
const channel = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    dataFiles: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(dataFile).optional(),
    s3BucketName: text.optional(),
    inputBucketPrefix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    // Read by the old framework's metrics step: the output prefix and the container folders (kept: scripts
    // depend on those paths). The spelling `OuputLocalFilepath` is the old framework's.
    bucket_prefix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    InputLocalFilepath: text.optional(),
    OuputLocalFilepath: text.optional(),
    // Read by the old framework only to build a path the SDK then took for a local file: no effect here.
    s3Bucket: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    s3InputPrefix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
})
    .nullable();
/** `channels: train` (a bare name) is accepted for `evaluate`; references.ts refuses it elsewhere. */
const channels = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9\-_.]{1,64}$/), channel), text]);
const sectionKeys = {
    image_uri: text,
    entry_point: text,
    // No length rule: SageMaker never sees it in a pipeline (usage.ts says it has no effect).
    base_job_name: text.optional(),
    instance_type: text
        .regex(INSTANCE_TYPE_OR_PARAM, 'an instance type like ml.m5.xlarge (or ${param:Name})')
        .optional(),
    instance_count: positiveInt.optional(),
    volume_size_in_gb: positiveInt.max(16384).optional(),
    max_runtime_seconds: positiveInt.optional(),
    max_runtime_in_seconds: positiveInt.optional(),
    // Managed spot training (train only; the SageMaker Python SDK's names).
    use_spot_instances: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    max_wait: positiveInt.optional(),
    checkpoint_s3_uri: text.regex(/^s3:\/\/[^/]+/, 'an s3:// URI').optional(),
    checkpoint_local_path: text.regex(/^\//, 'an absolute path in the container').optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tag).max(50).optional(),
    env: envMap.optional(),
    framework_version: text.optional(),
    s3_data_distribution_type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['FullyReplicated', 'ShardedByS3Key']).optional(),
    s3_data_type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['S3Prefix', 'ManifestFile', 'AugmentedManifestFile']).optional(),
    s3_input_mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['File', 'Pipe']).optional(),
    s3_upload_mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['EndOfJob', 'Continuous']).optional(),
    output_path: text.optional(),
    hyperparams: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), jsonValue).optional(),
    hyperparameters: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), jsonValue).optional(),
    model_data_uri: text.optional(),
    content_type: text.optional(),
    input_mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['File', 'Pipe', 'FastFile']).optional(),
    // The old framework's training channels read a string here (their S3 data distribution); a mapping is kept for
    // framework distribution settings.
    distribution: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['FullyReplicated', 'ShardedByS3Key']), zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), jsonValue)])
        .optional(),
    channels: channels.optional(),
    // The old processing step's output folder (processing_service.py reads `location.outputLocalFilepath`).
    location: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ outputLocalFilepath: text.optional() }).optional(),
    // Old keys with no effect (reported): the manifest input's folder, and two metrics arguments it never used.
    inputLocalFilepath: text.optional(),
    strategy: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    max_payload: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
};
const jobSectionSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc(sectionKeys);
const transformSectionSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ...sectionKeys,
    // For transform the image is the registry's and the entry point only names the inference module.
    image_uri: text.optional(),
    entry_point: text.optional(),
    strategy: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['MultiRecord', 'SingleRecord']).optional(),
    assemble_with: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['None', 'Line']).optional(),
    join_source: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['None', 'Input']).optional(),
    split_type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['None', 'Line', 'RecordIO', 'TFRecord']).optional(),
    max_payload: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(0).max(100).optional(),
    volume_size: positiveInt.optional(),
    input_filter: text.optional(),
    output_filter: text.optional(),
});
const approval = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['Approved', 'Rejected', 'PendingManualApproval']);
const stringList = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text);
const registrySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ModelRepack: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['True', 'False', 'true', 'false']), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]).optional(),
    ModelPackageGroupName: text
        .regex(MODEL_PACKAGE_GROUP_NAME, 'letters, digits and single hyphens, at most 63 characters')
        .optional(),
    ModelPackageGroupDescription: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(1024).optional(),
    ModelPackageDescription: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(1024).optional(),
    ModelApprovalStatus: approval.optional(),
    InferenceSpecification: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        image_uri: text,
        supported_content_types: stringList.optional(),
        SupportedContentTypes: stringList.optional(),
        supported_response_MIME_types: stringList.optional(),
        SupportedResponseMIMETypes: stringList.optional(),
        SupportedRealtimeInferenceInstanceTypes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text.regex(INSTANCE_TYPE)).optional(),
        SupportedTransformInstanceTypes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text.regex(INSTANCE_TYPE)).optional(),
        approval_status: approval.optional(),
    }),
});
function isTimeZone(tz) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}
const modelPackageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    group: text.regex(MODEL_PACKAGE_GROUP_NAME, 'a model package group name: letters, digits and single hyphens, at most 63 characters'),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('latest-approved'),
        zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(1),
        text.regex(MODEL_PACKAGE_ARN, 'latest-approved, a version number or a versioned model package ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)'),
    ])
        .optional(),
    require_approved: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const scheduleSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    expression: text
        .max(256)
        .regex(SCHEDULE_EXPRESSION, 'an EventBridge Scheduler expression: cron(0 6 * * ? *), rate(1 day) or at(2026-01-31T06:00:00)'),
    timezone: text
        .max(50)
        .refine(isTimeZone, 'not an IANA time zone name (use one such as UTC, Europe/Paris or America/New_York)')
        .optional(),
    role_arn: text.regex(SCHEDULER_ROLE_ARN, 'an IAM role ARN (arn:aws:iam::<account>:role/<name>) that EventBridge Scheduler assumes'),
    parameters: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_-]{1,256}$/, 'a pipeline parameter name (letters, digits, - and _)'), zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(1024), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]))
        .optional(),
    enabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const modelSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    source_directory: text,
    name: text.optional(),
    preprocess: jobSectionSchema.optional(),
    train: jobSectionSchema.optional(),
    evaluate: jobSectionSchema.optional(),
    transform: transformSectionSchema.optional(),
    registry: registrySchema.optional(),
    model_package: modelPackageSchema.optional(),
});
/** A metric threshold: a number, or a whole `${param:Name}` (an Integer or Float parameter). */
const threshold = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(_parameter_syntax_js__WEBPACK_IMPORTED_MODULE_1__/* .WHOLE_PARAM_REF */ .kh, 'a number or ${param:Name}')]);
const qualityGateSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    metric: text
        .max(256)
        .regex(/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+|\[\d+\])*$/, 'a JSON path in the metrics report, like binary_classification_metrics.auc.value'),
    min: threshold.optional(),
    max: threshold.optional(),
}))
    .min(1);
/** Step exceptions (any step) and job exceptions (steps that run a job): the RetryPolicy ExceptionType values. */
const STEP_EXCEPTIONS = ['Step.SERVICE_FAULT', 'Step.THROTTLING'];
const JOB_EXCEPTIONS = [
    'SageMaker.JOB_INTERNAL_ERROR',
    'SageMaker.CAPACITY_ERROR',
    'SageMaker.RESOURCE_LIMIT',
];
const retrySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    exceptions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text).min(1),
    max_attempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(1).max(20).optional(),
    expire_after_minutes: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(0).max(14400).optional(),
    interval_seconds: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(1).max(43200).optional(),
    backoff_rate: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(1).max(10).optional(),
}));
/**
 * The model schema with `extra` job sections (the names Processing/Training steps give as `step_type`), so they
 * are checked like `preprocess` and their keys are known. Names of fixed keys are left as they are.
 */
function modelSchemaFor(extra) {
    const shape = {};
    for (const name of extra) {
        if (!Object.hasOwn(modelSchema.shape, name))
            shape[name] = jobSectionSchema.optional();
    }
    return Object.keys(shape).length === 0 ? modelSchema : modelSchema.extend(shape);
}
function confFileSchemaFor(extra) {
    if (extra.every((n) => Object.hasOwn(modelSchema.shape, n)))
        return confFileSchema;
    return confFileSchema.extend({
        conf: confFileSchema.shape.conf.extend({
            models: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), modelSchemaFor(extra)).optional(),
        }),
    });
}
const stepSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    step_name: text.regex(STEP_NAME, 'letters, digits, - and _, at most 64 characters'),
    step_class: text,
    step_type: text.optional(),
    enable_cache: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    cache_expire_after: text.regex(ISO_DURATION, 'an ISO-8601 duration such as P10D or PT12H').optional(),
    chain_input_source_step: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text).optional(),
    chain_input_source_steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text).optional(),
    chain_input_additional_prefix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    quality_gate: qualityGateSchema.optional(),
    retry: retrySchema.optional(),
});
/** `sagemakerPipeline.parameters.<Name>`: a typed pipeline parameter (see src/config/parameters.ts). */
const PARAMETER_TYPES = ['String', 'Integer', 'Float', 'Boolean'];
const parameterSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(PARAMETER_TYPES),
    default: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(1024), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]),
    enum: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(1024)).min(1).optional(),
});
const pipelineSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    pipelineName: text.regex(PIPELINE_NAME, 'letters, digits and single hyphens, starting with a letter or digit, at most 256 characters'),
    pipelineDescription: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(3072).optional(),
    models: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(stepSchema).min(1) }))
        .refine((m) => Object.keys(m).length > 0, 'at least one model with steps'),
    dependencies: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text).optional(),
    retry: retrySchema.optional(),
    parameters: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(PARAMETER_NAME, 'letters, digits, - and _, at most 64 characters'), parameterSchema)
        .optional(),
    schedule: scheduleSchema.optional(),
});
/** The pipeline with name and description unchecked, so other errors are still found when those are bad. */
const lenientPipelineSchema = pipelineSchema.extend({
    pipelineName: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().catch(''),
    pipelineDescription: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().catch(undefined),
    // Already reported by the strict parse; the steps are still checked.
    schedule: scheduleSchema.optional().catch(undefined),
});
const confFileSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    conf: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        models: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, - and _'), modelSchema)
            .optional(),
        sagemakerPipeline: pipelineSchema.optional(),
    }),
});


/***/ }),

/***/ 1236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
// "Did you mean …?" suggestions by edit distance.
/** Damerau-free Levenshtein distance, case-insensitive (config authors mix cases freely). */
function editDistance(a, b) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const cur = [i];
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
        }
        prev = cur;
    }
    return prev[t.length] ?? 0;
}
/** The closest candidate within a third of the word's length (at least 2 edits), or undefined. */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    const limit = Math.max(2, Math.floor(word.length / 3));
    for (const c of candidates) {
        const d = editDistance(word, c);
        // A candidate that contains the word (or the reverse) is a good guess even when far in edits.
        const contained = word.length >= 4 && c.toLowerCase().includes(word.toLowerCase());
        const score = contained ? Math.min(d, limit) : d;
        if (score < bestDistance && (score <= limit || contained)) {
            best = c;
            bestDistance = score;
        }
    }
    return best;
}
/** ` (did you mean `x`?)` or an empty string. */
function didYouMean(word, candidates) {
    const c = closest(word, candidates);
    return c === undefined ? '' : ` (did you mean \`${c}\`?)`;
}


/***/ }),

/***/ 7372:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ul: () => (/* binding */ toPlain),
/* harmony export */   XV: () => (/* binding */ yaml11Booleans),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   f_: () => (/* binding */ entry),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony export child */
/** Key → entry per mapping, built on first lookup (maps with thousands of models are looked up often). */
const index = new WeakMap();
function entry(map, key) {
    let byKey = index.get(map);
    if (!byKey) {
        // Duplicate keys cannot exist: the reader rejects them.
        byKey = new Map(map.entries.map((e) => [e.key, e]));
        index.set(map, byKey);
    }
    return byKey.get(key);
}
function child(node, seg) {
    if (node.kind === 'map' && typeof seg === 'string')
        return entry(node, seg)?.value;
    if (node.kind === 'seq' && typeof seg === 'number')
        return node.items[seg];
    return undefined;
}
/** The deepest node along `path` and whether the whole path exists. */
function locate(root, path) {
    let node = root;
    let keyLoc;
    for (const seg of path) {
        if (node.kind === 'map' && typeof seg === 'string') {
            const e = entry(node, seg);
            if (!e)
                return { node, keyLoc, found: false };
            keyLoc = e.keyLoc;
            node = e.value;
            continue;
        }
        const next = child(node, seg);
        if (!next)
            return { node, keyLoc, found: false };
        keyLoc = undefined;
        node = next;
    }
    return { node, keyLoc, found: true };
}
/** `conf.models.m.steps[1].step_class` */
function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}
/** Plain JS value of a node, with prototype-free objects (keys like `__proto__` were refused on read). */
function toPlain(node) {
    switch (node.kind) {
        case 'scalar':
            return node.value;
        case 'seq':
            return node.items.map(toPlain);
        case 'map': {
            const out = Object.create(null);
            for (const e of node.entries)
                out[e.key] = toPlain(e.value);
            return out;
        }
    }
}
function describeValue(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null)
        return 'nothing (an empty value)';
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v)}`;
    return `${typeof v} ${String(v)}`;
}
/** Keys whose values are booleans in the format. */
const BOOLEAN_KEYS = new Set(['enable_cache']);
/**
 * PyYAML (YAML 1.1, the old framework's reader) read unquoted yes/no/on/off as booleans; YAML 1.2 reads them as
 * strings. For the format's boolean keys, read them the old way so configs written for it keep working.
 */
function yaml11Booleans(node) {
    if (node.kind === 'seq')
        return { ...node, items: node.items.map(yaml11Booleans) };
    if (node.kind !== 'map')
        return node;
    return {
        ...node,
        entries: node.entries.map((e) => {
            const v = e.value;
            if (BOOLEAN_KEYS.has(e.key) &&
                v.kind === 'scalar' &&
                v.style === 'plain' &&
                typeof v.value === 'string' &&
                /^(yes|no|on|off)$/i.test(v.value)) {
                return { ...e, value: { ...v, value: /^(yes|on)$/i.test(v.value) } };
            }
            return { ...e, value: yaml11Booleans(v) };
        }),
    };
}


/***/ }),

/***/ 7918:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ verdictLine),
/* harmony export */   Ul: () => (/* binding */ stepEdits),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   tA: () => (/* binding */ manifestChanges)
/* harmony export */ });
/** Every step the plan adds, changes or removes, in that order (definition order within each). */
function stepEdits(diff) {
    const into = (edges, name) => edges.filter((e) => e.to === name);
    const renamedTo = new Map(diff.renamed.map((r) => [r.to, r.from]));
    const renamedFrom = new Map(diff.renamed.map((r) => [r.from, r.to]));
    const out = [];
    const edit = (name, type, status, change, renamed) => ({
        name,
        type,
        status,
        change,
        edgesAdded: into(diff.edges.added, name),
        edgesRemoved: into(diff.edges.removed, name),
        renamed,
    });
    for (const s of diff.steps.added)
        out.push(edit(s.name, s.type, 'added', undefined, renamedTo.get(s.name)));
    const changed = new Map(diff.steps.changed.map((c) => [c.name, c]));
    const gone = new Set([...diff.steps.added, ...diff.steps.removed].map((s) => s.name));
    // A step whose only change is an upstream edge is changed too: its DependsOn (or an input) differs.
    const edgeOnly = [...diff.edges.added, ...diff.edges.removed]
        .map((e) => e.to)
        .filter((n) => !gone.has(n) && !changed.has(n));
    const touched = new Set([...changed.keys(), ...edgeOnly]);
    for (const name of [...diff.stepTypes.keys()].filter((n) => touched.has(n))) {
        if (out.some((e) => e.name === name))
            continue;
        const c = changed.get(name);
        out.push(edit(name, c?.type ?? typeOf(diff, name), 'changed', c, undefined));
    }
    for (const s of diff.steps.removed)
        out.push(edit(s.name, s.type, 'removed', undefined, renamedFrom.get(s.name)));
    return out;
}
function typeOf(diff, name) {
    return diff.stepTypes.get(name) ?? '';
}
function verdict(diff) {
    const edits = stepEdits(diff);
    const count = (s) => edits.filter((e) => e.status === s).length;
    const p = diff.parameters;
    return {
        add: count('added'),
        change: count('changed'),
        remove: count('removed'),
        ...dependencyCounts(diff),
        parameters: p.added.length + p.removed.length + p.changed.length,
        pipelineSettings: diff.pipelineFields.length,
    };
}
/**
 * Dependencies added / removed between steps that exist on both sides: the edges of an added or removed step
 * are part of that step, and an edge that only changed kind (data → DependsOn) is no dependency change.
 */
function dependencyCounts(diff) {
    const moved = new Set([...diff.steps.added, ...diff.steps.removed].map((s) => s.name));
    const pair = (e) => `${e.from}\u0000${e.to}`;
    const kept = (e) => !moved.has(e.from) && !moved.has(e.to);
    const added = new Set(diff.edges.added.filter(kept).map(pair));
    const removed = new Set(diff.edges.removed.filter(kept).map(pair));
    return {
        dependenciesAdded: [...added].filter((k) => !removed.has(k)).length,
        dependenciesRemoved: [...removed].filter((k) => !added.has(k)).length,
    };
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** `Plan: 1 to add, 4 to change, 0 to remove; 2 dependencies added, 1 removed; 1 parameter changed`. */
function verdictLine(v) {
    const parts = [`Plan: ${v.add} to add, ${v.change} to change, ${v.remove} to remove`];
    const deps = [];
    if (v.dependenciesAdded > 0)
        deps.push(`${v.dependenciesAdded} added`);
    if (v.dependenciesRemoved > 0)
        deps.push(`${v.dependenciesRemoved} removed`);
    if (deps.length > 0)
        parts.push(`${v.dependenciesAdded + v.dependenciesRemoved === 1 ? 'dependency' : 'dependencies'} ${deps.join(', ')}`);
    if (v.parameters > 0)
        parts.push(`${plural(v.parameters, 'parameter')} changed`);
    if (v.pipelineSettings > 0)
        parts.push(`${plural(v.pipelineSettings, 'pipeline setting')} changed`);
    return parts.join('; ');
}
/** Files added, changed and removed between two bundle manifests (sorted paths). */
function manifestChanges(before, after) {
    const paths = (o) => Object.keys(o).sort();
    return {
        added: paths(after).filter((p) => before[p] === undefined),
        changed: paths(after).filter((p) => before[p] !== undefined && before[p] !== after[p]),
        removed: paths(before).filter((p) => after[p] === undefined),
    };
}


/***/ }),

/***/ 9043:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* binding */ planDag),
/* harmony export */   WP: () => (/* binding */ runDag)
/* harmony export */ });
/* unused harmony exports MAX_EDGES, MAX_MERMAID_CHARS, READABLE_STEPS, CLASS_DEFS */
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2433);
/* harmony import */ var _changes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7918);
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8703);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2484);
// The planned DAG as Mermaid with the diff overlaid, readable at comment width whatever the size: up to
// READABLE_STEPS steps one graph of every step; above that, one node per model first, then each changed model's
// steps in its own graph. Every diagram stays within GitHub's rendering limits.




/** GitHub renders at most 500 edges and 50,000 characters per diagram; we stay well inside. */
const MAX_EDGES = 400;
const MAX_MERMAID_CHARS = 40_000;
/** Above this many steps a single graph shrinks below readable text at comment width (~780 px). */
const READABLE_STEPS = 15;
/** Colour plus a thicker border (and a badge in the label): a change reads in grayscale too. */
const CLASS_DEFS = [
    'classDef added fill:#dafbe1,stroke:#1a7f37,color:#0f5323,stroke-width:3px',
    'classDef changed fill:#fff8c5,stroke:#9a6700,color:#4d2d00,stroke-width:3px',
    'classDef removed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:3px,stroke-dasharray:5 5',
    'classDef unchanged fill:#ffffff,stroke:#8c959f,color:#24292f',
];
const ARROWS = 'Solid arrow: runs after (DependsOn); dotted arrow: reads its output';
const MARKS = '➕ added, ✏️ changed, ➖ removed (thick border); plain: unchanged';
const fits = (text, edges) => edges <= MAX_EDGES && text.length <= MAX_MERMAID_CHARS;
function planDag(planned, models, diff) {
    const graph = (0,_graph_js__WEBPACK_IMPORTED_MODULE_0__/* .stepGraph */ .l)(planned);
    const classes = diff ? statusOf(planned, diff) : undefined;
    const allModels = new Map(models);
    const removed = [];
    for (const s of diff?.steps.removed ?? []) {
        const model = removedModel(s.name, diff, models);
        if (model !== undefined)
            allModels.set(s.name, model);
        removed.push({ name: s.name, type: s.type, ...(model !== undefined ? { model } : {}) });
    }
    const removedEdges = diff?.edges.removed ?? [];
    const addedEdges = new Set((diff?.edges.added ?? []).map(_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .edgeKey */ .B5));
    const classDefs = diff ? CLASS_DEFS : undefined;
    const captionOf = (extra) => [
        ...(extra ? [extra] : []),
        ...(diff ? [MARKS] : []),
        ARROWS,
        ...(removedEdges.length ? ['“➖ removed” arrow: a dependency the plan drops'] : []),
    ].join('. ') + '.';
    const total = graph.nodes.length + removed.length;
    if (total <= READABLE_STEPS) {
        const full = (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMermaid */ .m6)(graph, {
            models,
            classes,
            classDefs,
            extraNodes: removed,
            removedEdges,
            addedEdges,
        });
        if (fits(full, graph.edges.length + removedEdges.length))
            return { mermaid: full, overview: false, details: [], caption: captionOf(''), notice: undefined };
    }
    const overview = collapse(graph, removed, allModels, classes, removedEdges);
    const modelCount = new Set(graph.nodes.map((n) => allModels.get(n.name) ?? OTHER)).size;
    if (!fits(overview.text, overview.edges)) {
        return {
            mermaid: (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMermaid */ .m6)({
                nodes: [{ name: `${graph.nodes.length} steps`, type: 'too many to draw' }],
                edges: [],
            }),
            overview: true,
            details: [],
            caption: '',
            notice: `The graph (${graph.nodes.length} steps, ${graph.edges.length} edges, ${modelCount} models) is too large for GitHub to draw, even one node per model; the table lists every change.`,
        };
    }
    const details = [];
    const skipped = [];
    for (const [model, members] of overview.members) {
        const changed = members.filter((n) => (classes?.get(n.name) ?? 'unchanged') !== 'unchanged');
        if (diff && changed.length === 0)
            continue;
        const names = new Set(members.map((n) => n.name));
        const inside = (e) => names.has(e.from) && names.has(e.to);
        const sub = {
            nodes: graph.nodes.filter((n) => names.has(n.name)),
            edges: graph.edges.filter(inside),
        };
        const text = (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMermaid */ .m6)(sub, {
            models: allModels,
            classes,
            classDefs,
            extraNodes: removed.filter((n) => names.has(n.name)),
            removedEdges: removedEdges.filter(inside),
            addedEdges,
        });
        if (!fits(text, sub.edges.length)) {
            skipped.push(model);
            continue;
        }
        details.push({ model, summary: countsText(members, classes), mermaid: text });
    }
    return {
        mermaid: overview.text,
        overview: true,
        details,
        caption: captionOf(`${graph.nodes.length} steps in ${overview.members.size} models: one box per model, an arrow where a step of one model depends on a step of another; ${diff ? "each changed model's steps follow" : "each model's steps follow"}`),
        notice: skipped.length
            ? `Too large to draw step by step: ${skipped.join(', ')}; the table lists every change.`
            : undefined,
    };
}
const OTHER = '(other)';
/** Each step's status: added, removed, changed (fields, code or its upstream edges) or unchanged. */
function statusOf(planned, diff) {
    const out = new Map();
    for (const s of (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_2__/* .allDefinitionSteps */ .EX)(planned.Steps))
        out.set(s.Name, 'unchanged');
    for (const e of (0,_changes_js__WEBPACK_IMPORTED_MODULE_3__/* .stepEdits */ .Ul)(diff))
        out.set(e.name, e.status);
    return out;
}
/**
 * The model a removed step belonged to: that of the steps it was linked with in the deployed pipeline, else of
 * the planned step sharing the longest name prefix (`churn-Train` with `churn-Preprocess`). The deployed
 * definition has no model names, so this is an inference; undefined draws the step outside every model.
 */
function removedModel(name, diff, models) {
    const votes = new Map();
    for (const e of diff.edges.removed) {
        const other = e.from === name ? e.to : e.to === name ? e.from : undefined;
        const m = other === undefined ? undefined : models.get(other);
        if (m !== undefined)
            votes.set(m, (votes.get(m) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best)
        return best[0];
    let bestLen = 0;
    let bestModel;
    for (const [step, model] of models) {
        let i = 0;
        while (i < step.length && i < name.length && step[i] === name[i])
            i++;
        if (i > bestLen)
            [bestLen, bestModel] = [i, model];
    }
    return bestLen >= 3 ? bestModel : undefined;
}
function countsText(members, classes) {
    const n = (s) => members.filter((m) => classes?.get(m.name) === s).length;
    const parts = ['changed', 'added', 'removed'].filter((s) => n(s) > 0).map((s) => `${n(s)} ${s}`);
    const steps = members.filter((m) => classes?.get(m.name) !== 'removed').length;
    return `${steps} step${steps === 1 ? '' : 's'}${parts.length ? `, ${parts.join(', ')}` : ''}`;
}
/** One node per model (with its step count and changes) and the edges between models. */
function collapse(graph, removed, models, classes, removedEdges) {
    const modelOf = (step) => models.get(step) ?? OTHER;
    const members = new Map();
    for (const n of [...graph.nodes, ...removed]) {
        const m = modelOf(n.name);
        members.set(m, [...(members.get(m) ?? []), n]);
    }
    const status = new Map();
    const nodes = [...members].map(([m, ms]) => {
        const st = ms.map((x) => classes?.get(x.name) ?? 'unchanged');
        status.set(m, st.every((s) => s === 'added')
            ? 'added'
            : st.every((s) => s === 'removed')
                ? 'removed'
                : st.some((s) => s !== 'unchanged')
                    ? 'changed'
                    : 'unchanged');
        return { name: m, type: countsText(ms, classes) };
    });
    const between = (es) => {
        const out = new Map();
        for (const e of es) {
            const from = modelOf(e.from);
            const to = modelOf(e.to);
            if (from !== to)
                out.set((0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .edgeKey */ .B5)({ from, to }), { from, to, kind: 'depends' });
        }
        return out;
    };
    const now = between(graph.edges);
    const gone = [...between(removedEdges)].filter(([k]) => !now.has(k)).map(([, e]) => e);
    const text = (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMermaid */ .m6)({ nodes, edges: [...now.values()] }, classes ? { classes: status, classDefs: CLASS_DEFS, removedEdges: gone, statusWords: false } : {});
    return { text, edges: now.size + gone.length, members };
}
/** Execution step status → class, badge and word, for the run's DAG in the job summary. */
const RUN_STATUS = {
    Succeeded: { cls: 'succeeded', badge: '✅', word: 'succeeded' },
    Failed: { cls: 'failed', badge: '❌', word: 'failed' },
    Stopped: { cls: 'stopped', badge: '⏹️', word: 'stopped' },
    Stopping: { cls: 'stopped', badge: '⏹️', word: 'stopping' },
    Executing: { cls: 'running', badge: '⏳', word: 'running' },
    Starting: { cls: 'running', badge: '⏳', word: 'starting' },
};
const NOT_RUN = { cls: 'notrun', badge: '⚪', word: 'not run' };
const RUN_CLASS_DEFS = [
    'classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
    'classDef failed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:3px',
    'classDef stopped fill:#fff8c5,stroke:#9a6700,color:#4d2d00,stroke-width:3px',
    'classDef running fill:#ddf4ff,stroke:#0969da,color:#0a3069,stroke-width:3px',
    'classDef notrun fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:3 3',
];
/**
 * The planned DAG coloured and badged by each step's execution status (steps the execution never reached
 * are "not run"). Undefined above READABLE_STEPS: there the step table is the readable view.
 */
function runDag(planned, models, statuses) {
    const graph = (0,_graph_js__WEBPACK_IMPORTED_MODULE_0__/* .stepGraph */ .l)(planned);
    if (graph.nodes.length > READABLE_STEPS)
        return undefined;
    const of = (name) => RUN_STATUS[statuses.get(name) ?? ''] ?? NOT_RUN;
    const badges = {};
    for (const v of [...Object.values(RUN_STATUS), NOT_RUN])
        badges[v.cls] = { badge: v.badge, word: v.word };
    const text = (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMermaid */ .m6)(graph, {
        models,
        classes: new Map(graph.nodes.map((n) => [n.name, of(n.name).cls])),
        classDefs: RUN_CLASS_DEFS,
        badges,
    });
    return fits(text, graph.edges.length) ? text : undefined;
}


/***/ }),

/***/ 6840:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lt: () => (/* binding */ itemPath),
/* harmony export */   eM: () => (/* binding */ diffDefinitions)
/* harmony export */ });
/* unused harmony exports diffStep, display */
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2433);
/* harmony import */ var _compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8790);
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8703);
// What merging a plan does to the deployed pipeline: steps added/removed/changed (field by field, with code
// changes and secrets summarised), renamed-looking pairs, edges and parameters. Pure.



const CODE_URI = /s3:\/\/[^/"]+\/.+\/code\/([0-9a-f]{64})\/([^/"]+)/;
const SECRET_KEY = /secret|passw|token|api[-_]?key|credential|private[-_]?key|auth/i;
const SECRET_VALUE = /\bAKIA[0-9A-Z]{16}\b|\bASIA[0-9A-Z]{16}\b|gh[pousr]_[A-Za-z0-9]{20,}|:\/\/[^/\s:@]+:[^/\s@]+@|-----BEGIN [A-Z ]*PRIVATE KEY-----/;
function diffDefinitions(deployed, planned) {
    // Branch steps are compared as steps of their own (a Condition lists their names).
    const before = deployed ? (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_2__/* .flatSteps */ .Vw)(deployed) : [];
    const after = (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_2__/* .flatSteps */ .Vw)(planned);
    const old = new Map(before.map((s) => [s.Name, s]));
    const now = new Map(after.map((s) => [s.Name, s]));
    const added = after.filter((s) => !old.has(s.Name));
    const removed = before.filter((s) => !now.has(s.Name));
    const changed = [];
    const unchanged = [];
    for (const s of after) {
        const prev = old.get(s.Name);
        if (!prev)
            continue;
        const c = diffStep(prev, s);
        if (c.fields.length === 0 && c.code.length === 0)
            unchanged.push(s.Name);
        else
            changed.push(c);
    }
    const edgeKey = (e) => `${e.from}\u0000${e.to}\u0000${e.kind}`;
    const oldEdges = new Map((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .stepGraph */ .l)({ Steps: before }).edges.map((e) => [edgeKey(e), e]));
    const newEdges = new Map((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .stepGraph */ .l)(planned).edges.map((e) => [edgeKey(e), e]));
    const parameters = diffParameters(deployed?.Parameters ?? [], planned.Parameters);
    const pipelineFields = deployed ? diffValues(topLevel(deployed), topLevel(planned), '').fields : [];
    const diff = {
        status: 'changed',
        steps: { added: added.map(summary), removed: removed.map(summary), changed, unchanged },
        renamed: findRenames(removed, added),
        edges: {
            added: [...newEdges].filter(([k]) => !oldEdges.has(k)).map(([, e]) => e),
            removed: [...oldEdges].filter(([k]) => !newEdges.has(k)).map(([, e]) => e),
        },
        parameters,
        pipelineFields,
        stepTypes: new Map([...before, ...planned.Steps].map((s) => [s.Name, s.Type])),
    };
    const same = added.length === 0 &&
        removed.length === 0 &&
        changed.length === 0 &&
        diff.edges.added.length === 0 &&
        diff.edges.removed.length === 0 &&
        parameters.added.length + parameters.removed.length + parameters.changed.length === 0 &&
        pipelineFields.length === 0;
    return { ...diff, status: deployed === null ? 'created' : same ? 'unchanged' : 'changed' };
}
function summary(s) {
    return { name: s.Name, type: s.Type };
}
function topLevel(d) {
    return { Version: d.Version, Metadata: d.Metadata, PipelineExperimentConfig: d.PipelineExperimentConfig };
}
/** Field changes of one step; DependsOn is left to the edge diff. */
function diffStep(a, b) {
    const strip = (s) => {
        const { Name: _n, DependsOn: _d, ...rest } = s;
        return rest;
    };
    const { fields, code } = diffValues(strip(a), strip(b), '');
    return { name: b.Name, type: b.Type, fields, code };
}
function diffValues(a, b, root) {
    const fields = [];
    const code = [];
    const visit = (x, y, path, redact) => {
        if (deepEqual(x, y))
            return;
        if (isContainer(x) && isContainer(y) && Array.isArray(x) === Array.isArray(y)) {
            const xs = entries(x);
            const ys = entries(y);
            const keys = [...new Set([...xs.keys(), ...ys.keys()])];
            for (const k of keys) {
                const sub = `${path}${k.startsWith('[') ? '' : path ? '.' : ''}${k}`;
                visit(xs.get(k), ys.get(k), sub, redact || isRedactedKey(k));
            }
            return;
        }
        const oldCode = typeof x === 'string' ? CODE_URI.exec(x) : null;
        const newCode = typeof y === 'string' ? CODE_URI.exec(y) : null;
        if (oldCode &&
            newCode &&
            oldCode[2] === newCode[2] &&
            oldCode[1] !== newCode[1] &&
            sameExceptHash(x, y)) {
            code.push({ path, artifact: newCode[2] ?? '', oldSha: oldCode[1] ?? '', newSha: newCode[1] ?? '' });
            return;
        }
        const secret = redact || containsSecret(x) || containsSecret(y);
        fields.push({
            path,
            kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
            old: secret || x === undefined ? undefined : display(x),
            new: secret || y === undefined ? undefined : display(y),
            redacted: secret,
        });
    };
    visit(a, b, root, false);
    return { fields, code };
}
/** Two code URIs that differ only in the content hash (not bucket or pipeline). */
function sameExceptHash(x, y) {
    const strip = (v) => String(v).replace(/\/code\/[0-9a-f]{64}\//, '/code/*/');
    return strip(x) === strip(y);
}
function isRedactedKey(k) {
    return k === 'Environment' || SECRET_KEY.test(k);
}
/** A value that is, or holds anywhere inside (keys included), something we must not print. */
function containsSecret(v) {
    if (v === undefined || v === null)
        return false;
    if (typeof v === 'string')
        return SECRET_VALUE.test(v);
    if (typeof v !== 'object')
        return false;
    if ((0,_compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .isExpression */ .BH)(v))
        return SECRET_VALUE.test(JSON.stringify(v));
    if (Array.isArray(v))
        return v.some(containsSecret);
    return Object.entries(v).some(([k, x]) => isRedactedKey(k) || containsSecret(x));
}
function isContainer(v) {
    return typeof v === 'object' && v !== null && !(0,_compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .isExpression */ .BH)(v);
}
/** Children by display key; list items keyed by their name member when every item has a distinct one. */
function entries(v) {
    if (!Array.isArray(v))
        return new Map(Object.entries(v).map(([k, x]) => [
            /^[A-Za-z_][A-Za-z0-9_:-]*$/.test(k) ? k : `[${JSON.stringify(k)}]`,
            x,
        ]));
    const names = v.map(itemName);
    if (names.every((n) => n !== undefined) && new Set(names).size === names.length) {
        return new Map(v.map((x, i) => [itemKey(String(names[i])), x]));
    }
    return new Map(v.map((x, i) => [`[${i}]`, x]));
}
const itemKey = (name) => `['${name}']`;
/** The diff's path of the list item named `name` (`Arguments.ProcessingInputs['raw']`). */
function itemPath(list, name) {
    return `${list}${itemKey(name)}`;
}
const NAME_KEYS = ['InputName', 'OutputName', 'ChannelName', 'Key', 'Name', 'PropertyFileName'];
function itemName(v) {
    if (!isContainer(v) || Array.isArray(v))
        return undefined;
    for (const k of NAME_KEYS) {
        const n = v[k];
        if (typeof n === 'string')
            return n;
    }
    return undefined;
}
function display(v) {
    if (v === undefined)
        return '';
    if (typeof v === 'string')
        return v;
    if ((0,_compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .isExpression */ .BH)(v)) {
        if ('Get' in v)
            return `{Get: ${v.Get}}`;
        if ('Std:Join' in v)
            return `join(${JSON.stringify(v['Std:Join'].On)}, ${v['Std:Join'].Values.map((x) => display(x)).join(', ')})`;
        return JSON.stringify(v);
    }
    return JSON.stringify(v);
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length)
        return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
}
/** Leaves of a step with code hashes blanked, for the rename heuristic. */
function leaves(s) {
    const out = new Map();
    const visit = (v, path) => {
        if (isContainer(v)) {
            for (const [k, x] of entries(v))
                visit(x, `${path}/${k}`);
            return;
        }
        out.set(path, display(v)
            .replace(/\/code\/[0-9a-f]{64}\//, '/code/*/')
            .split(s.Name)
            .join('<self>'));
    };
    visit(s.Arguments, '');
    return out;
}
function similarity(a, b) {
    const la = leaves(a);
    const lb = leaves(b);
    const keys = new Set([...la.keys(), ...lb.keys()]);
    if (keys.size === 0)
        return 1;
    let same = 0;
    for (const k of keys)
        if (la.get(k) === lb.get(k))
            same++;
    return same / keys.size;
}
/** Greedy best pairs with similarity ≥ 0.6, deterministic (sorted by score, then names). */
function findRenames(removed, added) {
    const candidates = [];
    for (const r of removed) {
        for (const a of added) {
            if (r.Type !== a.Type)
                continue;
            const sim = similarity(r, a);
            if (sim >= 0.6)
                candidates.push({ from: r.Name, to: a.Name, similarity: Math.round(sim * 100) / 100 });
        }
    }
    candidates.sort((x, y) => y.similarity - x.similarity || (x.from < y.from ? -1 : 1) || (x.to < y.to ? -1 : 1));
    const used = new Set();
    const out = [];
    for (const c of candidates) {
        if (used.has(c.from) || used.has(`>${c.to}`))
            continue;
        used.add(c.from);
        used.add(`>${c.to}`);
        out.push(c);
    }
    return out;
}
/** `Integer, default 10` / `String, default "a", one of a | b`: what a reader compares. */
function parameterLine(p) {
    const parts = [display(p.Type)];
    if (p.DefaultValue !== undefined)
        parts.push(`default ${JSON.stringify(p.DefaultValue)}`);
    if (Array.isArray(p.EnumValues))
        parts.push(`one of ${p.EnumValues.map((v) => display(v)).join(' | ')}`);
    return parts.join(', ');
}
function diffParameters(a, b) {
    const byName = (list) => new Map(list
        .filter((p) => isContainer(p) && !Array.isArray(p))
        .map((p) => [String(p.Name), parameterLine(p)]));
    const hide = (m) => new Map([...m].map(([n, v]) => [n, SECRET_KEY.test(n) || SECRET_VALUE.test(v) ? '(value hidden)' : v]));
    const pa = hide(byName(a));
    const pb = hide(byName(b));
    return {
        added: [...pb].filter(([n]) => !pa.has(n)).map(([name, v]) => ({ name, old: undefined, new: v })),
        removed: [...pa].filter(([n]) => !pb.has(n)).map(([name, v]) => ({ name, old: v, new: undefined })),
        changed: [...pb]
            .filter(([n, v]) => pa.has(n) && pa.get(n) !== v)
            .map(([name, v]) => ({ name, old: pa.get(name), new: v })),
    };
}


/***/ }),

/***/ 8703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ stepGraph)
/* harmony export */ });
/* unused harmony export stepReferences */
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2433);
/* harmony import */ var _compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8790);
// The step graph of a definition: nodes in definition order, edges from DependsOn and data references.


function stepGraph(def) {
    // Steps inside Condition branches are nodes too, after their Condition (flatSteps).
    const all = (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_1__/* .flatSteps */ .Vw)(def);
    const nodes = all.map((s) => ({ name: s.Name, type: s.Type }));
    const names = new Set(nodes.map((n) => n.name));
    const edges = new Map();
    const add = (from, to, kind) => {
        if (!names.has(from) || from === to)
            return;
        const key = `${from}\u0000${to}`;
        const prev = edges.get(key);
        if (!prev || (prev.kind === 'data' && kind === 'depends'))
            edges.set(key, { from, to, kind });
    };
    for (const s of all) {
        for (const d of s.DependsOn ?? [])
            add(d, s.Name, 'depends');
        for (const ref of stepReferences(s.Arguments))
            add(ref, s.Name, 'data');
    }
    const order = new Map(nodes.map((n, i) => [n.name, i]));
    const sorted = [...edges.values()].sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
    return { nodes, edges: sorted };
}
/** Names of steps whose properties a value refers to (`{"Get": "Steps.X.…"}` anywhere inside). */
function stepReferences(v) {
    const out = new Set();
    const visit = (x) => {
        if ((0,_compile_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .isExpression */ .BH)(x) && 'Get' in x) {
            const m = /^Steps\.([A-Za-z0-9_-]+)\./.exec(x.Get);
            if (m?.[1])
                out.add(m[1]);
            return;
        }
        if (Array.isArray(x))
            for (const y of x)
                visit(y);
        else if (x && typeof x === 'object')
            for (const y of Object.values(x))
                visit(y);
    };
    visit(v);
    return [...out];
}


/***/ }),

/***/ 6371:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   vy: () => (/* binding */ planHashOf)
/* harmony export */ });
/* unused harmony exports planHash, shortHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// The plan hash: the identity of "what this plan deploys" — the canonical definition plus the artifact hashes.

/** JSON with object keys sorted at every level, so equal definitions hash equal whatever their key order. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
/**
 * sha256 over the canonical definition and the sorted `<s3 key> <sha256>` lines of the artifacts.
 * The definition already names code by content hash; listing the artifacts too makes the hash cover an
 * artifact the definition would not name (the S3-uploaded definition itself is excluded: it *is* the definition).
 */
function planHash(definition, artifacts, 
/** The schedule deploy writes: part of what is approved. Absent, the hash is what it was before schedules. */
schedule) {
    // Content hashes, not the compressed bytes' (those may differ between zlib builds: see compile/bundle.ts).
    const lines = artifacts
        .filter((a) => a.kind !== 'definition')
        .map((a) => `${a.key} ${a.contentSha256}`)
        .sort();
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonicalJson(definition)).update('\n').update(lines.join('\n'));
    if (schedule)
        h.update('\nschedule ').update(canonicalJson(schedule));
    return h.digest('hex');
}
/** The hash of a compiled plan. */
function planHashOf(plan) {
    return planHash(plan.definition, plan.artifacts, plan.schedule);
}
function shortHash(hash) {
    return hash.slice(0, 12);
}


/***/ }),

/***/ 2484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ edgeKey),
/* harmony export */   m6: () => (/* binding */ renderMermaid),
/* harmony export */   yq: () => (/* binding */ BADGE)
/* harmony export */ });
/* unused harmony exports mermaidLabel, sharedPrefix */
/* harmony import */ var _config_visible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8828);
// Mermaid flowchart of the step graph: one subgraph per model, ids safe whatever the step names. Changes are
// told by a badge in the label and a thicker border as well as by colour, so they read in grayscale too.

/** The textual badge of a status, first in the node label. */
const BADGE = {
    added: '➕',
    changed: '✏️',
    removed: '➖',
    unchanged: '',
};
/** Key of an edge in `addedEdges`. */
function edgeKey(e) {
    return `${e.from}\u0000${e.to}`;
}
/**
 * Escapes text for a quoted Mermaid label: control and invisible characters become visible escapes, quotes and
 * markup-significant characters entities.
 */
function mermaidLabel(text) {
    return (0,_config_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(text).replace(/[#"<>&`\\|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}
/** Subgraph boxes stay neutral: a change is told by the nodes inside, never by the box. */
const MODEL_STYLE = 'fill:#f6f8fa,stroke:#d0d7de,color:#24292f';
function renderMermaid(graph, opts = {}) {
    const nodes = [...graph.nodes, ...(opts.extraNodes ?? [])];
    const ids = new Map(nodes.map((n, i) => [n.name, `s${i}`]));
    const lines = ['flowchart TD'];
    const node = (n, prefix = '') => {
        const status = opts.classes?.get(n.name);
        const custom = status ? opts.badges?.[status] : undefined;
        const badge = custom ? custom.badge : status ? (BADGE[status] ?? '') : '';
        const shown = custom ? custom.word : status;
        const word = shown && status !== 'unchanged' && opts.statusWords !== false ? ` · ${shown}` : '';
        const label = `"${badge ? `${badge} ` : ''}${mermaidLabel(n.name.slice(prefix.length))}<br/><small>${mermaidLabel(n.type)}${word}</small>"`;
        // A Condition (quality gate) is drawn as a diamond, as flowcharts draw decisions.
        return `${ids.get(n.name) ?? ''}${n.type === 'Condition' ? `{${label}}` : `[${label}]`}`;
    };
    const modelOf = (n) => n.model ?? opts.models?.get(n.name);
    const groups = new Map();
    const loose = [];
    for (const n of nodes) {
        const m = modelOf(n);
        if (m === undefined)
            loose.push(n);
        else
            groups.set(m, [...(groups.get(m) ?? []), n]);
    }
    let g = 0;
    for (const [model, members] of groups) {
        // Inside a model's box its steps' shared prefix (`calhousing-tf-`) is said once, in the box's title, and
        // left out of the labels: they keep what tells the steps apart, so the graph is narrower and its text larger
        // at comment width. The title is the prefix alone when it spells the model's name (a long title is clipped
        // to the box).
        const prefix = sharedPrefix(members.map((n) => n.name));
        const title = mermaidLabel(!prefix ? model : spells(prefix, model) ? `${prefix}…` : `${model} · ${prefix}…`);
        lines.push(`  subgraph m${g}["${title}"]`, '    direction TB');
        for (const n of members)
            lines.push(`    ${node(n, prefix)}`);
        lines.push('  end', `  style m${g} ${MODEL_STYLE}`);
        g++;
    }
    for (const n of loose)
        lines.push(`  ${node(n)}`);
    const removedStyle = [];
    let index = 0;
    for (const e of graph.edges) {
        const label = opts.addedEdges?.has(edgeKey(e)) ? '|"➕ new"|' : '';
        lines.push(`  ${ids.get(e.from) ?? ''} ${e.kind === 'depends' ? '-->' : '-.->'}${label} ${ids.get(e.to) ?? ''}`);
        index++;
    }
    for (const e of opts.removedEdges ?? []) {
        const from = ids.get(e.from);
        const to = ids.get(e.to);
        if (!from || !to)
            continue;
        lines.push(`  ${from} -.->|"➖ removed"| ${to}`);
        removedStyle.push(index++);
    }
    for (const def of opts.classDefs ?? [])
        lines.push(`  ${def}`);
    if (opts.classes) {
        const byClass = new Map();
        for (const n of nodes) {
            const c = opts.classes.get(n.name);
            const id = ids.get(n.name);
            if (c && id)
                byClass.set(c, [...(byClass.get(c) ?? []), id]);
        }
        for (const [c, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1)))
            lines.push(`  class ${members.join(',')} ${c}`);
    }
    if (removedStyle.length > 0)
        lines.push(`  linkStyle ${removedStyle.join(',')} stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4`);
    return `${lines.join('\n')}\n`;
}
/**
 * The prefix up to a `-` or `_` that every name of a group of two or more shares, leaving each name at least
 * three characters of its own; '' when there is none.
 */
function sharedPrefix(names) {
    if (names.length < 2)
        return '';
    let common = names[0] ?? '';
    for (const n of names) {
        let i = 0;
        while (i < common.length && i < n.length && common[i] === n[i])
            i++;
        common = common.slice(0, i);
    }
    const cut = Math.max(common.lastIndexOf('-'), common.lastIndexOf('_')) + 1;
    const prefix = common.slice(0, cut);
    return names.every((n) => n.length - prefix.length >= 3) ? prefix : '';
}
/** Whether a prefix holds the model's name, separators and case aside (`calhousing-tf-` and `calhousingtf`). */
function spells(prefix, model) {
    const bare = (x) => x.toLowerCase().replace(/[-_]/g, '');
    return bare(prefix).includes(bare(model));
}


/***/ }),

/***/ 6658:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wx: () => (/* binding */ scheduleAction)
/* harmony export */ });
/* unused harmony exports isOurs, scheduleFields, pipelineArn */
/* harmony import */ var _compile_schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2040);
// The schedule's diff against the deployed one: what deploy will do to the EventBridge Scheduler schedule.

/** Ours: the name smp gives it and the description marker smp writes. */
function isOurs(d, name) {
    return d.name === name && d.description.startsWith(_compile_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .SCHEDULE_MARKER */ .Zv);
}
const params = (p) => [...p]
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((x) => `${x.Name}=${x.Value}`)
    .join(', ');
function scheduleFields(spec, targetArn) {
    return {
        expression: spec.expression,
        timezone: spec.timezone,
        state: spec.enabled ? 'ENABLED' : 'DISABLED',
        role: spec.roleArn,
        target: targetArn,
        parameters: params(spec.parameters),
        description: spec.description,
    };
}
function deployedFields(d) {
    return {
        expression: d.expression,
        timezone: d.timezone,
        state: d.enabled ? 'ENABLED' : 'DISABLED',
        role: d.roleArn,
        target: d.targetArn,
        parameters: params(d.parameters),
        description: d.description,
    };
}
/**
 * What deploy does, given the wanted schedule, the pipeline's ARN and the deployed schedule with our name
 * (null: none; undefined: not read, e.g. offline or not allowed).
 */
function scheduleAction(spec, name, targetArn, deployed) {
    if (deployed === undefined)
        return spec ? undefined : { kind: 'none' };
    if (deployed === null)
        return spec ? { kind: 'create', spec } : { kind: 'none' };
    if (!isOurs(deployed, name))
        return { kind: 'foreign', spec, deployed };
    if (!spec)
        return { kind: 'delete', deployed };
    const want = scheduleFields(spec, targetArn);
    const have = deployedFields(deployed);
    const fields = Object.keys(want)
        .filter((k) => want[k] !== have[k])
        .map((k) => ({ field: k, old: have[k], new: want[k] }));
    return fields.length === 0 ? { kind: 'unchanged', spec } : { kind: 'update', spec, fields };
}
/** The pipeline's ARN as SageMaker writes it (names are lower-cased in ARNs). */
function pipelineArn(region, accountId, pipeline) {
    return `arn:aws:sagemaker:${region}:${accountId}:pipeline/${pipeline.toLowerCase()}`;
}


/***/ }),

/***/ 5611:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MM: () => (/* binding */ planSummary),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export stepsByModel */
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2433);
// A short plain-text summary of a plan, for the CLI and the action log.

function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
/** Steps per model in definition order, each `name (Type)`. */
function stepsByModel(plan) {
    const out = new Map();
    for (const s of (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_0__/* .allDefinitionSteps */ .EX)(plan.definition.Steps)) {
        const model = plan.origins.get(s.Name)?.model ?? '';
        out.set(model, [...(out.get(model) ?? []), `${s.Name} (${s.Type})`]);
    }
    return out;
}
function planSummary(plan) {
    const lines = [
        `pipeline ${plan.pipelineName}: ${(0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_0__/* .allDefinitionSteps */ .EX)(plan.definition.Steps).length} steps, definition ${formatBytes(plan.definitionJson.length)}`,
    ];
    for (const [model, steps] of stepsByModel(plan))
        lines.push(`  ${model}: ${steps.join(', ')}`);
    const total = plan.artifacts.reduce((n, a) => n + a.bytes, 0);
    lines.push(`artifacts: ${plan.artifacts.length} (${formatBytes(total)} before gzip)`);
    for (const a of plan.artifacts)
        lines.push(`  ${a.s3Uri}  ${formatBytes(a.bytes)}  ${a.description}`);
    if (plan.definitionS3)
        lines.push(`definition sent through s3://${plan.definitionS3.bucket}/${plan.definitionS3.key}`);
    return lines.join('\n');
}


/***/ }),

/***/ 2510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ OFFLINE),
/* harmony export */   NG: () => (/* binding */ stepModels),
/* harmony export */   OL: () => (/* binding */ definitionFromJson),
/* harmony export */   rn: () => (/* binding */ buildPlanView)
/* harmony export */ });
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2433);
/* harmony import */ var _config_schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4493);
/* harmony import */ var _dag_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9043);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6840);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6371);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6658);
// Plan + deployed definition → everything the views need: diff, DAG, hash.






const OFFLINE = {
    state: 'unknown',
    definition: null,
    note: 'planned offline, without reading the deployed pipeline',
};
function stepModels(plan) {
    return new Map([...plan.origins].map(([name, o]) => [name, o.model]));
}
function buildPlanView(plan, deployed) {
    const diff = (0,_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .diffDefinitions */ .eM)(deployed.state === 'read' ? deployed.definition : null, plan.definition);
    const dag = (0,_dag_js__WEBPACK_IMPORTED_MODULE_1__/* .planDag */ .Me)(plan.definition, stepModels(plan), deployed.state === 'read' ? diff : undefined);
    return {
        pipeline: plan.pipelineName,
        planHash: (0,_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .planHashOf */ .vy)(plan),
        steps: (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_5__/* .allDefinitionSteps */ .EX)(plan.definition.Steps).length,
        diff,
        deployed: deployed.state,
        ...(deployed.note ? { deployedNote: deployed.note } : {}),
        mermaid: dag.mermaid,
        ...(dag.notice ? { graphNotice: dag.notice } : {}),
        graphCaption: dag.caption,
        graphDetails: dag.details,
        ...(deployed.lastModified || deployed.version
            ? {
                provenance: {
                    ...(deployed.lastModified ? { deployedModified: deployed.lastModified } : {}),
                    ...(deployed.version ? { deployedVersion: deployed.version } : {}),
                },
            }
            : {}),
        artifacts: plan.artifacts,
        warnings: plan.warnings,
        packages: plan.modelPackages.map((b) => ({
            model: b.model,
            parameter: b.parameter,
            group: b.group,
            version: b.version,
            resolved: b.resolved,
            deployedArn: deployed.state === 'read' ? parameterDefault(deployed.definition, b.parameter) : undefined,
        })),
        schedule: scheduleView(plan, deployed),
        ...(plan.sources ? { sources: plan.sources } : {}),
    };
}
function scheduleView(plan, deployed) {
    const name = (0,_config_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .scheduleName */ .V5)(plan.pipelineName);
    const target = deployed.arn ?? '';
    const action = deployed.state === 'unknown' ? undefined : (0,_schedule_js__WEBPACK_IMPORTED_MODULE_4__/* .scheduleAction */ .Wx)(plan.schedule, name, target, deployed.schedule);
    return {
        name,
        spec: plan.schedule,
        action,
        ...(deployed.scheduleNote ? { note: deployed.scheduleNote } : {}),
    };
}
function parameterDefault(def, name) {
    const p = def?.Parameters.find((x) => x !== null && typeof x === 'object' && !Array.isArray(x) && x.Name === name);
    return typeof p?.DefaultValue === 'string' ? p.DefaultValue : undefined;
}
/** Reads a definition from a file's JSON: the definition itself, or DescribePipeline output (PipelineDefinition string). */
function definitionFromJson(data) {
    if (data && typeof data === 'object' && 'PipelineDefinition' in data) {
        const inner = data.PipelineDefinition;
        return definitionFromJson(typeof inner === 'string' ? JSON.parse(inner) : inner);
    }
    if (!data || typeof data !== 'object' || !Array.isArray(data.Steps)) {
        throw new Error('not a pipeline definition: expected an object with a Steps list (or DescribePipeline output with PipelineDefinition)');
    }
    const d = data;
    d.Steps.forEach((s, i) => {
        const step = s;
        if (!step || typeof step !== 'object' || typeof step.Name !== 'string' || typeof step.Type !== 'string') {
            throw new Error(`not a pipeline definition: Steps[${i}] needs a Name and a Type`);
        }
        if (step.Arguments !== undefined && (typeof step.Arguments !== 'object' || step.Arguments === null)) {
            throw new Error(`not a pipeline definition: Steps[${i}].Arguments must be an object`);
        }
    });
    return {
        Version: '2020-12-01',
        Metadata: d.Metadata ?? {},
        Parameters: d.Parameters ?? [],
        PipelineExperimentConfig: d.PipelineExperimentConfig ?? null,
        Steps: d.Steps ?? [],
    };
}


/***/ }),

/***/ 136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Durations as the log and the reports show them: 5s, 3m12s, 3h01m.
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}


/***/ }),

/***/ 3050:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ gateFailureText),
/* harmony export */   f: () => (/* binding */ gateOutcomes)
/* harmony export */ });
/* harmony import */ var _compile_branches_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2433);
/* harmony import */ var _compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6514);
// Quality gates in a run: which gate passed or failed, and a failed gate's message as a reader wants it
// ("quality gate failed: auc 0.71 < 0.80"). Pure: reads the definition and the step statuses.


/**
 * `quality gate failed for churn-Register: auc=0.71 (min 0.80); recall=0.62 (min 0.5)` →
 * `quality gate failed: auc 0.71 < 0.80`; undefined for any other message.
 */
function gateFailureText(message) {
    if (!message?.startsWith(_compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_FAILED_PREFIX */ .LI))
        return undefined;
    const body = message.slice(message.indexOf(': ') + 2);
    const failed = [];
    for (const part of body.split('; ')) {
        const m = /^(.+?)=(.*?)((?: \((?:min|max) [^)]*\))+)$/.exec(part);
        if (!m)
            return `quality gate failed: ${body}`;
        const [, label = '', raw = '', bounds = ''] = m;
        const value = raw.trim() === '' ? Number.NaN : Number(raw);
        if (Number.isNaN(value)) {
            failed.push(`${label} is missing from the metrics report`);
            continue;
        }
        for (const [, kind, limit = ''] of bounds.matchAll(/\((min|max) ([^)]*)\)/g)) {
            const l = Number(limit);
            if (kind === 'min' && value < l)
                failed.push(`${label} ${raw} < ${limit}`);
            if (kind === 'max' && value > l)
                failed.push(`${label} ${raw} > ${limit}`);
        }
    }
    return `quality gate failed: ${failed.length > 0 ? failed.join(', ') : body}`;
}
/** Every quality gate of the definition with what happened to it in the run. */
function gateOutcomes(def, steps) {
    const byName = new Map(steps.map((s) => [s.name, s]));
    const out = [];
    for (const s of (0,_compile_branches_js__WEBPACK_IMPORTED_MODULE_1__/* .allDefinitionSteps */ .EX)(def.Steps)) {
        if (s.Type !== 'Condition' || !s.Name.endsWith(_compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_SUFFIX */ .cU))
            continue;
        const register = s.Name.slice(0, -_compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_SUFFIX */ .cU.length);
        const guarded = s.Arguments.IfSteps ?? [];
        const reg = guarded.find((x) => x.Type === 'RegisterModel');
        const group = typeof reg?.Arguments.ModelPackageGroupName === 'string' ? reg.Arguments.ModelPackageGroupName : '';
        const fail = byName.get(`${register}${_compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_FAILED_SUFFIX */ .o0}`);
        const cond = byName.get(s.Name);
        const result = fail ? 'failed' : cond?.status === 'Succeeded' ? 'passed' : 'not run';
        out.push({
            register,
            group,
            result,
            reason: fail ? (gateFailureText(fail.failureReason) ?? fail.failureReason) : undefined,
        });
    }
    return out;
}


/***/ }),

/***/ 1802:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gI: () => (/* binding */ formatMetric),
/* harmony export */   rE: () => (/* binding */ METRICS_MAX_BYTES),
/* harmony export */   vm: () => (/* binding */ displayNames),
/* harmony export */   yc: () => (/* binding */ metricsLine),
/* harmony export */   zX: () => (/* binding */ metricsText),
/* harmony export */   zo: () => (/* binding */ parseMetricsReport)
/* harmony export */ });
/* harmony import */ var _config_visible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8828);
// The metrics object a Metrics step's script wrote, as the run report shows it: SageMaker's model-quality
// statistics format (`{"regression_metrics": {"mse": {"value": 0.25, "standard_deviation": 0.01}}}`). The
// object comes from the PR's own script: it is read as hostile input (size-bounded by the reader, only the three
// levels of that format are looked at, numbers only, names bounded and shown as text). Pure.

/** The most of a metrics object that is read (the reader asks S3 for this many bytes plus one). */
const METRICS_MAX_BYTES = 1024 * 1024;
/** Metrics kept per object: the rest are counted, not shown. */
const MAX_METRICS = 100;
const MAX_NAME = 64;
/** Reads the bytes of a metrics object (at most METRICS_MAX_BYTES; the caller refuses larger ones). */
function parseMetricsReport(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    }
    catch {
        return { kind: 'unavailable', reason: 'not UTF-8 text' };
    }
    if (text.trim() === '')
        return { kind: 'unavailable', reason: 'the object is empty' };
    const data = parseJson(text);
    if (data === undefined)
        return { kind: 'unavailable', reason: 'not valid JSON' };
    if (!isRecord(data))
        return {
            kind: 'unavailable',
            reason: `not a metrics report: the top level is ${kindOf(data)}, not an object of sections`,
        };
    const values = [];
    let skipped = 0;
    for (const [section, metrics] of Object.entries(data)) {
        if (!isRecord(metrics)) {
            skipped++;
            continue;
        }
        for (const [name, m] of Object.entries(metrics)) {
            const value = isRecord(m) ? numeric(m.value) : undefined;
            if (!isRecord(m) || value === undefined || values.length >= MAX_METRICS) {
                skipped++;
                continue;
            }
            const std = numeric(m.standard_deviation);
            values.push({
                section: label(section),
                name: label(name),
                value,
                ...(std !== undefined ? { std } : {}),
            });
        }
    }
    return { kind: 'values', values, skipped };
}
/** JSON, also as Python writes it for NaN and infinite floats (bare `NaN`, `Infinity`, `-Infinity`). */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // Strings are matched first so a `NaN` inside one stays text; the sentinels cannot come from a JSON string
        // a script would write by accident.
        const fixed = text.replace(/"(?:[^"\\]|\\.)*"|(-?)\b(NaN|Infinity)\b/g, (m, sign, word) => (word ? `"\\u0000${sign}${word}"` : m));
        try {
            return JSON.parse(fixed);
        }
        catch {
            return undefined;
        }
    }
}
function numeric(v) {
    if (typeof v === 'number')
        return v;
    if (v === '\u0000NaN')
        return Number.NaN;
    if (v === '\u0000Infinity')
        return Number.POSITIVE_INFINITY;
    if (v === '\u0000-Infinity')
        return Number.NEGATIVE_INFINITY;
    return undefined;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function kindOf(v) {
    if (Array.isArray(v))
        return 'an array';
    if (v === null)
        return 'null';
    return `a ${typeof v}`;
}
/** A name as one bounded line of visible text (escaping for Markdown happens where it is rendered). */
function label(s) {
    const v = (0,_config_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(s.replace(/\s+/g, ' '));
    return v.length > MAX_NAME ? `${v.slice(0, MAX_NAME - 1)}…` : v;
}
/** A value as a reader wants it: four significant digits (`0.2513`, `1.235e-7`), `NaN`, `Infinity`. */
function formatMetric(v) {
    if (!Number.isFinite(v))
        return String(v);
    return String(Number(v.toPrecision(4)));
}
/**
 * The metrics in one line: `mse 0.25 · r2 0.87` (a name is prefixed with its section only when two sections
 * share it), the first `max` of them and `· +N more`; `space` between a name and its value (a no-break space
 * keeps a pair on one line in a table cell).
 */
function metricsLine(values, max = Infinity, space = ' ') {
    const names = displayNames(values);
    const shown = values.slice(0, max).map((m, i) => `${names[i]}${space}${formatMetric(m.value)}`);
    const more = values.length - Math.min(values.length, max);
    return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(' · ');
}
/** Each metric's name as shown: `mse`, or `regression_metrics.mse` when another section has an `mse` too. */
function displayNames(values) {
    const sections = new Map();
    for (const m of values)
        sections.set(m.name, (sections.get(m.name) ?? new Set()).add(m.section));
    return values.map((m) => ((sections.get(m.name)?.size ?? 0) > 1 ? `${m.section}.${m.name}` : m.name));
}
/** What a metrics read gave, for the log and the CLI: the values, or why there are none. */
function metricsText(m) {
    if (m.kind === 'unavailable')
        return `metrics not read: ${m.reason}`;
    if (m.values.length === 0)
        return `metrics: none with a numeric value (expected {"<section>": {"<metric>": {"value": <number>}}})`;
    return `metrics: ${metricsLine(m.values)}${m.skipped > 0 ? ` (${m.skipped} non-numeric entr${m.skipped === 1 ? 'y' : 'ies'} skipped)` : ''}`;
}


/***/ }),

/***/ 7034:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ renderRunReport),
/* harmony export */   CL: () => (/* binding */ runOutcome),
/* harmony export */   F9: () => (/* binding */ failedStepShown),
/* harmony export */   zt: () => (/* binding */ renderFailure)
/* harmony export */ });
/* unused harmony exports shortArn, reasonHeadline, metricsLink */
/* harmony import */ var _plan_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5611);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(136);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2527);
/* harmony import */ var _compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6514);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3050);
/* harmony import */ var _metrics_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1802);
// Markdown for what a deploy/run did: the pipeline change, the execution with its steps, the registered models.
// Pure: takes plain data (no SDK types), returns strings.






function duration(s, now) {
    return s.startTime ? (0,_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)((s.endTime?.getTime() ?? now) - s.startTime.getTime()) : '';
}
const ICON = {
    Succeeded: '✅',
    Failed: '❌',
    Stopped: '⏹️',
    Stopping: '⏹️',
    Executing: '⏳',
    Starting: '⏳',
    'not run': '⚪',
};
function renderRunReport(r, now = Date.now()) {
    const out = [];
    if (r.action) {
        // Each line its own paragraph: a single newline would join them into one line in a job summary.
        out.push(`**Pipeline ${r.action}**${r.pipelineArn ? ` ${shortArn(r.pipelineArn)}` : ''}`, '');
        if (r.uploaded)
            out.push(`Code: ${r.uploaded.count} object${r.uploaded.count === 1 ? '' : 's'} uploaded (${(0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(r.uploaded.bytes)}), ${r.uploaded.skipped} already in S3.`, '');
    }
    if (r.schedule) {
        out.push(`**Schedule** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(r.schedule.name)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(r.schedule.outcome)}`, '');
    }
    if (r.executionArn) {
        const link = r.executionLink ? ` ([open in SageMaker](${r.executionLink}))` : '';
        out.push(`**Execution** ${shortArn(r.executionArn)}${link}${r.attached ? ' (attached: this run had already started it)' : ''}`, '');
        if (r.outcome)
            out.push(`Status: **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(r.outcome)}**${r.failureReason ? `: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(r.failureReason)}` : ''}`, '');
    }
    out.push(...parameterTable(r.parameters));
    if (r.scored && r.scored.length > 0) {
        out.push('**Scored with**', '', '| model | group | version | approval | registered |', '|---|---|---|---|---|');
        // The version's ARN on hover and in Full ARNs: in a column it wraps over several lines.
        for (const s of r.scored)
            out.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(s.model)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(s.group)} | <span title="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(s.arn)}">v${s.version}</span> | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(s.approvalStatus)} | ${s.createdAt.slice(0, 10)} |`);
        out.push('');
    }
    if (r.cancelled) {
        out.push(r.cancelled.stillRunning
            ? `> [!WARNING]\n> The job was cancelled; the execution is **still running**: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(r.executionArn ?? '')}`
            : '> [!NOTE]\n> The job was cancelled; the execution was asked to stop.', '');
    }
    const steps = allSteps(r);
    if (r.dag && steps.length > 0)
        out.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdFence */ .F)(r.dag.trimEnd(), 'mermaid', true), '');
    if (steps.length > 0) {
        out.push('| step | status | duration | notes |', '|---|---|---|---|');
        for (const s of steps) {
            const notes = [
                ...(s.failureReason ? [lines((0,_gates_js__WEBPACK_IMPORTED_MODULE_2__/* .gateFailureText */ .D)(s.failureReason) ?? s.failureReason)] : []),
                ...(s.cacheSource ? [`cache hit: ${shortArn(s.cacheSource)}`] : []),
                ...(s.conditionOutcome && s.name.endsWith(_compile_steps_condition_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_SUFFIX */ .cU)
                    ? [s.conditionOutcome === 'True' ? 'quality gate passed' : 'quality gate not passed']
                    : []),
                ...(s.links && s.status === 'Failed' ? [`[job](${s.links.console}) · [logs](${s.links.logs})`] : []),
            ].join('<br>');
            out.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(s.name)} | ${ICON[s.status] ? `${ICON[s.status]}&nbsp;` : ''}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(s.status)} | ${duration(s, now)} | ${notes} |`);
        }
        out.push('');
    }
    const blocked = (r.gates ?? []).filter((g) => g.result === 'failed');
    if ((r.models && r.models.length > 0) || blocked.length > 0) {
        out.push('**Registered model versions**', '', '| group | version | approval | metrics |', '|---|---|---|---|');
        // No ARN column: group and version name the package (its ARN is in "Full ARNs" and on hover).
        for (const m of r.models ?? []) {
            const group = m.registryLink ? `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(m.group)}](${m.registryLink})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(m.group);
            const version = `<span title="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(m.arn)}">${m.version ?? '?'}</span>`;
            out.push(`| ${group} | ${version} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(m.approvalStatus)} | ${metricsCell(m)} |`);
        }
        out.push(...blocked.map(gateRow));
        out.push('');
        for (const m of r.models ?? [])
            out.push(...metricsDetails(m));
    }
    const arns = [
        ...(r.pipelineArn ? [['pipeline', r.pipelineArn]] : []),
        ...(r.executionArn ? [['execution', r.executionArn]] : []),
        ...(r.models ?? []).map((m) => [`model package ${m.group} v${m.version ?? '?'}`, m.arn]),
        ...(r.scored ?? []).map((m) => [`scored with ${m.group} v${m.version}`, m.arn]),
    ];
    if (arns.length > 0) {
        out.push(`<details><summary>Full ARNs</summary>`, '');
        for (const [what, arn] of arns)
            out.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(what ?? '')}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(arn ?? '', false)}`);
        out.push('', '</details>', '');
    }
    return out.join('\n');
}
/** Metrics shown in the registered-versions cell; more than this many get a details block under the table. */
const CELL_METRICS = 4;
/** `mse 0.2513 · r2 0.8712` and the object's link; or why the values are not there. */
function metricsCell(m) {
    const link = m.metricsUri ? metricsLink(m.metricsUri) : '';
    const metrics = m.metrics;
    if (!metrics)
        return link || '—';
    const text = metrics.kind === 'unavailable'
        ? `⚠️ not read: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(metrics.reason)}`
        : metrics.values.length === 0
            ? '⚠️ no metric with a numeric value'
            : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)((0,_metrics_report_js__WEBPACK_IMPORTED_MODULE_3__/* .metricsLine */ .yc)(metrics.values, CELL_METRICS, '\u00a0'));
    return [text, link].filter((x) => x !== '').join('<br>');
}
/** Every metric of a version with many, and its standard deviation, in a collapsed table. */
function metricsDetails(m) {
    const metrics = m.metrics;
    if (metrics?.kind !== 'values' || metrics.values.length <= CELL_METRICS)
        return [];
    const names = (0,_metrics_report_js__WEBPACK_IMPORTED_MODULE_3__/* .displayNames */ .vm)(metrics.values);
    return [
        `<details><summary>All ${metrics.values.length} metrics of <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(m.group)}</code> v${m.version ?? '?'}</summary>`,
        '',
        '| metric | value | standard deviation |',
        '|---|---|---|',
        ...metrics.values.map((v, i) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(names[i] ?? v.name)} | ${(0,_metrics_report_js__WEBPACK_IMPORTED_MODULE_3__/* .formatMetric */ .gI)(v.value)} | ${v.std !== undefined ? (0,_metrics_report_js__WEBPACK_IMPORTED_MODULE_3__/* .formatMetric */ .gI)(v.std) : ''} |`),
        ...(metrics.skipped > 0
            ? ['', `${metrics.skipped} non-numeric entr${metrics.skipped === 1 ? 'y' : 'ies'} not shown.`]
            : []),
        '',
        '</details>',
        '',
    ];
}
/** A version the gate kept out of the registry: the group, and which threshold failed. */
function gateRow(g) {
    const why = g.reason?.replace(/^quality gate failed: /, '') ?? '';
    return `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(g.group || g.register)} | — | **not registered: gate failed** | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(why)} |`;
}
/** The values the run used, so a summary says what it ran with. */
function parameterTable(rows) {
    if (!rows || rows.length === 0)
        return [];
    return [
        '**Parameters**',
        '',
        '| parameter | value | source |',
        '|---|---|---|',
        ...rows.map((p) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(p.name)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(p.value)} | ${p.source === 'default' ? 'default' : 'set for this run'} |`),
        '',
    ];
}
/** The executed steps, then every planned step the execution never reached as "not run" (definition order). */
function allSteps(r) {
    const ran = [...(r.steps ?? [])];
    const seen = new Set(ran.map((s) => s.name));
    for (const name of r.plannedSteps ?? []) {
        if (seen.has(name))
            continue;
        ran.push({
            name,
            status: 'not run',
            startTime: undefined,
            endTime: undefined,
            failureReason: undefined,
            cacheSource: undefined,
        });
    }
    if (!r.plannedSteps)
        return ran;
    const order = new Map(r.plannedSteps.map((n, i) => [n, i]));
    return ran.sort((a, b) => (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));
}
/** A multi-line message in one cell or paragraph: each line kept (a single newline would join them). */
function lines(text) {
    return text.split(/\r?\n/).map(indented).join('<br>');
}
/** A line as text, its leading spaces kept (a traceback's indentation) as no-break spaces. */
function indented(line) {
    const lead = /^ */.exec(line)?.[0].length ?? 0;
    return `${'&nbsp;'.repeat(lead)}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(line.slice(lead))}`;
}
/** An ARN as its readable tail (`pipeline/churn/execution/abc123` → `execution abc123`), the full one on hover. */
function shortArn(arn) {
    const m = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:(.+)$/.exec(arn);
    const resource = m?.[1] ?? arn;
    const tail = resource.split('/').slice(-2).join('/');
    return `<code title="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(arn)}">${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(tail.length < resource.length ? `…/${tail}` : resource)}</code>`;
}
/**
 * The outcome in one line, first in the job summary: `❌ Failed at \`train\` after 29m12s: ValueError …` with
 * the failed job's console and log links; undefined when no execution was followed.
 */
function runOutcome(r, now = Date.now()) {
    if (!r.outcome || !r.executionArn)
        return undefined;
    const steps = r.steps ?? [];
    const starts = steps.flatMap((s) => (s.startTime ? [s.startTime.getTime()] : []));
    const ends = steps.flatMap((s) => (s.endTime ? [s.endTime.getTime()] : []));
    const took = starts.length
        ? ` after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)((ends.length ? Math.max(...ends) : now) - Math.min(...starts))}`
        : '';
    const failed = steps.find((s) => s.status === 'Failed');
    const first = (t) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reasonHeadline(t ?? ''));
    switch (r.outcome) {
        case 'Succeeded': {
            const models = (r.models ?? []).map((m) => `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(m.group, false)} v${m.version ?? '?'}`);
            return `✅ Succeeded${took.replace('after', 'in')}${models.length ? `: registered ${models.join(', ')}` : ''}`;
        }
        case 'Failed': {
            if (!failed)
                return `❌ Failed${took}${r.failureReason ? `: ${first(r.failureReason)}` : ''}`;
            const links = failed.links ? ` ([job](${failed.links.console}) · [logs](${failed.links.logs}))` : '';
            return `❌ Failed at ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(failed.name, false)}${took}: ${first(failed.failureReason ?? r.failureReason)}${links}`;
        }
        case 'TimedOut':
            return `⏱️ Timed out${took}: still running ${steps
                .filter((s) => s.status === 'Executing' || s.status === 'Starting')
                .map((s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(s.name, false))
                .join(', ') || 'the execution'}`;
        case 'Cancelled':
            return `⏹️ Cancelled${took}`;
        case 'Stopped':
            return `⏹️ Stopped${took}`;
        default:
            return '⏳ Deployed and started (not waited for)';
    }
}
/** A class-only line such as `AlgorithmError: ExecuteUserScriptError:` names the error, not what went wrong. */
const CLASS_ONLY = /^(?:[A-Za-z_][\w.]*(?:Error|Exception)\s*:?\s*)+$/;
const EXCEPTION = /^[A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit)\s*:\s*\S/;
const HEADLINE_MAX = 200;
/**
 * The line of a failure message that says what went wrong: a training job's is several lines (`AlgorithmError:
 * ExecuteUserScriptError:`, `ExitCode 1`, `ErrorMessage "ValueError: …"`, the traceback): the last exception
 * line with a message, else the first line that is more than class names; cut at 200 characters.
 */
function reasonHeadline(message) {
    const lines = message
        .split(/\r?\n/)
        .map((l) => l
        .trim()
        .replace(/^ErrorMessage\s+"?/, '')
        .replace(/"$/, '')
        .trim())
        .filter((l) => l !== '');
    const line = lines.filter((l) => EXCEPTION.test(l) && !CLASS_ONLY.test(l)).at(-1) ??
        lines.find((l) => !CLASS_ONLY.test(l)) ??
        lines[0] ??
        '';
    return line.length > HEADLINE_MAX ? `${line.slice(0, HEADLINE_MAX - 1)}…` : line;
}
/** The metrics object as a link to the S3 console (when it is a plain s3:// URI), else as code. */
function metricsLink(uri) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri);
    if (!m)
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(uri);
    const [, bucket = '', key = ''] = m;
    const href = `https://s3.console.aws.amazon.com/s3/object/${bucket}?prefix=${encodeURIComponent(key)}`;
    return `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(key.split('/').pop() ?? key)}](${href})`;
}
/** A failure in the same comment/summary: one clear message, no stack; each line stays a line. */
/**
 * The failure block's text for a failed step whose whole reason, job and log links the step table above it
 * already shows: the reason once (a quality gate's own words, else the exception line), and where the rest is.
 */
function failedStepShown(reason) {
    return `${(0,_gates_js__WEBPACK_IMPORTED_MODULE_2__/* .gateFailureText */ .D)(reason) ?? reasonHeadline(reason)}\nThe whole reason, the job and its logs: the step table above.`;
}
function renderFailure(title, message) {
    return `> [!CAUTION]\n> **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(title)}**\n>\n${message
        .split('\n')
        .map((l) => `> ${indented(l)}<br>`)
        .join('\n')
        .replace(/<br>$/, '')}\n`;
}


/***/ })

};
