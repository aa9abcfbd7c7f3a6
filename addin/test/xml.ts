// A strict little XML reader for the manifest test: elements, attributes, text; comments, the XML
// declaration and whitespace skipped. It throws on anything not well-formed (mismatched or unclosed
// tags, duplicate attributes, a stray '<' or '&'), which is the part of validation we can do offline.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, line: number): string {
  return raw.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) {
      throw new Error(`line ${line}: bare '&'`);
    }
    if (name.startsWith('#x')) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(parseInt(name.slice(1), 10));
    }
    const value = ENTITIES[name];
    if (value === undefined) {
      throw new Error(`line ${line}: unknown entity &${name};`);
    }
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const text = source.slice(at, lt < 0 ? source.length : lt);
    if (text.trim() !== '') {
      const parent = stack.at(-1);
      if (!parent) {
        throw new Error(`line ${lineAt(at)}: text outside the root element`);
      }
      parent.text += decode(text, lineAt(at));
    }
    if (lt < 0) {
      break;
    }
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end < 0) {
        throw new Error(`line ${lineAt(lt)}: unclosed comment`);
      }
      if (source.slice(lt + 4, end).includes('--')) {
        throw new Error(`line ${lineAt(lt)}: '--' inside a comment`);
      }
      at = end + 3;
      continue;
    }
    if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt);
      if (end < 0 || (lt !== 0 && source.startsWith('<?xml ', lt))) {
        throw new Error(`line ${lineAt(lt)}: bad processing instruction`);
      }
      at = end + 2;
      continue;
    }
    const gt = source.indexOf('>', lt);
    if (gt < 0) {
      throw new Error(`line ${lineAt(lt)}: unclosed tag`);
    }
    const tag = source.slice(lt + 1, gt);
    const line = lineAt(lt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new Error(`line ${line}: </${name}> closes <${open?.name ?? 'nothing'}>`);
      }
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const match = /^([A-Za-z_][\w:.-]*)([\s\S]*)$/.exec(body);
      if (!match) {
        throw new Error(`line ${line}: bad tag <${tag}>`);
      }
      const [, name = '', rest = ''] = match;
      const attributes: Record<string, string> = {};
      const attributePattern = /\s+([A-Za-z_][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/gy;
      let consumed = 0;
      for (let m = attributePattern.exec(rest); m; m = attributePattern.exec(rest)) {
        const key = m[1] ?? '';
        if (Object.hasOwn(attributes, key)) {
          throw new Error(`line ${line}: duplicate attribute ${key}`);
        }
        attributes[key] = decode(m[3] ?? m[4] ?? '', line);
        consumed = attributePattern.lastIndex;
      }
      if (rest.slice(consumed).trim() !== '') {
        throw new Error(`line ${line}: cannot read attributes of <${name}>: ${rest.slice(consumed).trim()}`);
      }
      const element: XmlElement = { name, attributes, children: [], text: '', line };
      const parent = stack.at(-1);
      if (parent) {
        parent.children.push(element);
      } else if (root) {
        throw new Error(`line ${line}: a second root element`);
      } else {
        root = element;
      }
      if (!selfClosing) {
        stack.push(element);
      }
    }
    at = gt + 1;
  }
  if (stack.length > 0 || !root) {
    throw new Error(`unclosed <${stack.at(-1)?.name ?? 'root'}>`);
  }
  return root;
}

/** Local name without a prefix: "bt:Image" → "Image". */
export const localName = (element: XmlElement) => element.name.slice(element.name.indexOf(':') + 1);

export function* walk(
  element: XmlElement,
  path: XmlElement[] = [],
): Generator<{ element: XmlElement; path: XmlElement[] }> {
  yield { element, path };
  for (const child of element.children) {
    yield* walk(child, [...path, element]);
  }
}
