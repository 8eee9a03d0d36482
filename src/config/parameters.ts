// Pipeline parameters: `sagemakerPipeline.parameters` declarations (typed, defaults checked) and the
// `${param:Name}` references in string values (declared, used where SageMaker resolves them at run time).
// The compiler turns the references into expressions (src/compile/parameters.ts).
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { ParameterInput } from './schema.js';
import { INSTANCE_TYPE } from './schema.js';
import { didYouMean } from './suggest.js';
import { formatPath, locate } from './tree.js';
import type { CNode, PathSegment } from './tree.js';
import { inFileOrder } from './normalize.js';
import { PARAM_REF } from './parameter-syntax.js';
import type { ParameterConfig } from './types.js';

export function buildParameters(
  input: Readonly<Record<string, ParameterInput>> | undefined,
  node: CNode,
  bag: DiagnosticBag,
): ParameterConfig[] {
  if (!input) return [];
  const base = ['conf', 'sagemakerPipeline', 'parameters'];
  return inFileOrder(input, node).map(([name, p]) => {
    const at = (key: string): Loc => {
      const l = locate(node, [name, key]);
      return l.found ? l.node.loc : (l.keyLoc ?? node.loc);
    };
    const where = formatPath([...base, name]);
    const d = p.default;
    const ok =
      p.type === 'String'
        ? typeof d === 'string'
        : p.type === 'Boolean'
          ? typeof d === 'boolean'
          : p.type === 'Integer'
            ? typeof d === 'number' && Number.isSafeInteger(d)
            : typeof d === 'number' && Number.isFinite(d);
    if (!ok) {
      bag.error(
        'parameter-default-type',
        at('default'),
        `${where}.default`,
        `${where}.default: ${JSON.stringify(d)} is not a${p.type === 'Integer' ? 'n' : ''} ${p.type}${typeof d === 'string' && p.type !== 'String' ? ' (write it without quotes)' : ''}`,
      );
    }
    if (p.enum !== undefined) {
      if (p.type !== 'String') {
        bag.error(
          'parameter-enum-type',
          at('enum'),
          `${where}.enum`,
          `${where}.enum: only String parameters take enum (this one is ${p.type})`,
        );
      } else if (typeof d === 'string' && !p.enum.includes(d)) {
        bag.error(
          'parameter-default-enum',
          at('default'),
          `${where}.default`,
          `${where}.default: \`${d}\` is not one of its enum values ${p.enum.map((v) => `\`${v}\``).join(', ')}`,
        );
      }
    }
    const keyLoc = locate(node, [name]).keyLoc ?? node.loc;
    return { name, type: p.type, default: d, enum: p.enum, loc: keyLoc };
  });
}

/** A config tree to scan for references, with the key path of its root (`conf.models.churn`). */
export interface RefTree {
  readonly node: CNode;
  readonly base: readonly PathSegment[];
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

function runtimePosition(path: readonly PathSegment[]): boolean {
  // …steps[i].quality_gate[j].min / max: a threshold compared at run time.
  const last = path[path.length - 1];
  if (path.includes('quality_gate') && (last === 'min' || last === 'max')) return true;
  // conf.models.<model>.<section>...
  if (path[0] !== 'conf' || path[1] !== 'models' || path.length < 5) return false;
  if (!RUNTIME_SECTIONS.has(String(path[3]))) return false;
  return !path.some((seg) => typeof seg === 'string' && PLAN_TIME_KEYS.has(seg));
}

/**
 * Checks every `${param:…}` reference: declared, well formed, in a run-time position; a whole-value
 * reference in `instance_type` must be a String parameter whose default and enum values are instance
 * types. Declared parameters nothing references get a warning.
 */
export function checkParameterRefs(
  trees: readonly RefTree[],
  params: readonly ParameterConfig[],
  bag: DiagnosticBag,
): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  const used = new Set<string>();
  const visit = (node: CNode, path: PathSegment[]): void => {
    if (node.kind === 'map') for (const e of node.entries) visit(e.value, [...path, e.key]);
    else if (node.kind === 'seq') node.items.forEach((n, i) => visit(n, [...path, i]));
    else if (typeof node.value === 'string' && node.value.includes('{param:'))
      checkScalar(node.value, node.loc, path);
  };
  const checkScalar = (value: string, loc: Loc, path: readonly PathSegment[]): void => {
    const where = formatPath(path);
    for (const m of value.matchAll(PARAM_REF)) {
      if (m[0].startsWith('$$')) continue;
      const name = m[1] ?? '';
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
        bag.error(
          'bad-parameter-reference',
          loc,
          where,
          `${where}: \`${m[0]}\` is not a parameter reference: names are letters, digits, - and _ (at most 64)`,
        );
        continue;
      }
      const p = byName.get(name);
      if (!p) {
        bag.error(
          'undeclared-parameter',
          loc,
          where,
          `${where}: parameter \`${name}\` is not declared: add it under conf.sagemakerPipeline.parameters (with type and default)${didYouMean(name, byName.keys())}`,
        );
        continue;
      }
      used.add(name);
      if (!runtimePosition(path)) {
        bag.error(
          'parameter-not-allowed',
          loc,
          where,
          `${where}: \`${m[0]}\` cannot be used here: this value must be known when the plan is made (parameters work in job sections, channels, hyperparameters, env, tag values and registry fields)`,
        );
        continue;
      }
      if (path[path.length - 1] === 'instance_type') {
        const values = [p.default, ...(p.enum ?? [])];
        if (p.type !== 'String' || values.some((v) => typeof v !== 'string' || !INSTANCE_TYPE.test(v))) {
          bag.error(
            'parameter-type-mismatch',
            loc,
            where,
            `${where}: parameter \`${name}\` must be a String whose default and enum values are instance types like ml.m5.xlarge`,
          );
        }
      }
    }
  };
  for (const t of trees) visit(t.node, [...t.base]);
  for (const p of params) {
    if (!used.has(p.name)) {
      bag.warning(
        'unused-parameter',
        p.loc,
        `conf.sagemakerPipeline.parameters.${p.name}`,
        `parameter \`${p.name}\` is declared but no value uses \${param:${p.name}}: it is still in the definition and can be set at run time`,
      );
    }
  }
}
