// Regenerates docs/example-comment.md (and, with --html DIR, GitHub-like HTML pages for screenshots) from the
// real renderer: the multi-model example planned against the same pipeline with a smaller training instance,
// older training code, no metrics step and an extra dependency, with a mistyped key in the planned config.
// `npm run docs:comment` (tsc to lib/, then this). The screenshots in docs/screenshots/ are these pages taken
// at comment width, whole, with every <details> opened: `scripts/screenshot.sh out/html/comment.html
// docs/screenshots/plan-comment.png` (comment-gray.html → plan-comment-grayscale.png, comment-60.html →
// plan-comment-60-steps.png).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Marked } from 'marked';
import markedAlert from 'marked-alert';
import { loadAndCompile } from '../lib/app/compile-project.js';
import { planDag } from '../lib/plan/dag.js';
import { diffDefinitions } from '../lib/plan/diff.js';
import { planHash } from '../lib/plan/hash.js';
import { buildPlanView } from '../lib/plan/view.js';
import { renderPlanComment } from '../lib/report/plan-comment.js';

const ENV = {
  SMP_S3BUCKETNAME: 'ml-artifacts-111122223333',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '111122223333',
};
const EXAMPLE = 'examples/multi-model-example';
const TF_CONF = 'cal_housing_tf/conf/conf-multi-model.yaml';

function compile(workspace) {
  const r = loadAndCompile({
    workspace,
    globs: [`${EXAMPLE}/*/conf/conf-multi-model.yaml`],
    env: ENV,
    allowPlaceholders: false,
  });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

/** A copy of the example where the author mistyped a key (the typo case: ignored, with a warning). */
function withTypo() {
  const dir = mkdtempSync(path.join(tmpdir(), 'smp-example-'));
  cpSync(EXAMPLE, path.join(dir, EXAMPLE), { recursive: true });
  const file = path.join(dir, EXAMPLE, TF_CONF);
  const text = readFileSync(file, 'utf8');
  const edited = text
    .replace(/(\n(\s+)entry_point: train\.py\n)/, '$1$2instance_type: ml.m5.4xlarge\n')
    .replace(/(\n(\s+)entry_point: evaluate\.py\n)/, '$1$2instance_typ: ml.m5.4xlarge\n');
  if (!edited.includes('instance_typ:')) throw new Error(`cannot edit ${TF_CONF}`);
  writeFileSync(file, edited);
  return dir;
}

export function exampleView() {
  const dir = withTypo();
  try {
    const plan = compile(dir);
    const deployed = JSON.parse(JSON.stringify(plan.definition));
    const training = deployed.Steps.find((s) => s.Name === 'calhousing-tf-Training');
    training.Arguments.ResourceConfig.InstanceType = 'ml.m5.xlarge';
    const hp = training.Arguments.HyperParameters;
    hp.sagemaker_submit_directory = hp.sagemaker_submit_directory.replace(
      /code\/[0-9a-f]{64}/,
      `code/${'3f9a'.padEnd(64, '0')}`,
    );
    deployed.Steps = deployed.Steps.filter((s) => s.Name !== 'calhousing-tf-Metrics');
    const register = deployed.Steps.find((s) => s.Name === 'calhousing-tf-Register');
    delete register.Arguments.ModelMetrics;
    register.DependsOn = [
      ...register.DependsOn.filter((d) => d !== 'calhousing-tf-Metrics'),
      'calhousing-tf-Transform',
    ];
    const view = buildPlanView(plan, {
      state: 'read',
      definition: deployed,
      lastModified: '2026-11-28T09:14:03Z',
      version: 'release-2026-11-28',
    });
    // What the deployed bundle's manifest (in S3 next to it) gives: one file edited.
    const tfBundle = plan.artifacts.find(
      (a) => a.kind === 'source-bundle' && a.description.includes('cal_housing_tf'),
    );
    const codeFiles = new Map([[tfBundle.contentSha256, { added: [], changed: ['train.py'], removed: [] }]]);
    const sha = '4be01c2d9e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
    return {
      ...view,
      codeFiles,
      provenance: {
        ...view.provenance,
        blobBase: `https://github.com/acme/models/blob/${sha}/`,
        commitSha: sha,
        commitUrl: `https://github.com/acme/models/commit/${sha}`,
        runUrl: 'https://github.com/acme/models/actions/runs/1234567890',
        runLabel: 'run #412',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 60 steps in 10 models (six each: prep → train → create → transform → metrics → register), four edits. */
export function bigView() {
  const kinds = ['prep', 'train', 'create', 'transform', 'metrics', 'register'];
  const types = ['Processing', 'Training', 'Model', 'Transform', 'Processing', 'RegisterModel'];
  const step = (m, j, deps) => ({
    Name: `churn${m}-${kinds[j]}`,
    Type: types[j],
    Arguments: { InstanceType: 'ml.m5.xlarge' },
    ...(deps.length ? { DependsOn: deps } : {}),
  });
  const planned = [];
  const models = new Map();
  for (let m = 0; m < 10; m++)
    for (let j = 0; j < 6; j++) {
      const deps = [
        ...(j ? [`churn${m}-${kinds[j - 1]}`] : []),
        ...(m && j === 0 ? [`churn${m - 1}-prep`] : []),
      ];
      planned.push(step(m, j, deps));
      models.set(`churn${m}-${kinds[j]}`, `churn${m}`);
    }
  const def = (steps) => ({
    Version: '2020-12-01',
    Metadata: {},
    Parameters: [],
    PipelineExperimentConfig: null,
    Steps: steps,
  });
  const deployed = JSON.parse(JSON.stringify(planned)).filter((s) => s.Name !== 'churn5-metrics');
  deployed.find((s) => s.Name === 'churn2-train').Arguments.InstanceType = 'ml.m5.large';
  deployed.find((s) => s.Name === 'churn5-register').DependsOn = ['churn5-transform'];
  deployed.find((s) => s.Name === 'churn4-register').DependsOn.push('churn4-prep');
  deployed.push({ Name: 'churn7-calibrate', Type: 'Processing', Arguments: {}, DependsOn: ['churn7-train'] });
  const diff = diffDefinitions(def(deployed), def(planned));
  const dag = planDag(def(planned), models, diff);
  return {
    pipeline: 'churn-nightly',
    planHash: planHash(def(planned), []),
    steps: planned.length,
    diff,
    deployed: 'read',
    mermaid: dag.mermaid,
    graphCaption: dag.caption,
    graphDetails: dag.details,
    artifacts: [],
    warnings: [],
  };
}

// GFM plus GitHub's alerts (`> [!WARNING]` as a titled callout, as github.com renders it, not a quote).
const gfm = new Marked({ gfm: true, async: false }, markedAlert());

/** A page that renders Markdown as github.com does (GFM, alerts, Mermaid) at comment width. */
export function htmlPage(markdown, { width = 780, grayscale = false } = {}) {
  const body = gfm
    .parse(markdown)
    .replace(
      /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
      '<pre class="mermaid">$1</pre>',
    );
  const mermaidJs = path.resolve('node_modules/mermaid/dist/mermaid.min.js');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;margin:0;padding:16px;width:${width - 32}px;${grayscale ? 'filter:grayscale(1);' : ''}}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:85%;background:#eff1f3;padding:.2em .4em;border-radius:6px}
pre{background:#f6f8fa;padding:16px;border-radius:6px;overflow:auto}pre code{background:none;padding:0}
table{border-collapse:collapse;display:block;overflow:auto;max-width:100%}td,th{border:1px solid #d1d9e0;padding:6px 13px}
blockquote{margin:0;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
pre.mermaid{background:none;text-align:center}h3{font-size:1.25em}
p,blockquote,ul,ol,pre,table,details{margin-top:0;margin-bottom:16px}
.markdown-alert{padding:.5rem 1rem;margin-bottom:16px;border-left:.25em solid #d1d9e0}
.markdown-alert>:first-child{margin-top:0}.markdown-alert>:last-child{margin-bottom:0}
.markdown-alert-title{display:flex;align-items:center;font-weight:500;line-height:1}
.markdown-alert .octicon{margin-right:8px;fill:currentColor}
.markdown-alert-note{border-left-color:#0969da}.markdown-alert-note .markdown-alert-title{color:#0969da}
.markdown-alert-tip{border-left-color:#1a7f37}.markdown-alert-tip .markdown-alert-title{color:#1a7f37}
.markdown-alert-important{border-left-color:#8250df}.markdown-alert-important .markdown-alert-title{color:#8250df}
.markdown-alert-warning{border-left-color:#9a6700}.markdown-alert-warning .markdown-alert-title{color:#9a6700}
.markdown-alert-caution{border-left-color:#d1242f}.markdown-alert-caution .markdown-alert-title{color:#d1242f}
</style><script src="file://${mermaidJs}"></script></head><body>${body}
<script>document.querySelectorAll('details').forEach(d=>d.open=true);mermaid.initialize({startOnLoad:true,theme:'default'});</script></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = renderPlanComment(exampleView());
  const header = `<!-- Generated by \`npm run docs:comment\` (scripts/example-comment.mjs) from the real renderer: the multi-model example planned against the same pipeline with a smaller training instance, older training code, no metrics step and one more dependency, with a mistyped key (\`instance_typ\`) in ${TF_CONF}. This is the Markdown the action posts as the PR comment. -->\n\n`;
  writeFileSync('docs/example-comment.md', header + md);
  const i = process.argv.indexOf('--html');
  if (i > 0) {
    const dir = process.argv[i + 1] ?? 'out/html';
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'comment.html'), htmlPage(md));
    writeFileSync(path.join(dir, 'comment-gray.html'), htmlPage(md, { grayscale: true }));
    writeFileSync(path.join(dir, 'comment-60.html'), htmlPage(renderPlanComment(bigView())));
  }
}
