// What the phases fill in as they go and the final report reads: the plan view, the run report, the failure
// and the step outputs.
import * as core from '../github/runner.js';
import { InputError } from '../github/inputs.js';
import type { PlanView } from '../report/plan-comment.js';
import type { RunReport } from '../report/run-report.js';

/** Everything the final report needs, filled in as the phases go. */
export interface State {
  view?: PlanView;
  /** Known even when the config is invalid, so the PR comment can show the error. */
  pipelineName?: string | undefined;
  report: RunReport;
  /**
   * `annotated`: the details are already file annotations; the failure line only points at them. `shown`: what
   * the summary's and the comment's failure block says when the run report above it already has the details.
   */
  failure?: { title: string; message: string; annotated?: boolean; shown?: string };
  outputs: Record<string, string>;
}

export function fail(state: State, err: unknown): void {
  const e = err as { name?: string; message?: string; stack?: string };
  // Our own bugs get their stack in the debug log; users get one line that says what to do.
  if (e.stack && !(err instanceof InputError)) core.debug(e.stack);
  if (e.name === 'DeployCancelled') {
    state.failure = {
      title: 'Cancelled',
      message: `the job was ${e.message ?? 'cancelled'}: nothing further was sent to AWS`,
    };
    return;
  }
  state.failure = {
    title: err instanceof InputError ? 'Invalid input' : 'smp-action failed',
    message: `${e.name && e.name !== 'Error' && !(err instanceof InputError) ? `${e.name}: ` : ''}${e.message ?? String(err)}`,
  };
}
