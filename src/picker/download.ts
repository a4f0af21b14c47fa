/** Saves `text` as a file the browser downloads (a temporary object URL and a link click). */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled (the download has its own reference by then).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
