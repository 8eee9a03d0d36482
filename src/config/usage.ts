// Rules on model sections as the pipeline's steps use them (a section no step runs is not checked).
import type { DiagnosticBag } from './diagnostics.js';
import { MODEL_PACKAGE_GROUP_NAME, PIPELINE_NAME } from './schema.js';
import { checkSpot } from './step-extensions.js';
import { sectionFor } from './types.js';
import type { JobSection, ModelConfig, PipelineConfig, StepConfig } from './types.js';

/** SageMaker's ProcessingInput name rule (the only place a dataFile's sourceName reaches SageMaker). */
const PROCESSING_INPUT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function checkSectionUsage(
  pipeline: PipelineConfig,
  models: Readonly<Record<string, ModelConfig>>,
  bag: DiagnosticBag,
): void {
  for (const unit of pipeline.units) {
    const model = models[unit.model];
    if (!model) continue;
    const classes = new Set(unit.steps.map((s) => s.stepClass));
    const p = `conf.models.${model.name}`;

    // Each section once, by how its steps use it: a training job's channels, a processing job's inputs.
    const trained = new Set<JobSection>();
    const processed = new Set<JobSection>();
    for (const s of unit.steps) {
      const section = sectionFor(model, s);
      if (!section) continue;
      if (s.stepClass === 'Training') trained.add(section);
      if (s.stepClass === 'Processing' || s.stepClass === 'Metrics') processed.add(section);
    }
    for (const section of trained) checkTrainingChannels(section, `${p}.${section.kind}`, bag);
    for (const section of processed) checkProcessingInputs(section, `${p}.${section.kind}`, bag);

    if (
      classes.has('RegisterModel') &&
      model.registry &&
      model.registry.modelPackageGroupName === undefined
    ) {
      const group = `${pipeline.name}-${model.name}`;
      // An invalid pipeline name is reported on its own; the group name would only repeat it.
      if (PIPELINE_NAME.test(pipeline.name) && !MODEL_PACKAGE_GROUP_NAME.test(group)) {
        bag.error(
          'bad-default-group-name',
          model.registry.loc,
          `${p}.registry.ModelPackageGroupName`,
          `${p}.registry: the default model package group name \`${group}\` (<pipelineName>-<model>) is not valid: SageMaker allows letters, digits and single hyphens, at most 63 characters; set ModelPackageGroupName`,
        );
      }
    }
    reportIgnoredKeys(model, unit.steps, bag);
    if (model.modelPackage) checkRegistryUnit(model, bag);
    for (const [kind, section] of Object.entries(model.sections)) checkSpot(section, `${p}.${kind}`, bag);
    const tImage = model.transform?.imageUri;
    if (
      classes.has('Transform') &&
      tImage &&
      model.registry &&
      !model.modelPackage &&
      tImage !== model.registry.imageUri
    ) {
      bag.warning(
        'transform-image-ignored',
        model.transform?.loc ?? model.loc,
        `${p}.transform.image_uri`,
        `${p}.transform.image_uri (${tImage}) is not used: the transform runs the model created from registry.InferenceSpecification.image_uri (${model.registry.imageUri})`,
      );
    }
  }
}

/**
 * Before 2023-10-24 the old framework named model package groups `<SMP_PROJECTNAME>-<model>` (later `None-<model>`,
 * by a bug, and it never read ModelPackageGroupName). With SMP_PROJECTNAME set, a team is likely to have such
 * groups: say once per model that versions now go to another group, and what to write to keep the old one.
 */
export function checkLegacyGroupNames(
  pipeline: PipelineConfig,
  models: Readonly<Record<string, ModelConfig>>,
  projectName: string | undefined,
  bag: DiagnosticBag,
): void {
  if (!projectName) return;
  for (const unit of pipeline.units) {
    const model = models[unit.model];
    const registry = model?.registry;
    if (!model || !registry || registry.modelPackageGroupName !== undefined) continue;
    if (!unit.steps.some((s) => s.stepClass === 'RegisterModel')) continue;
    const old = `${projectName}-${model.name}`;
    const now = `${pipeline.name}-${model.name}`;
    if (old === now) continue;
    const p = `conf.models.${model.name}.registry`;
    bag.warning(
      'group-name-changed',
      registry.loc,
      `${p}.ModelPackageGroupName`,
      `${p}: SMP_PROJECTNAME is set, so the old framework registered ${model.name} in the model package group \`${old}\` (<SMP_PROJECTNAME>-<model>); smp registers it in \`${now}\` (<pipelineName>-<model>). To keep adding versions to the old group, set ModelPackageGroupName: ${old}`,
    );
  }
}

function checkTrainingChannels(section: JobSection, path: string, bag: DiagnosticBag): void {
  for (const c of section.channels) {
    if (c.dataFiles.length > 1) {
      bag.error(
        'training-channel-one-file',
        c.dataFiles[1]?.loc ?? c.loc,
        `${path}.channels.${c.name}.dataFiles`,
        `${path}.channels.${c.name}: a training channel reads one S3 prefix or object, but ${c.dataFiles.length} dataFiles are given; put the files under one prefix and give that prefix`,
      );
    }
  }
}

function checkProcessingInputs(section: JobSection, path: string, bag: DiagnosticBag): void {
  const names = new Map<string, string>();
  for (const c of section.channels) {
    c.dataFiles.forEach((f, i) => {
      const at = `${path}.channels.${c.name}.dataFiles[${i}]`;
      if (f.sourceName === undefined) {
        bag.error(
          'processing-input-needs-source-name',
          f.loc,
          `${at}.sourceName`,
          `${at}: sourceName is required for a processing input: it names the input and its folder /opt/ml/processing/input/<sourceName>`,
        );
        return;
      }
      if (!PROCESSING_INPUT_NAME.test(f.sourceName)) {
        bag.error(
          'bad-input-name',
          f.loc,
          `${at}.sourceName`,
          `${at}: sourceName \`${f.sourceName}\` names a processing input, and SageMaker allows letters, digits, - and _ (at most 64) there: rename it (the input folder /opt/ml/processing/input/<sourceName> follows)`,
        );
        return;
      }
      const prev = names.get(f.sourceName);
      if (prev) {
        bag.error(
          'duplicate-input-name',
          f.loc,
          `${at}.sourceName`,
          `${at}: sourceName \`${f.sourceName}\` is already used by ${prev}; input names must be unique within the job`,
        );
      }
      names.set(f.sourceName, at);
    });
  }
}

/** Keys the format accepts (the old template had them) that change nothing in a pipeline: say so, once per model. */
function reportIgnoredKeys(model: ModelConfig, steps: readonly StepConfig[], bag: DiagnosticBag): void {
  const ignored: string[] = [];
  const note = (section: JobSection | undefined, key: string, present: boolean): void => {
    if (section && present) ignored.push(`${section.kind}.${key}`);
  };
  const all = Object.values(model.sections);
  // SageMaker names pipeline models itself; the old framework's Model(name=…) never reached the definition.
  if (model.displayName !== undefined) ignored.push('name');
  for (const s of all) {
    for (const key of s.noEffect) ignored.push(`${s.kind}.${key}`);
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
  if (ignored.length === 0) return;
  bag.warning(
    'ignored-keys',
    model.loc,
    `conf.models.${model.name}`,
    `conf.models.${model.name}: ${ignored.join(', ')} ha${ignored.length === 1 ? 's' : 've'} no effect in a pipeline (SageMaker names pipeline jobs itself; the image fixes the framework); remove ${ignored.length === 1 ? 'it' : 'them'} or see docs/config-reference.md`,
  );
}

/** A unit scoring with a registered model: sections that train or register are never used there. */
function checkRegistryUnit(model: ModelConfig, bag: DiagnosticBag): void {
  const p = `conf.models.${model.name}`;
  for (const [key, loc] of [
    ['train', model.train?.loc],
    ['registry', model.registry?.loc],
  ] as const) {
    if (!loc) continue;
    bag.warning(
      'unused-with-model-package',
      loc,
      `${p}.${key}`,
      `${p}.${key} is not used: the model comes from model_package (group ${model.modelPackage?.group ?? ''})`,
    );
  }
  const v = model.modelPackage?.version;
  const arnGroup = typeof v === 'string' ? /model-package\/([^/]+)\/\d+$/.exec(v)?.[1] : undefined;
  if (
    model.modelPackage &&
    arnGroup !== undefined &&
    arnGroup.toLowerCase() !== model.modelPackage.group.toLowerCase()
  ) {
    bag.error(
      'model-package-group-mismatch',
      model.modelPackage.versionLoc,
      `${p}.model_package.version`,
      `${p}.model_package: version names group \`${arnGroup}\` but group is \`${model.modelPackage.group}\`; make them agree`,
    );
  }
}
