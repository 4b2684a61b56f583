import type { Skin } from './skin.js';

/** Pinyin-initial class names as Chinese CMS templates write them (导航 → dh, 栏目列表 → lmlb …). */
const pinyin: Record<string, string> = {
  nav: 'dh',
  menu: 'cd',
  sub: 'ejcd',
  list: 'lmlb',
  date: 'sj',
  more: 'gd',
  block: 'bk',
  'block-head': 'bt',
  side: 'cbl',
  content: 'nr',
  crumb: 'dqwz',
  main: 'zt',
  header: 'tt',
  footer: 'db',
  topbar: 'dbl',
  wrap: 'w1200',
  tiles: 'rk',
  tile: 'rkx',
  quick: 'kj',
  links: 'yqlj',
  hero: 'jdt',
  article: 'wz',
  info: 'xx',
  text: 'zw',
  cards: 'kp',
  card: 'kpx',
  'column-title': 'lmmc',
  'no-data': 'zwxx',
  page: 'fy',
  pager: 'fy',
  search: 'ss',
  home: 'sy',
  blocks: 'bks',
  logo: 'bs',
  'site-name': 'zdmc',
  title: 'bt',
  tag: 'fl',
  welcome: 'hy',
};

/** The class a skin writes for one logical class name; '' when the skin writes none. */
export function className(skin: Skin, name: string): string {
  if (skin.classic) return name;
  if (skin.names === 'none') return '';
  if (skin.names === 'pinyin') return pinyin[name] ?? `x${hash(name, skin.salt).slice(0, 3)}`;
  return `c-${hash(name, skin.salt)}`;
}

/**
 * Rewrites every class attribute of a rendered page through the skin. A class written `=left` is literal:
 * the skin chose that very name (the floats real templates call left/fl-left around their content).
 */
export function rewriteClasses(page: string, skin: Skin): string {
  if (skin.classic) return page;
  return page.replace(/ class="([^"]*)"/g, (_, value: string) => {
    const names = value
      .split(/\s+/)
      .filter(Boolean)
      .map((n) => (n.startsWith('=') ? n.slice(1) : className(skin, n)))
      .filter(Boolean);
    return names.length ? ` class="${names.join(' ')}"` : '';
  });
}

/** A literal class that survives rewriting. */
export function literal(name: string): string {
  return `=${name}`;
}

/** Five base-36 characters, stable per name and salt (FNV-1a). */
function hash(name: string, salt: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${salt}:${name}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(5, '0').slice(-5);
}
