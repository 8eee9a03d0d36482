// Local AWS endpoint for wire tests: SageMaker (awsJson1_1), STS (awsQuery), S3 (REST-XML, path-style)
// and EventBridge Scheduler (REST-JSON, told apart from S3 by its SigV4 signing name) on one 127.0.0.1
// port, plus a GitHub OIDC token endpoint. Requests are checked against the API models in
// __tests__/fixtures/api-models. Implementation: ./aws/.
//
//   const server = await startAwsServer();
//   const sm = new SageMakerClient({ region: 'us-east-1', endpoint: server.endpoint, credentials });
//   ...
//   expect(server.violations, server.formatViolations()).toEqual([]);
//   await server.close();
export { AwsServer, RequestLog, startAwsServer } from './aws/server.js';
export type { AwsServerOptions } from './aws/server.js';
export { TestClock } from './aws/clock.js';
export type { FaultConfig, FaultKind } from './aws/faults.js';
export { AwsError, defaultScript } from './aws/types.js';
export type {
  RecordedRequest,
  ServerScript,
  ServiceId,
  StepFailure,
  ViolationRule,
  WireViolation,
} from './aws/types.js';
export { EXECUTION_FAILURE_REASON, SimExecution } from './aws/pipeline-sim.js';
export type { ExecutionStatus, StepStatus, StepView } from './aws/pipeline-sim.js';
export type {
  ModelPackageGroupRecord,
  ModelPackageRecord,
  PipelineRecord,
  SageMakerService,
} from './aws/sagemaker.js';
export type { S3Service, StoredObject } from './aws/s3.js';
export type { ScheduleRecord, SchedulerService } from './aws/scheduler.js';
export { GITHUB_ISSUER, decodeJwtPayload } from './aws/sts.js';
export type { IssuedCredentials, StsService } from './aws/sts.js';
export { OIDC_PATH, defaultClaims } from './aws/oidc.js';
export type { OidcService } from './aws/oidc.js';
