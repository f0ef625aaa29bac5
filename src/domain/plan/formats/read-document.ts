import { readTextDocument } from "../text-layout.js";
import type { RawDocument } from "../types.js";
import { listCfbNames } from "./cfb.js";
import { parseCsv, readCsv, sniffDelimiter } from "./csv.js";
import { decodeText } from "./decode-text.js";
import { readDocx } from "./docx.js";
import { PlanFileError, planFileMessages } from "./plan-file-error.js";
import { extensionOf, sniffMagic } from "./sniff.js";
import { readXlsx } from "./xlsx.js";
import { ZipArchive } from "./zip.js";

/** The format a plan file was read as. */
export type PlanFileFormat = "docx" | "xlsx" | "csv" | "text";

/** A file read into the shared RawDocument, with the format it turned out to be. */
export interface ReadDocumentResult {
  format: PlanFileFormat;
  document: RawDocument;
}

const unsupported = (message: string) => new PlanFileError("unsupported", message);

/**
 * Reads any supported file into a RawDocument, deciding its real type from the bytes (a .xls that
 * is really HTML, a .txt that is really a .docx). Throws PlanFileError for every file it cannot read.
 * Size limits are the caller's (readPlan checks them first).
 */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocumentResult> {
  if (bytes.length === 0) throw new PlanFileError("empty", planFileMessages.empty());
  const extension = extensionOf(fileName);
  switch (sniffMagic(bytes)) {
    case "zip":
      return readOfficeZip(bytes, extension);
    case "cfb":
      throw compoundFileError(bytes);
    case "pdf":
      throw unsupported(planFileMessages.pdf());
    case "rtf":
      throw unsupported(planFileMessages.rtf());
    case "markup":
      throw unsupported(planFileMessages.markup());
    case "image":
      throw new PlanFileError("binary", planFileMessages.image());
    case "archive":
      throw unsupported(planFileMessages.otherArchive());
    case "executable":
      throw new PlanFileError("binary", planFileMessages.binary());
    case "unknown":
      return readTextFile(bytes, extension);
  }
}

async function readOfficeZip(bytes: Uint8Array, extension: string): Promise<ReadDocumentResult> {
  const zip = ZipArchive.open(bytes);
  const mimetype = zip.has("mimetype") ? (zip.text("mimetype") ?? "").trim() : "";
  if (mimetype.startsWith("application/vnd.oasis.opendocument.text"))
    throw unsupported(planFileMessages.odf("text"));
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    throw unsupported(planFileMessages.odf("spreadsheet"));
  }
  if (
    zip.has("word/document.xml") ||
    (zip.has("_rels/.rels") && !zip.has("xl/workbook.xml") && hasWordPart(zip))
  ) {
    return { format: "docx", document: readDocx(zip) };
  }
  if (zip.has("xl/workbook.xml")) {
    // exceljs unpacks every part itself: check each against the limits before it does.
    zip.verifyAll();
    return { format: "xlsx", document: await readXlsx(bytes) };
  }
  if (zip.has("xl/workbook.bin")) throw unsupported(planFileMessages.xlsb());
  if (zip.has("ppt/presentation.xml") || zip.has("[Content_Types].xml")) {
    throw unsupported(planFileMessages.otherOffice());
  }
  if (["docx", "docm", "dotx", "xlsx", "xlsm", "xltx"].includes(extension)) {
    throw new PlanFileError("corrupt", planFileMessages.corrupt());
  }
  throw unsupported(planFileMessages.otherArchive());
}

/** A Word main part under another name than word/document.xml (some generators do that). */
function hasWordPart(zip: ZipArchive): boolean {
  return zip.names().some((name) => /^word\/[^/]+\.xml$/.test(name) && !name.startsWith("word/_rels"));
}

/** An OLE container: a password-protected .docx/.xlsx, or an old binary .doc/.xls. */
function compoundFileError(bytes: Uint8Array): PlanFileError {
  let names: string[];
  try {
    names = listCfbNames(bytes);
  } catch {
    return new PlanFileError("corrupt", planFileMessages.corrupt());
  }
  if (names.includes("EncryptedPackage") || names.includes("EncryptionInfo")) {
    return new PlanFileError("encrypted", planFileMessages.encrypted());
  }
  if (names.includes("WordDocument")) return unsupported(planFileMessages.oldDoc());
  if (names.includes("Workbook") || names.includes("Book")) return unsupported(planFileMessages.oldXls());
  return unsupported(planFileMessages.otherOffice());
}

function readTextFile(bytes: Uint8Array, extension: string): ReadDocumentResult {
  const text = decodeText(bytes);
  if (text.trim() === "") throw new PlanFileError("empty", planFileMessages.empty());
  if (extension === "csv" || (extension !== "txt" && extension !== "tsv" && looksLikeCsv(text))) {
    return { format: "csv", document: readCsv(text) };
  }
  return { format: "text", document: readTextDocument(text) };
}

/** Text with no TABs whose lines split evenly on «;» or «,»: a CSV under another name. */
function looksLikeCsv(text: string): boolean {
  if (text.includes("\t")) return false;
  const delimiter = sniffDelimiter(text);
  const records = parseCsv(text, delimiter, 50).filter((r) => r.some((cell) => cell.trim() !== ""));
  const wide = records.filter((r) => r.length >= 3);
  return wide.length >= Math.max(2, records.length * 0.6);
}
