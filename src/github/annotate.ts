// Config diagnostics as GitHub annotations, so they show inline on the PR diff.
import * as core from './runner.js';
import type { Diagnostic } from '../config/diagnostics.js';
import { displayMessage, formatDiagnostic, formatLoc } from '../config/diagnostics.js';

/** GitHub shows only the first 10 error and 10 warning annotations of a step; the log gets them all. */
export const ANNOTATION_LIMIT = 10;
/** One error annotation is kept for the step's own failure message (setFailed). */
const ERROR_ANNOTATIONS = ANNOTATION_LIMIT - 1;

export function annotate(diagnostics: readonly Diagnostic[], workingDirectory: string): void {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    const n = d.severity === 'error' ? ++errors : ++warnings;
    if (n > (d.severity === 'error' ? ERROR_ANNOTATIONS : ANNOTATION_LIMIT)) {
      core.info(formatDiagnostic(d));
      continue;
    }
    const props: core.AnnotationProperties = d.loc
      ? {
          file: workingDirectory ? `${workingDirectory}/${d.loc.file}` : d.loc.file,
          startLine: d.loc.line,
          startColumn: d.loc.col,
          title: `smp: ${d.code}`,
        }
      : { title: `smp: ${d.code}` };
    const text = d.loc ? `${formatLoc(d.loc)}: ${displayMessage(d.message)}` : displayMessage(d.message);
    if (d.severity === 'error') core.error(text, props);
    else core.warning(text, props);
  }
  const hidden = Math.max(0, errors - ERROR_ANNOTATIONS) + Math.max(0, warnings - ANNOTATION_LIMIT);
  if (hidden > 0)
    core.info(
      `${hidden} more diagnostic(s) are in the log above (GitHub shows 10 annotations of each kind).`,
    );
}
