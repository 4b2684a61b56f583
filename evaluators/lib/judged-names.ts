/**
 * Names a person would judge not descriptive, told from the text alone: the page checks' suspected findings on
 * images named by their file (1.1.1, ACT 9eb3f6), links saying only 更多 or 点击这里 (2.4.4, ACT 5effbb), links of
 * one name and context leading to different records (2.4.4, ACT fd3a94), fields labelled only by a word for a part of
 * the screen or an action (2.4.6, ACT cc0f0a) and page titles that share next to nothing with the page (2.4.2, ACT
 * c4a8a4). The browser side (in-page/judged-content.js) reads the names, destinations and texts, these judge them;
 * what they find is a reviewer's to confirm, never a failure.
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

/**
 * Labels that name a part of the screen or an action, not what goes in the field: a box labelled 菜单 or Menu, or
 * labelled by the button beside it (确定, Go). Words for what is asked (搜索, 关键词, 姓名) are not here.
 */
const genericLabelNames = new Set([
  '菜单',
  '按钮',
  '输入',
  '输入框',
  '文本框',
  '表单',
  '标签',
  '提交',
  '确定',
  '确认',
  'menu',
  'button',
  'input',
  'field',
  'textbox',
  'text',
  'label',
  'form',
  'submit',
  'go',
  'ok',
]);

/** A field's visible label that says nothing of what to enter (菜单, 提交, Menu, Go). */
export function genericLabelName(label: string): boolean {
  const bare = bareName(label);
  return bare !== '' && genericLabelNames.has(bare);
}

/** English words that carry no topic: left out of a title's words. */
const functionWords = new Set(
  'a an the of and or for in on at to by with from into about as is are was be it its this that these those our your my their his her we you i'.split(' '),
);
/** Where a title's parts meet: 文章标题_栏目_网站名称, 文章标题-网站名称 (a hyphen touching Chinese), Article - Site | Section. */
const titleSeparator = /\s+[-–—|:：]\s+|[_|｜—–·•－]+|(?<=[\u3400-\u9fff）》」】”])-+|-+(?=[\u3400-\u9fff（《「【“])/;
const hanRun = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;
const latinWord = /[a-z\u00c0-\u024f]{2,}/g;

/** What a text says, in units that can be compared: its Han character pairs (a lone character alone) and its English words. */
function textUnits(text: string): { han: string[]; words: string[] } {
  const lower = text.toLowerCase();
  const han = (lower.match(hanRun) ?? []).flatMap((run) => (run.length === 1 ? [run] : [...run].slice(1).map((c, i) => run[i] + c)));
  const words = (lower.match(latinWord) ?? []).filter((w) => !functionWords.has(w));
  return { han, words };
}

/** A text with its case, spaces, punctuation and symbols taken out, for finding one text in another. */
const flat = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** One word of a title found among the page's: the same, or one the stem of the other (harvesting, harvest; opening, open; Clementine, Clementines). */
function wordFound(word: string, pageWords: Set<string>, stems: Set<string>): boolean {
  if (pageWords.has(word)) return true;
  if (word.length < 4) return false;
  return stems.has(word.slice(0, Math.min(word.length, 6))) || pageWords.has(word.slice(0, 4)) || pageWords.has(word.slice(0, 5));
}

/**
 * Whether a page's title shares so little with the page's own text (its visible text and its images' names) that
 * it cannot be saying what the page is (2.4.2): no part of the title — the parts between its separators, an
 * article's name, a column's, the site's — has at least half of its words (English) or character pairs (Chinese) in
 * the page. A title of one word is not judged, nor a page saying less than twice what its title says (a frameset,
 * an article its scripts had not yet drawn: only the menus on screen).
 */
export function titleUnrelated(title: string, pageText: string): boolean {
  const parts = title.split(titleSeparator).map(textUnits);
  const titleUnits = parts.reduce((n, p) => n + p.han.length + p.words.length, 0);
  if (titleUnits < 2) return false;
  const page = textUnits(pageText);
  if (page.han.length + page.words.length < Math.max(5, 2 * titleUnits)) return false;
  if (flat(title) && flat(pageText).includes(flat(title))) return false;
  const pairs = new Set(page.han);
  const words = new Set(page.words);
  // Each page word's stems: its first 4, 5 and 6 letters, so that words sharing their first letters meet.
  const stems = new Set(page.words.flatMap((w) => (w.length >= 4 ? [4, 5, 6].filter((n) => n <= w.length).map((n) => w.slice(0, n)) : [])));
  return !parts.some((p) => {
    const units = p.han.length + p.words.length;
    const found = p.han.filter((h) => pairs.has(h)).length + p.words.filter((w) => wordFound(w, words, stems)).length;
    return units > 0 && found * 2 >= units;
  });
}

/**
 * Whether two documents' texts share next to nothing (frames of one name, 4.1.2): under a fifth of the smaller
 * text's distinct units (Han character pairs, English words) are found in the other. Documents that differ in
 * their navigation or wording only share most of theirs. A text of fewer than two units is not judged.
 */
export function textsUnrelated(a: string, b: string): boolean {
  const units = (text: string) => {
    const u = textUnits(text);
    return new Set([...u.han, ...u.words]);
  };
  const [x, y] = [units(a), units(b)];
  const smaller = Math.min(x.size, y.size);
  if (smaller < 2) return false;
  const shared = [...x].filter((unit) => y.has(unit)).length;
  return shared * 5 < smaller;
}

/** What a main heading must say beyond the title for the title to be only a part of it: topic words, or Han characters. */
const moreWords = 2;
const moreHan = 4;

/**
 * Whether the title is only a part of the page's main heading (2.4.2): the heading says what the page is and the
 * title keeps the part that qualifies it, most often the site's or the organisation's name — 某某市人民政府 over
 * 某某市人民政府关于印发…的通知, University of Arkham over Search results … at the University of Arkham. What a
 * heading is about comes last in Chinese and first in English: the heading must say four more Han characters after
 * a Chinese title, or two more topic words before an English one. A title the heading only qualifies is its page's
 * name: 信息公开指南 over 某某市人民政府信息公开指南, Annual report over Annual report of the City Council, 通知公告 over
 * 通知公告（共128条）. The title must say two things at least (words, character pairs). For pages other than the
 * homepage, whose title may be the site's name alone.
 */
export function titlePartOfHeading(title: string, heading: string): boolean {
  const t = flat(title);
  const h = flat(heading);
  const at = h.indexOf(t);
  if (!t || t === h || at < 0) return false;
  const said = textUnits(title);
  if (said.han.length + said.words.length < 2) return false;
  if (said.han.length) return (h.slice(at + t.length).match(hanRun) ?? []).join('').length >= moreHan;
  // The title's topic words as a run of the heading's: the heading's words before that run.
  const words = textUnits(heading).words;
  const run = said.words;
  const start = words.findIndex((_, i) => run.every((w, j) => words[i + j] === w));
  return start >= moreWords;
}
