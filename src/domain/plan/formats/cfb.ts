/**
 * The stream names of an OLE compound file (CFB): the container of old .doc/.xls files and of
 * password-protected .docx/.xlsx (which hold an "EncryptedPackage" stream). Only the directory is
 * read; no stream content.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/** True when the bytes start with the CFB signature. */
export function looksLikeCfb(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Names of every storage and stream in the file. Throws an Error when the directory is broken. */
export function listCfbNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512 || !looksLikeCfb(bytes)) throw new Error("not a compound file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new Error("bad sector size");
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil(bytes.length / sectorSize);
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw new Error("truncated compound file");
    return view.getUint32(at, true);
  };

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE; guard++) {
    if (guard > sectorCount) throw new Error("DIFAT loop");
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) fatSectors.push(u32(base + i * 4));
    difat = u32(base + perSector * 4);
  }
  const fat = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector === FREE) throw new Error("sector outside FAT");
    return u32(sectorOffset(fatSector) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  let sector = u32(0x30);
  for (let guard = 0; sector !== END_OF_CHAIN; guard++) {
    if (guard > sectorCount || sector >= sectorCount) throw new Error("directory chain broken");
    const base = sectorOffset(sector);
    for (let at = base; at + 128 <= base + sectorSize && at + 128 <= bytes.length; at += 128) {
      const type = bytes[at + 0x42];
      const length = view.getUint16(at + 0x40, true);
      if (type === 0 || length < 2 || length > 64) continue;
      names.push(new TextDecoder("utf-16le").decode(bytes.subarray(at, at + length - 2)));
    }
    sector = fat(sector);
  }
  return names;
}
