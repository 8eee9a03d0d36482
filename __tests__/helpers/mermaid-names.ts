// Step names as a reader puts them together from a Mermaid source: inside a model box whose title ends in
// `prefix…`, a node label is the rest of the name. Rewrites the source so each label carries the whole name,
// for tests that find nodes by step name.
export function withFullNames(mermaid: string): string {
  let prefix = '';
  return mermaid
    .split('\n')
    .map((line) => {
      const sub = /^ {2}subgraph m\d+\["(.*)"\]$/.exec(line);
      if (sub) {
        prefix = /(?:^| · )(\S+)…$/.exec(sub[1] ?? '')?.[1] ?? '';
        return line;
      }
      if (line === '  end') prefix = '';
      if (!prefix) return line;
      // `    s3["✏️ Training<br/>…` → `    s3["✏️ calhousing-tf-Training<br/>…`: the badge (no letter or digit in
      // it; step names start with one) stays first.
      return line.replace(
        /^( {4}s\d+[[{]")([^\sA-Za-z0-9]+ )?/,
        (_, open: string, badge?: string) => `${open}${badge ?? ''}${prefix}`,
      );
    })
    .join('\n');
}
