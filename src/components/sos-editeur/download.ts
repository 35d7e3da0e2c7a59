/**
 * Files the workbench hands back to the steward: made in the page, saved by the browser's own
 * download (a blob: link), never sent anywhere.
 */

/** Saves `content` as `fileName` through a temporary blob: link. */
export function download(fileName: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns: let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today's date for file names, `AAAA-MM-JJ`. */
export const stamp = (today: string): string => today.slice(0, 10);

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
