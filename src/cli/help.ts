// `smp --help`: what every command and flag does.
import { DEFAULT_ACTION } from './scaffold.js';

/** The help text; every line fits 80 columns (a test checks). */
export const HELP = `smp - compile model configs into an Amazon SageMaker pipeline

Usage:
  smp validate   [project options]
  smp plan       [project options] [--out DIR] [--against FILE] [--format F]
  smp diff       A.json B.json [--format F]
  smp deploy     [project options] [AWS options]
  smp run        [project options] [AWS options] [--wait [wait options]]
  smp iam-policy [project options] [AWS options]
  smp migrate    [project options] [--write]
  smp schema
  smp init       MODEL [--workspace DIR] [--action OWNER/REPO@REF]
  smp --help | --version

Commands:
  validate    Find, read, merge and check the model configs.
  plan        Compile the definition and code bundles and summarise them.
              --out DIR writes definition.json (exactly as sent),
              artifacts.json, dag.mmd, plan.md and DIR/artifacts/.
              --against FILE (a definition JSON, or the output of
              \`aws sagemaker describe-pipeline\`) shows what would change.
  diff        Compare two definition JSON files (deployed -> planned).
  deploy      Upload the code, create the model package groups, create or
              update the pipeline.
  run         deploy, then start an execution (or attach to the one this
              run started); with --wait, follow it to the end and list the
              registered model versions.
  iam-policy  Print the least-privilege IAM policy the deploying role needs.
  migrate     List the config files in the older layout
              (conf.models.modelContainer.<model>); with --write, rewrite
              them to conf.models.<model> in place, keeping comments.
  schema      Print the JSON Schema of the model config format.
  init        Scaffold a model repository: MODEL/conf/conf.yaml (the anchor
              config), stub scripts in MODEL/scripts/ and the plan and run
              workflows in .github/workflows/; never overwrites a file.
              --action sets the smp-action reference of the workflows and
              the editor-schema URL (default ${DEFAULT_ACTION}).
  validate, plan, diff, iam-policy, migrate, schema and init never touch AWS
  or the network.

Project options:
  -c, --config GLOB      Config files, relative to the workspace (repeatable).
                         Default: $SMP_MODEL_CONFIGPATH.
  -w, --workspace DIR    Root every path is relative to. Default: the current
                         directory.
  --strict               Treat config warnings as errors (exit 1).
Plan options:
  -o, --out DIR          Folder to write the plan files to.
  -a, --against FILE     The deployed definition to compare with.
  -f, --format F         text (default), markdown (the PR comment) or json.
Migrate options:
  --write                Rewrite the files in place (default: only list them).
AWS options (override the SMP_* variables; credentials: the default AWS chain):
  --s3-bucket NAME           SMP_S3BUCKETNAME
  --execution-role-arn ARN   SMP_ROLE
  --aws-region REGION        SMP_REGION
  --kms-key-id KEY           SMP_KMSKEY
  --subnets IDS              SMP_SUBNETS
  --security-groups IDS      SMP_SECURITYGROUPS
  --description TEXT         pipeline description (default: the config's
                             sagemakerPipeline.pipelineDescription)
Wait options (run):
  --wait                     Wait for the execution to finish.
  --wait-timeout-minutes N   Give up waiting after N minutes (default 120).
  --poll-interval-seconds N  Seconds between status polls (default 30).
  --stop-on-cancel           Stop the execution on Ctrl-C/SIGTERM or timeout.
Run options:
  -p, --param NAME=VALUE     A pipeline parameter's value for this execution
                             (repeatable); checked against the parameter's type
                             and enum before anything is sent.
  -h, --help                 Show this help.
  -v, --version              Show the version.

Settings come from SMP_* environment variables (SMP_S3BUCKETNAME, SMP_ROLE,
SMP_REGION, SMP_ACCOUNTID, SMP_SUBNETS, SMP_SECURITYGROUPS, SMP_KMSKEY);
offline commands use clearly fake placeholders for unset ones.

Exit codes: 0 ok, 1 invalid configuration or a failed deploy/run, 2 usage error.
`;
