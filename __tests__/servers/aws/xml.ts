// Just enough XML for the awsQuery (STS) and REST-XML (S3) wire formats: escaping, a writer driven by
// the API model's output shapes, and a small parser for request bodies (CompleteMultipartUpload).
import type { ApiModel } from '../../helpers/api-model.js';

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]!};`,
  );
}

export function element(name: string, content: string, attrs: Record<string, string> = {}): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<${name}${a}>${content}</${name}>`;
}

/** Serializes `value` as shape `shapeName` of `model` in an element called `name` (awsQuery / REST-XML rules). */
export function shapeToXml(model: ApiModel, shapeName: string, value: unknown, name: string): string {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`xml: no shape ${shapeName}`);
  if (value === undefined || value === null) return '';
  switch (shape.type) {
    case 'structure': {
      const obj = value as Record<string, unknown>;
      let inner = '';
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        if (obj[member] === undefined || obj[member] === null) continue;
        const childName = ref.locationName ?? member;
        const childShape = model.shapes[ref.shape]!;
        if (childShape.type === 'list' && (ref.flattened || childShape.flattened)) {
          for (const item of obj[member] as unknown[])
            inner += shapeToXml(model, childShape.member!.shape, item, childName);
        } else inner += shapeToXml(model, ref.shape, obj[member], childName);
      }
      for (const key of Object.keys(obj)) {
        if (!shape.members?.[key]) throw new Error(`xml: ${shapeName} has no member ${key}`);
      }
      return element(name, inner);
    }
    case 'list': {
      const memberName = shape.member!.locationName ?? 'member';
      return element(
        name,
        (value as unknown[]).map((v) => shapeToXml(model, shape.member!.shape, v, memberName)).join(''),
      );
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) =>
        element(
          'entry',
          shapeToXml(model, shape.key!.shape, k, 'key') + shapeToXml(model, shape.value!.shape, v, 'value'),
        ),
      );
      return element(name, entries.join(''));
    }
    case 'timestamp': {
      const d = value instanceof Date ? value : new Date(value as number);
      return element(name, d.toISOString().replace(/\.000Z$/, 'Z'));
    }
    case 'blob':
      return element(name, Buffer.from(value as Uint8Array).toString('base64'));
    default:
      return element(name, escapeXml(String(value as string | number | boolean)));
  }
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]!;
  });
}

/** Parses a small XML document (no DTDs, no CDATA); throws on malformed input. */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  const skipMisc = (): void => {
    for (;;) {
      while (i < xml.length && /\s/.test(xml[i]!)) i++;
      if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
      else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
      else return;
      if (i < 2) throw new Error('xml: unterminated declaration or comment');
    }
  };
  const parseElement = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
      xml.slice(i),
    );
    if (!open) throw new Error(`xml: expected an element at offset ${i}`);
    i += open[0].length;
    const attrs: Record<string, string> = {};
    for (const m of open[2]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[m[1]!] = unescape(m[2] ?? m[3] ?? '');
    }
    const node: XmlNode = { name: open[1]!, attrs, children: [], text: '' };
    if (open[3] === '/') return node;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`xml: unterminated <${node.name}>`);
      node.text += unescape(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith('<!--', i)) {
        i = xml.indexOf('-->', i) + 3;
        continue;
      }
      if (xml.startsWith('</', i)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(i));
        if (!close || close[1] !== node.name) throw new Error(`xml: mismatched end tag for <${node.name}>`);
        i += close[0].length;
        return node;
      }
      node.children.push(parseElement());
    }
  };
  skipMisc();
  const root = parseElement();
  skipMisc();
  if (i !== xml.length) throw new Error('xml: content after the root element');
  return root;
}

export function childText(node: XmlNode, name: string): string | undefined {
  return node.children.find((c) => c.name === name)?.text;
}
