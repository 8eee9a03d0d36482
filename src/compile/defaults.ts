// Defaults of the old framework (the contract), in one place.
export const DEFAULTS = {
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
} as const;

/** Container paths: user scripts depend on them (contract). */
export const PATHS = {
  processingInput: '/opt/ml/processing/input',
  processingOutput: '/opt/ml/processing/output',
  processingCode: '/opt/ml/processing/input/code/',
  processingEntrypoint: '/opt/ml/processing/input/entrypoint',
  modelCode: '/opt/ml/model/code',
} as const;

export const METRICS_OUTPUT = 'model_evaluation_metrics';
export const METRICS_FILE = 'model_evaluation_metrics.json';
export const EVALUATION_REPORT = 'EvaluationReport';
