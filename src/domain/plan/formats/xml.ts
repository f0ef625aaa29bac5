/**
 * A small, linear XML reader for the parts of Office files. Names are kept without their
 * namespace prefix (`w:tc` → `tc`); entities other than the five predefined ones and character
 * references are never expanded (no DTDs), so no entity bomb can grow here.
 */

export interface XmlElement {
  name: string;
  /** Attributes by local name (`w:val` → `val`). */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code =
      entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (source.trim() === "") return attrs;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    attrs[localName(match[1]!)] = decodeEntities(match[3] ?? match[4] ?? "");
  }
  return attrs;
}

/**
 * Parses a document and returns its root element. Text that is only whitespace between tags is
 * dropped unless `keepWhitespace` says its parent keeps it (`w:t` does). Throws on broken XML.
 */
export function parseXml(xml: string, keepWhitespace: (parent: string) => boolean = () => false): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const open = xml.indexOf("<", at);
    const textEnd = open === -1 ? length : open;
    if (textEnd > at) {
      const parent = stack[stack.length - 1]!;
      const raw = xml.slice(at, textEnd);
      if (keepWhitespace(parent.name) || raw.trim() !== "") parent.children.push(decodeEntities(raw));
    }
    if (open === -1) break;
    const next = xml.charCodeAt(open + 1);
    if (next === 0x3f /* ? */) {
      at = endOf(xml, "?>", open);
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", open)) {
        at = endOf(xml, "-->", open);
      } else if (xml.startsWith("<![CDATA[", open)) {
        const end = xml.indexOf("]]>", open);
        if (end === -1) throw new Error("unclosed CDATA");
        stack[stack.length - 1]!.children.push(xml.slice(open + 9, end));
        at = end + 3;
      } else {
        // A DOCTYPE: skipped whole, internal subset included; its entities are never used.
        const bracket = xml.indexOf("[", open);
        const close = xml.indexOf(">", open);
        if (close === -1) throw new Error("unclosed declaration");
        at = bracket !== -1 && bracket < close ? endOf(xml, "]>", bracket) : close + 1;
      }
    } else if (next === 0x2f /* / */) {
      const close = xml.indexOf(">", open);
      if (close === -1) throw new Error("unclosed end tag");
      const name = localName(xml.slice(open + 2, close).trim());
      // Lenient about stray end tags: pop to the matching element if there is one.
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.name === name) {
          stack.length = i;
          break;
        }
      }
      at = close + 1;
    } else {
      const close = tagEnd(xml, open);
      const selfClosing = xml.charCodeAt(close - 1) === 0x2f;
      const body = xml.slice(open + 1, selfClosing ? close - 1 : close);
      const space = body.search(/\s/);
      const name = localName(space === -1 ? body : body.slice(0, space));
      if (name === "") throw new Error("empty tag name");
      const element: XmlElement = {
        name,
        attrs: space === -1 ? {} : parseAttributes(body.slice(space)),
        children: [],
      };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
      at = close + 1;
    }
  }
  // A part cut short leaves elements open: the file is damaged, whatever text came before.
  if (stack.length > 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const top = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!top) throw new Error("no root element");
  return top;
}

function endOf(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end === -1) throw new Error(`unclosed ${terminator}`);
  return end + terminator.length;
}

/** The `>` that ends a start tag, skipping any `>` inside quoted attribute values. */
function tagEnd(xml: string, open: number): number {
  let quote = 0;
  for (let i = open + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    }
  }
  throw new Error("unclosed start tag");
}

/** The first child element with this local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  for (const node of element.children) {
    if (typeof node !== "string" && node.name === name) return node;
  }
  return undefined;
}

/** Every child element with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node !== "string" && node.name === name) found.push(node);
  }
  return found;
}

/** The concatenated text directly inside an element. */
export function textOf(element: XmlElement): string {
  let text = "";
  for (const node of element.children) if (typeof node === "string") text += node;
  return text;
}
