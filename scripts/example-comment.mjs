// Regenerates docs/example-comment.md (and, with --html DIR, GitHub-like HTML pages for screenshots) from the
// real renderer: the multi-model example planned against the same pipeline with a smaller training instance,
// older training code, no metrics step and an extra dependency, with a mistyped key in the planned config.
// Run after `tsc -p tsconfig.build.json` (it imports lib/): `node scripts/example-comment.mjs [--html DIR]`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { loadAndCompile } from '../lib/commands/project.js';
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
    });
    const sha = '4be01c2d9e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
    return {
      ...view,
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

/** A page that renders Markdown as github.com does (GFM, Mermaid) at comment width. */
export function htmlPage(markdown, { width = 780, grayscale = false } = {}) {
  const body = marked
    .parse(markdown, { gfm: true, async: false })
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
</style><script src="file://${mermaidJs}"></script></head><body>${body}
<script>document.querySelectorAll('details').forEach(d=>d.open=true);mermaid.initialize({startOnLoad:true,theme:'default'});</script></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = renderPlanComment(exampleView());
  const header = `<!-- Generated by \`node scripts/example-comment.mjs\` from the real renderer: the multi-model example planned against the same pipeline with a smaller training instance, older training code, no metrics step and one more dependency, with a mistyped key (\`instance_typ\`) in ${TF_CONF}. This is the Markdown the action posts as the PR comment. -->\n\n`;
  writeFileSync('docs/example-comment.md', header + md);
  const i = process.argv.indexOf('--html');
  if (i > 0) {
    const dir = process.argv[i + 1] ?? 'out/html';
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'comment.html'), htmlPage(md));
    writeFileSync(path.join(dir, 'comment-gray.html'), htmlPage(md, { grayscale: true }));
  }
}
