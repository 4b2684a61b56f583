/**
 * Names a person would judge not descriptive, told from the text alone: the page checks' suspected findings on
 * images named by their file (1.1.1, ACT 9eb3f6), links saying only 更多 or 点击这里 (2.4.4, ACT 5effbb), and links of
 * one name and context leading to different records (2.4.4, ACT fd3a94). The browser side (in-page/judged-content.js)
 * reads the names and destinations, these judge them; what they find is a reviewer's to confirm, never a failure.
 */

/** Punctuation, arrows and spaces a name may carry around its words (更多>>, 》, »,  [详情]). */
const decoration = /[\s>»》›→<«《‹←\-_.,，。:：;；!！?？'"“”‘’()[\]（）【】{}|/\\+*·…~]+/g;

/** Image file extensions, and names cameras, scanners and upload tools give files (IMG_2034, DSC00012, 微信图片_2023…). */
const imageFile = /\.(jpe?g|png|gif|bmp|webp|svg|tiff?|ico|avif|heic)$/i;
const machineName = /^(?:[0-9a-f]{16,}|(?:img|image|dsc|dscn|dcim|pic|photo|scan|screenshot|微信图片|截图|屏幕截图)[\s_-]*\d[\d_-]{3,})$/i;

/** What an image's name says when it says nothing about the picture. */
const genericImageNames = new Set([
  '图片',
  '图像',
  '照片',
  '图',
  '图标',
  '配图',
  '无标题',
  '未命名',
  'image',
  'img',
  'picture',
  'pic',
  'photo',
  'graphic',
  'icon',
  'untitled',
  'spacer',
]);

/** Link texts that say where the link goes only with what is around them. */
const genericLinkNames = new Set([
  '更多',
  '更多信息',
  '更多内容',
  '查看更多',
  '了解更多',
  '点击这里',
  '点击此处',
  '点击',
  '点此',
  '这里',
  '此处',
  '详情',
  '详细',
  '详细信息',
  '查看',
  '查看详情',
  '进入',
  '阅读全文',
  '全文',
  '下载',
  '链接',
  'more',
  'readmore',
  'learnmore',
  'seemore',
  'clickhere',
  'here',
  'click',
  'go',
  'details',
  'detail',
  'download',
  'link',
]);

/** The name with its decoration taken out, in lower case: what the word lists hold. */
export function bareName(name: string): string {
  return name.replace(decoration, '').toLowerCase();
}

/**
 * Why an image's accessible name describes nothing, or null: a file name (with an image extension, or one a camera
 * or tool gives), a hex digest, or a word that only says "image". `linkedFile`: the file name a link around the
 * image downloads — the image then stands for that file, and its file name is what the link offers.
 */
export function unhelpfulImageName(name: string, linkedFile: string | null = null): 'file-name' | 'generic' | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  if (imageFile.test(trimmed) || machineName.test(trimmed)) return linkedFile && linkedFile.toLowerCase() === trimmed.toLowerCase() ? null : 'file-name';
  const bare = bareName(trimmed);
  return bare && genericImageNames.has(bare) ? 'generic' : null;
}

/** A link name that, on its own, says nothing of where the link goes (更多, 点击这里, Read more). */
export function genericLinkName(name: string): boolean {
  const bare = bareName(name);
  return bare !== '' && genericLinkNames.has(bare);
}

/**
 * Destinations of links sharing a name and a context that are different records of one page: the same
 * address up to the query, with queries that differ (article.jsp?id=1, article.jsp?id=2). A script given
 * different parameters serves different content, so the one name cannot describe both. Different paths are
 * not judged: two addresses of one page (a copy, a redirect, another column's path to the same office) are
 * common and only a person can tell them apart.
 */
export function differentRecords(hrefs: string[]): boolean {
  const byPath = new Map<string, Set<string>>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol)) continue;
    const path = `${url.origin}${url.pathname}`;
    const params = [...url.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    byPath.set(path, (byPath.get(path) ?? new Set()).add(JSON.stringify(params)));
  }
  return [...byPath.values()].some((queries) => queries.size > 1);
}
