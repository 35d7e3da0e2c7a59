/**
 * What a file is, from its first bytes rather than its name (a steward renames files, and a
 * download may have none): an Excel workbook (.xlsx, a zip), an old Excel 97-2003 workbook (.xls,
 * an OLE container, which we do not read), or text whose first character tells JSON from CSV.
 * Shared by sos-feed and the workbench.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** An .xlsx (or .ods: also a zip; the reader says which). */
export const isWorkbook = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP);

/** An Excel 97-2003 .xls: to be saved again as .xlsx or CSV. */
export const isOldWorkbook = (bytes: Uint8Array): boolean => startsWith(bytes, OLE);

/** The first character that is not a space or a UTF-8 BOM byte, within the first 4 kB (`{`: JSON). */
export function firstChar(bytes: Uint8Array): string {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const c = bytes[i]!;
    if (c === 0xef || c === 0xbb || c === 0xbf || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return String.fromCharCode(c);
  }
  return '';
}
