// Fold the old format's spellings into the typed model of types.ts (hyperparameters → hyperparams, …).
import type { Loc } from './diagnostics.js';
import { JOB_SECTIONS, NON_SECTION_KEYS } from './schema.js';
import type {
  JobSectionInput,
  ModelInput,
  ModelPackageInput,
  RegistryInput,
  TransformSectionInput,
} from './schema.js';
import { entry, locate } from './tree.js';
import type { CMap, CNode } from './tree.js';
import { PyFloat } from './types.js';
import type {
  Channel,
  HyperValue,
  JobSection,
  ModelConfig,
  ModelPackageSource,
  RegistrySection,
} from './types.js';

export function normalizeModel(
  name: string,
  input: ModelInput,
  node: CMap,
  file: string,
  keyLoc: Loc,
  /** Workspace-relative folder the file's paths are relative to ('' for the workspace itself). */
  root = '',
  /** Extra job sections (step_type names beyond the four fixed ones) the schema parsed. */
  extra: readonly string[] = [],
): ModelConfig {
  const fields = input as Readonly<Record<string, unknown>>;
  const section = (kind: string): JobSection | undefined => {
    const data = Object.hasOwn(fields, kind) ? (fields[kind] as JobSectionInput | undefined) : undefined;
    const e = entry(node, kind);
    return data && e ? normalizeSection(kind, data, e.value, e.keyLoc) : undefined;
  };
  const sections: Record<string, JobSection> = Object.create(null) as Record<string, JobSection>;
  for (const kind of [...JOB_SECTIONS, ...extra.filter((k) => !isFixedKey(k))]) {
    const s = section(kind);
    if (s) sections[kind] = s;
  }
  const reg = entry(node, 'registry');
  const pkg = entry(node, 'model_package');
  return {
    name,
    displayName: input.name,
    file,
    loc: keyLoc,
    sourceDirectory:
      root && !input.source_directory.trim().startsWith('/')
        ? normalizeRelative(`${root}/${input.source_directory}`)
        : normalizeRelative(input.source_directory),
    sourceDirectoryLoc: entry(node, 'source_directory')?.value.loc ?? keyLoc,
    preprocess: sections.preprocess,
    train: sections.train,
    evaluate: sections.evaluate,
    transform: sections.transform,
    sections,
    keys: node.entries.map((e) => e.key),
    registry: input.registry && reg ? normalizeRegistry(input.registry, reg.keyLoc) : undefined,
    modelPackage:
      input.model_package && pkg
        ? normalizeModelPackage(input.model_package, pkg.keyLoc, locate(pkg.value, ['version']))
        : undefined,
  };
}

function normalizeModelPackage(
  p: ModelPackageInput,
  loc: Loc,
  version: { node: CNode; found: boolean },
): ModelPackageSource {
  return {
    group: p.group,
    version: p.version ?? 'latest-approved',
    requireApproved: p.require_approved ?? true,
    loc,
    versionLoc: version.found ? version.node.loc : loc,
  };
}

/** `./a//b/` → `a/b`; backslashes become slashes. Escapes are checked later against the real file system. */
export function normalizeRelative(p: string): string {
  const slashed = p.trim().replace(/\\/g, '/');
  const rel = slashed
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
  // Keep absolute paths recognisable so the path check can refuse them.
  return slashed.startsWith('/') ? `/${rel}` : rel;
}

function isFixedKey(k: string): boolean {
  return (
    (JOB_SECTIONS as readonly string[]).includes(k) || (NON_SECTION_KEYS as readonly string[]).includes(k)
  );
}

function normalizeSection(
  kind: string,
  d: JobSectionInput | TransformSectionInput,
  node: CNode,
  loc: Loc,
): JobSection {
  const t = kind === 'transform' ? (d as TransformSectionInput) : undefined;
  return {
    kind,
    loc,
    imageUri: d.image_uri,
    entryPoint: d.entry_point === undefined ? undefined : normalizeRelative(d.entry_point),
    entryPointLoc: d.entry_point === undefined ? undefined : locate(node, ['entry_point']).node.loc,
    baseJobName: d.base_job_name,
    instanceType: d.instance_type,
    instanceCount: d.instance_count,
    volumeSizeInGb: d.volume_size_in_gb,
    maxRuntimeSeconds: d.max_runtime_seconds ?? d.max_runtime_in_seconds,
    tags: d.tags ?? [],
    env: Object.fromEntries(Object.entries(d.env ?? {}).map(([k, v]) => [k, String(v)])),
    frameworkVersion: d.framework_version,
    s3DataDistributionType:
      d.s3_data_distribution_type ?? (typeof d.distribution === 'string' ? d.distribution : undefined),
    s3DataType: d.s3_data_type,
    s3InputMode: d.s3_input_mode,
    s3UploadMode: d.s3_upload_mode,
    outputPath: d.output_path,
    hyperparams: hyperValues(locate(node, [d.hyperparams ? 'hyperparams' : 'hyperparameters'])),
    modelDataUri: d.model_data_uri,
    contentType: d.content_type,
    inputMode: d.input_mode,
    distribution:
      typeof d.distribution === 'object' ? (d.distribution as Record<string, HyperValue>) : undefined,
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
    spot:
      d.use_spot_instances !== undefined ||
      d.max_wait !== undefined ||
      d.checkpoint_s3_uri !== undefined ||
      d.checkpoint_local_path !== undefined
        ? {
            enabled: d.use_spot_instances === true,
            maxWait: d.max_wait,
            checkpointS3Uri: d.checkpoint_s3_uri,
            checkpointLocalPath: d.checkpoint_local_path,
            loc: locate(node, ['use_spot_instances']).keyLoc ?? loc,
            maxWaitLoc: d.max_wait === undefined ? undefined : locate(node, ['max_wait']).node.loc,
          }
        : undefined,
  };
}

/** Old keys that have no effect: s3Bucket/s3InputPrefix built a path the SDK read as a local file, … */
function noEffectKeys(kind: string, d: JobSectionInput | TransformSectionInput): string[] {
  const out: string[] = [];
  if (d.inputLocalFilepath !== undefined) out.push('inputLocalFilepath');
  if (kind !== 'transform') {
    if (d.strategy !== undefined) out.push('strategy');
    if (d.max_payload !== undefined) out.push('max_payload');
  }
  if (d.channels && typeof d.channels === 'object') {
    for (const [name, ch] of Object.entries(d.channels)) {
      if (ch?.s3Bucket !== undefined) out.push(`channels.${name}.s3Bucket`);
      if (ch?.s3InputPrefix !== undefined) out.push(`channels.${name}.s3InputPrefix`);
    }
  }
  return out;
}

function normalizeChannels(
  channels: JobSectionInput['channels'],
  section: CNode,
  sectionLoc: Loc,
): Channel[] {
  if (channels === undefined) return [];
  const at = locate(section, ['channels']);
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
    const chNode = locate(section, ['channels', name]);
    return {
      name,
      dataFiles: (ch?.dataFiles ?? []).map((f, i) => ({
        sourceName: f.sourceName,
        fileName: f.fileName.trim(),
        loc: locate(section, ['channels', name, 'dataFiles', i, 'fileName']).node.loc,
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

function normalizeRegistry(r: RegistryInput, loc: Loc): RegistrySection {
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
function hyperValues(at: { node: CNode; found: boolean }): Record<string, HyperValue> {
  if (!at.found || at.node.kind !== 'map') return {};
  const out: Record<string, HyperValue> = {};
  for (const e of at.node.entries) out[e.key] = hyperValue(e.value);
  return out;
}

function hyperValue(node: CNode): HyperValue {
  if (node.kind === 'seq') return node.items.map(hyperValue);
  if (node.kind === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, hyperValue(e.value)]));
  const v = node.value;
  const src = node.style === 'plain' ? node.source : undefined;
  if (typeof v === 'number' && src !== undefined) {
    // PyYAML (YAML 1.1, the old framework's reader) needs a dot in a float: `1e-7` was a string there.
    if (/^[-+]?\d+[eE][-+]?\d+$/.test(src)) return src;
    if (/[.eE]|^[-+]?\.?(inf|nan)/i.test(src)) return new PyFloat(v);
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
export function inFileOrder<T>(record: Readonly<Record<string, T>>, node: CNode): [string, T][] {
  const keys =
    node.kind === 'map'
      ? node.entries.map((e) => e.key).filter((k) => Object.hasOwn(record, k))
      : Object.keys(record);
  return keys.map((k) => [k, record[k] as T]);
}
