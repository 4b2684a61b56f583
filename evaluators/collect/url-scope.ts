/** URL rules of the crawl: one key per page, same-site only, documents never opened in the browser. */

const indexFile = /\/(index|default)\.(s?html?|asp|aspx|jsp|php)$/i;
const documentFile = /\.(pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|jpe?g|png|gif|bmp|svg|mp4|mp3|avi|flv|exe|apk)$/i;

/** Canonical key of a page: no fragment, `…/index.html` = `…/`, query parameters sorted. */
export function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = u.pathname.replace(indexFile, '/');
  u.searchParams.sort();
  return u.href;
}

export function sameSite(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Attachments and media: checked by a light request in the link checker, never crawled as pages. */
export function isDocument(url: string): boolean {
  return documentFile.test(new URL(url).pathname);
}
