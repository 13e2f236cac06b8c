// A tiny strict XML 1.0 checker for the tests: rejects anything not well-formed (illegal characters, unknown or malformed
// entity/character references, bad names, unquoted or duplicate attributes, raw '<' or '&', unbalanced tags, a second
// root) and returns the element tree with decoded text and attributes. No DTDs, no CDATA, no namespaces (not needed).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlCharCode(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw '<' at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated reference near ${where}: ${whole.slice(0, 12)}`);
    if (ref in PREDEFINED) return PREDEFINED[ref] as string;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; near ${where}`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] as string, 10);
    if (!isXmlCharCode(cp)) throw new Error(`character reference to a non-XML character &${ref}; near ${where}`);
    return String.fromCodePoint(cp);
  });
}

export function parseStrictXml(doc: string): XmlElement {
  const bad = ILLEGAL.exec(doc);
  if (bad) throw new Error(`illegal XML character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  let i = 0;
  if (doc.startsWith('<?xml')) {
    const end = doc.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = lt < 0 ? doc.slice(i) : doc.slice(i, lt);
    if (text.includes(']]>')) throw new Error(`']]>' in text at ${i}`);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text, i);
    else if (text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt;
    if (doc.startsWith('<!--', i)) {
      const end = doc.indexOf('-->', i + 4);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (doc.startsWith('</', i)) {
      const m = NAME.exec(doc.slice(i + 2));
      const name = m?.[0];
      const close = doc.indexOf('>', i);
      if (!name || close < 0 || doc.slice(i + 2 + name.length, close).trim() !== '') throw new Error(`malformed end tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`end tag </${name}> does not match <${open?.name ?? '(none)'}> at ${i}`);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(doc.slice(i + 1));
    if (!m) throw new Error(`malformed start tag at ${i}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(i))?.[0] ?? '';
      i += ws.length;
      if (doc.startsWith('/>', i) || doc.startsWith('>', i)) break;
      if (ws.length === 0) throw new Error(`missing whitespace before attribute at ${i}`);
      const an = NAME.exec(doc.slice(i))?.[0];
      if (!an) throw new Error(`malformed attribute at ${i}`);
      i += an.length;
      const eq = /^\s*=\s*/.exec(doc.slice(i))?.[0];
      if (!eq) throw new Error(`attribute ${an} without '=' at ${i}`);
      i += eq.length;
      const q = doc[i];
      if (q !== '"' && q !== "'") throw new Error(`unquoted attribute ${an} at ${i}`);
      const end = doc.indexOf(q, i + 1);
      if (end < 0) throw new Error(`unterminated attribute ${an}`);
      if (an in el.attrs) throw new Error(`duplicate attribute ${an}`);
      // Attribute-value normalisation: literal whitespace characters become spaces; references keep theirs.
      el.attrs[an] = decode(doc.slice(i + 1, end).replace(/[\t\n\r]/g, ' '), i);
      i = end + 1;
    }
    const selfClosing = doc.startsWith('/>', i);
    i += selfClosing ? 2 : 1;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new Error(`second root element <${el.name}>`);
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`unclosed element <${stack[stack.length - 1]?.name ?? ''}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
