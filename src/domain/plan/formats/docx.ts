import type { RawBlock, RawDocument, RawRow } from "../types.js";
import { cleanCellText } from "./clean-text.js";
import { WordNumbering } from "./docx-numbering.js";
import { PlanFileError, planFileMessages } from "./plan-file-error.js";
import { child, childrenNamed, parseXml, type XmlElement, type XmlNode } from "./xml.js";
import type { ZipArchive } from "./zip.js";

/**
 * Reads a Word document (.docx) as Word lays it out: tables as tables (merged cells by the grid:
 * `w:gridSpan`, `w:gridBefore/After`, `w:vMerge`, old `w:hMerge`), paragraphs outside tables as
 * text blocks, automatic numbering written out, footnotes and endnotes as text blocks at the end.
 * One pass over the XML: linear in the size of the document.
 */
export function readDocx(zip: ZipArchive): RawDocument {
  const mainPath = officeDocumentPath(zip) ?? "word/document.xml";
  const mainXml = zip.text(mainPath);
  if (mainXml === null) throw new PlanFileError("corrupt", planFileMessages.corrupt());
  const parts = relatedParts(zip, mainPath);
  const numbering = new WordNumbering(parseOptional(zip, parts.numbering), parseOptional(zip, parts.styles));
  const reader = new DocxReader(numbering);

  let document: XmlElement;
  try {
    document = parseXml(mainXml, keepsWhitespace);
  } catch {
    throw new PlanFileError("corrupt", planFileMessages.corrupt());
  }
  const body = child(document, "body");
  if (!body) throw new PlanFileError("corrupt", planFileMessages.corrupt());
  const blocks: RawBlock[] = [];
  reader.readBlocks(body, blocks);
  for (const notesPath of [parts.footnotes, parts.endnotes]) {
    const notes = parseOptional(zip, notesPath);
    if (notes) reader.readNotes(notes, blocks);
  }
  return { blocks };
}

/** `w:t` and friends keep their spaces; whitespace between other tags is formatting. */
function keepsWhitespace(parent: string): boolean {
  return parent === "t";
}

function parseOptional(zip: ZipArchive, path: string | null): XmlElement | null {
  if (path === null) return null;
  const xml = zip.text(path);
  if (xml === null) return null;
  try {
    return parseXml(xml, keepsWhitespace);
  } catch {
    // A broken side part (styles, numbering, notes) should not cost the user the whole plan.
    return null;
  }
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(zip: ZipArchive, path: string): Relationship[] {
  const xml = zip.text(path);
  if (xml === null) return [];
  try {
    return childrenNamed(parseXml(xml), "Relationship").map((r) => ({
      type: r.attrs["Type"] ?? "",
      target: r.attrs["Target"] ?? "",
    }));
  } catch {
    return [];
  }
}

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = baseDir === "" ? [] : baseDir.split("/");
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The main document part named by _rels/.rels (usually word/document.xml). */
function officeDocumentPath(zip: ZipArchive): string | null {
  const main = readRelationships(zip, "_rels/.rels").find((r) => r.type.endsWith("/officeDocument"));
  return main ? resolvePath("", main.target) : null;
}

function relatedParts(zip: ZipArchive, mainPath: string) {
  const slash = mainPath.lastIndexOf("/");
  const dir = slash === -1 ? "" : mainPath.slice(0, slash);
  const file = mainPath.slice(slash + 1);
  const rels = readRelationships(zip, `${dir === "" ? "" : `${dir}/`}_rels/${file}.rels`);
  const find = (kind: string, fallback: string): string | null => {
    const rel = rels.find((r) => r.type.endsWith(`/${kind}`));
    if (rel) return resolvePath(dir, rel.target);
    return zip.has(fallback) ? fallback : null;
  };
  return {
    numbering: find("numbering", "word/numbering.xml"),
    styles: find("styles", "word/styles.xml"),
    footnotes: find("footnotes", "word/footnotes.xml"),
    endnotes: find("endnotes", "word/endnotes.xml"),
  };
}

/** Wrappers whose content counts as if it stood in their place (content controls, tracked insertions…). */
const TRANSPARENT = new Set(["sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "dir", "bdo"]);
/**
 * Never text: properties, deleted text, field codes, embedded objects, and the fallback half of
 * alternate content (it repeats the text boxes of the other half).
 */
const SKIPPED = new Set([
  "pPr",
  "rPr",
  "tblPr",
  "trPr",
  "tcPr",
  "sdtPr",
  "sdtEndPr",
  "sectPr",
  "del",
  "moveFrom",
  "delText",
  "instrText",
  "delInstrText",
  "object",
  "Fallback",
  "footnoteReference",
  "endnoteReference",
  "commentReference",
  "fldData",
]);

/** Child elements of a container, looking through transparent wrappers. */
function* elements(container: XmlElement): Generator<XmlElement> {
  for (const node of container.children) {
    if (typeof node === "string") continue;
    if (node.name === "sdt") {
      const content = child(node, "sdtContent");
      if (content) yield* elements(content);
    } else if (TRANSPARENT.has(node.name)) {
      yield* elements(node);
    } else {
      yield node;
    }
  }
}

function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attrs["val"];
  return value !== "0" && value !== "false" && value !== "off";
}

function intVal(element: XmlElement | undefined, fallback: number): number {
  const value = element ? Number.parseInt(element.attrs["val"] ?? "", 10) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

interface GridCell {
  /** Grid column where the cell starts. */
  column: number;
  span: number;
  text: string;
  /** "continue": the cell carries on the vertically merged cell above. */
  vMerge: "restart" | "continue" | null;
  hMergeContinue: boolean;
}

class DocxReader {
  constructor(private readonly numbering: WordNumbering) {}

  /** Paragraphs and tables of a body (or a layout cell) as blocks, in document order. */
  readBlocks(container: XmlElement, blocks: RawBlock[]): void {
    for (const element of elements(container)) {
      if (element.name === "p") {
        const { text, boxes } = this.paragraph(element);
        // Text boxes anchored in the paragraph stand apart from it on the page.
        for (const box of boxes) this.readBlocks(box, blocks);
        if (text.trim() !== "") blocks.push({ type: "text", text: text.trim() });
      } else if (element.name === "tbl") {
        this.readTable(element, blocks);
      }
    }
  }

  /** Footnotes and endnotes: each a text block (plans define abbreviations there). */
  readNotes(notes: XmlElement, blocks: RawBlock[]): void {
    for (const note of notes.children) {
      if (typeof note === "string" || (note.name !== "footnote" && note.name !== "endnote")) continue;
      const type = note.attrs["type"];
      if (type !== undefined && type !== "normal") continue;
      const text = this.cellText(note);
      if (text !== "") blocks.push({ type: "text", text });
    }
  }

  private readTable(table: XmlElement, blocks: RawBlock[]): void {
    const rows = [...elements(table)].filter((e) => e.name === "tr");
    // A one-column table holding other tables is a frame around the content, not a table of its own.
    const isFrame =
      rows.length > 0 &&
      rows.every((row) => [...elements(row)].filter((e) => e.name === "tc").length <= 1) &&
      rows.some((row) =>
        [...elements(row)].some((tc) => tc.name === "tc" && [...elements(tc)].some((e) => e.name === "tbl")),
      );
    if (isFrame) {
      for (const row of rows)
        for (const cell of elements(row)) if (cell.name === "tc") this.readBlocks(cell, blocks);
      return;
    }
    const grid = child(table, "tblGrid");
    const gridWidth = grid ? childrenNamed(grid, "gridCol").length : 0;
    const gridRows: GridCell[][] = [];
    for (const row of rows) {
      const trPr = child(row, "trPr");
      // A row deleted with tracked changes on is no longer in the table.
      if (trPr && child(trPr, "del")) continue;
      let column = intVal(trPr && child(trPr, "gridBefore"), 0);
      const cells: GridCell[] = [];
      for (const tc of elements(row)) {
        if (tc.name !== "tc") continue;
        const tcPr = child(tc, "tcPr");
        const span = Math.max(1, intVal(tcPr && child(tcPr, "gridSpan"), 1));
        const vMerge = tcPr ? child(tcPr, "vMerge") : undefined;
        const hMerge = tcPr ? child(tcPr, "hMerge") : undefined;
        cells.push({
          column,
          span,
          text: this.cellText(tc),
          vMerge: vMerge ? (vMerge.attrs["val"] === "restart" ? "restart" : "continue") : null,
          hMergeContinue: hMerge !== undefined && hMerge.attrs["val"] !== "restart",
        });
        column += span;
      }
      gridRows.push(cells);
    }
    const rawRows = layOutGrid(gridRows, gridWidth);
    if (rawRows.length > 0) blocks.push({ type: "table", rows: rawRows });
  }

  /** A cell's paragraphs joined by line breaks; a table nested in a cell becomes lines of text. */
  private cellText(cell: XmlElement): string {
    const lines: string[] = [];
    this.collectLines(cell, lines);
    return lines.join("\n").trim();
  }

  private collectLines(container: XmlElement, lines: string[]): void {
    for (const element of elements(container)) {
      if (element.name === "p") {
        const { text, boxes } = this.paragraph(element);
        for (const box of boxes) this.collectLines(box, lines);
        lines.push(text);
      } else if (element.name === "tbl") {
        for (const row of elements(element)) {
          if (row.name !== "tr") continue;
          const cells: string[] = [];
          for (const tc of elements(row)) {
            if (tc.name !== "tc") continue;
            const text = this.cellText(tc);
            if (text !== "") cells.push(text);
          }
          if (cells.length > 0) lines.push(cells.join(" "));
        }
      }
    }
  }

  /** A paragraph's text with its numbering label, and the text boxes anchored in it. */
  private paragraph(paragraph: XmlElement): { text: string; boxes: XmlElement[] } {
    const label = this.numbering.next(child(paragraph, "pPr"));
    const boxes: XmlElement[] = [];
    return { text: cleanCellText(label + runText(paragraph, boxes)), boxes };
  }
}

/**
 * The visible text of a paragraph: runs, tabs, breaks, hyphens; hidden and deleted text left out.
 * Text boxes met on the way are handed back in `boxes`, not mixed into the line.
 */
function runText(container: XmlElement, boxes: XmlElement[]): string {
  let text = "";
  const visit = (node: XmlNode, hidden: boolean): void => {
    if (typeof node === "string") return;
    if (SKIPPED.has(node.name)) return;
    switch (node.name) {
      case "t":
        if (!hidden) for (const part of node.children) if (typeof part === "string") text += part;
        return;
      case "tab":
      case "ptab":
        if (!hidden) text += " ";
        return;
      case "br":
      case "cr":
        if (!hidden) text += "\n";
        return;
      case "noBreakHyphen":
        if (!hidden) text += "-";
        return;
      case "softHyphen":
        return;
      case "txbxContent":
        boxes.push(node);
        return;
      case "r": {
        const rPr = child(node, "rPr");
        const runHidden = hidden || isOn(rPr && child(rPr, "vanish"));
        for (const part of node.children) visit(part, runHidden);
        return;
      }
      case "p":
        // A paragraph inside a paragraph (a text box kept inline): its own line.
        if (text !== "" && !text.endsWith("\n")) text += "\n";
        for (const part of node.children) visit(part, hidden);
        return;
      default:
        for (const part of node.children) visit(part, hidden);
    }
  };
  for (const node of container.children) visit(node, false);
  return text;
}

/**
 * Cells placed on the grid: a vertically merged cell repeats its text down the rows it spans; a
 * horizontally merged one keeps it in its first column. Grid columns where no cell ever starts
 * (artefacts of cells a few pixels off) are dropped, and so are rows with no text at all.
 */
function layOutGrid(gridRows: GridCell[][], gridWidth: number): RawRow[] {
  let width = gridWidth;
  for (const cells of gridRows) {
    const last = cells[cells.length - 1];
    if (last) width = Math.max(width, last.column + last.span);
  }
  const starts = new Array<boolean>(width).fill(false);
  const above = new Array<string>(width).fill("");
  const rows: string[][] = [];
  for (const cells of gridRows) {
    const row = new Array<string>(width).fill("");
    for (const cell of cells) {
      if (cell.hMergeContinue) continue;
      starts[cell.column] = true;
      const text = cell.vMerge === "continue" ? (above[cell.column] ?? "") : cell.text;
      row[cell.column] = text;
      above[cell.column] = text;
    }
    rows.push(row);
  }
  const kept = starts.map((start, i) => (start ? i : -1)).filter((i) => i >= 0);
  return rows.map((row) => kept.map((i) => row[i]!)).filter((row) => row.some((cell) => cell !== ""));
}
