// Links into the AWS console for an execution, a job and its logs (best effort: the console moves).

function host(region: string): string {
  return region.startsWith('cn-')
    ? `https://${region}.console.amazonaws.cn`
    : `https://${region}.console.aws.amazon.com`;
}

/** arn:aws:sagemaker:<region>:<account>:pipeline/<name>/execution/<id> */
export function executionLink(executionArn: string): string {
  const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:pipeline\/([^/]+)\/execution\/(.+)$/.exec(executionArn);
  if (!m) return '';
  const [, region = '', pipeline = '', id = ''] = m;
  return `${host(region)}/sagemaker/home?region=${region}#/pipelines/${encodeURIComponent(pipeline)}/executions/${encodeURIComponent(id)}`;
}

/** Console page and CloudWatch log group of a training/processing/transform job ARN. */
export function jobLinks(jobArn: string): { console: string; logs: string } | undefined {
  const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:(training-job|processing-job|transform-job)\/(.+)$/.exec(
    jobArn,
  );
  if (!m) return undefined;
  const [, region = '', kind = '', name = ''] = m;
  const page = {
    'training-job': 'jobs',
    'processing-job': 'processing-jobs',
    'transform-job': 'transform-jobs',
  }[kind];
  const group = {
    'training-job': 'TrainingJobs',
    'processing-job': 'ProcessingJobs',
    'transform-job': 'TransformJobs',
  }[kind];
  const esc = (s: string): string => encodeURIComponent(s).replace(/%/g, '$25');
  return {
    console: `${host(region)}/sagemaker/home?region=${region}#/${page}/${encodeURIComponent(name)}`,
    logs: `${host(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${esc(`/aws/sagemaker/${group}`)}$3FlogStreamNameFilter$3D${esc(name)}`,
  };
}

/** The model package group of a model package ARN in the SageMaker console (best effort). */
export function modelGroupLink(modelPackageArn: string): string {
  const m = /^arn:[^:]+:sagemaker:([^:]+):\d+:model-package\/([^/]+)\/\d+$/.exec(modelPackageArn);
  if (!m) return '';
  const [, region = '', group = ''] = m;
  return `${host(region)}/sagemaker/home?region=${region}#/model-registry/${encodeURIComponent(group)}`;
}
