// Rules on model sections as the pipeline's steps use them (a section no step runs is not checked).
import type { DiagnosticBag } from './diagnostics.js';
import { MODEL_PACKAGE_GROUP_NAME, PIPELINE_NAME } from './schema.js';
import { checkSpot } from './step-extensions.js';
import type { JobSection, ModelConfig, PipelineConfig } from './types.js';

export function checkSectionUsage(
  pipeline: PipelineConfig,
  models: Readonly<Record<string, ModelConfig>>,
  bag: DiagnosticBag,
): void {
  for (const unit of pipeline.units) {
    const model = models[unit.model];
    if (!model) continue;
    const classes = new Set(unit.steps.map((s) => s.stepClass));
    const types = new Set(unit.steps.map((s) => s.stepType));
    const p = `conf.models.${model.name}`;

    if (classes.has('Training') && model.train) checkTrainingChannels(model.train, `${p}.train`, bag);
    if (types.has('preprocess') && model.preprocess)
      checkProcessingInputs(model.preprocess, `${p}.preprocess`, bag);
    if ((classes.has('Metrics') || types.has('evaluate')) && model.evaluate)
      checkProcessingInputs(model.evaluate, `${p}.evaluate`, bag);

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
    reportIgnoredKeys(model, bag);
    if (model.modelPackage) checkRegistryUnit(model, bag);
    for (const kind of ['preprocess', 'train', 'evaluate', 'transform'] as const) {
      const section = model[kind];
      if (section) checkSpot(section, `${p}.${kind}`, bag);
    }
    const packs =
      !model.modelPackage &&
      model.registry?.modelRepack === true &&
      (classes.has('CreateModel') || classes.has('RegisterModel'));
    if (packs && model.transform?.entryPoint === undefined) {
      bag.error(
        'repack-needs-entry-point',
        model.registry?.loc ?? model.loc,
        `${p}.registry.ModelRepack`,
        `${p}.registry: ModelRepack "True" (the default) packs the inference script into the model, but ${p}.transform.entry_point is not set; set it, or set ModelRepack: "False" when the image brings its own code`,
      );
    }
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
function reportIgnoredKeys(model: ModelConfig, bag: DiagnosticBag): void {
  const ignored: string[] = [];
  const note = (section: JobSection | undefined, key: string, present: boolean): void => {
    if (section && present) ignored.push(`${section.kind}.${key}`);
  };
  for (const s of [model.preprocess, model.train, model.evaluate, model.transform]) {
    note(s, 'base_job_name', s?.baseJobName !== undefined);
    note(s, 'framework_version', s?.frameworkVersion !== undefined);
    note(s, 'distribution', s?.distribution !== undefined);
  }
  for (const s of [model.preprocess, model.evaluate, model.transform]) {
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
