/**
 * The name an applicant's file had on their device, kept to label the download. Browsers may send a path
 * (C:\fakepath\营业执照.pdf); only the last segment is a name, and control characters never belong in one.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/**
 * A Content-Disposition that keeps a Chinese file name: `filename*` (RFC 6266 with RFC 8187 encoding) for
 * every current browser, and an ASCII `filename` for anything older.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
