import { Random } from '../../model/random.js';

/**
 * A skin changes how a sample portal is written, never what it holds: the same columns, items, dates and
 * links under other markup, so the truth (model/truth.ts) holds for every skin. The classic skin is the
 * markup the portals had before skins existed; any other skin is drawn from its seed.
 */
export interface Skin {
  /** "classic", or the seed the skin was drawn from ("7"). */
  id: string;
  classic: boolean;
  /** Class names: a build hash (`c-x8f2k`), pinyin-ish abbreviations (`dh`, `lmlb`), or none at all. */
  names: 'hash' | 'pinyin' | 'none';
  /** Salt of hashed class names, so two skins do not share them. */
  salt: string;
  nav: NavStyle;
  /** How links to sections and columns are written outside the navigation (quick entries, tiles). */
  links: 'plain' | 'javascript';
  list: RowStyle;
  /** Rows per sibling block when one list is split over several (null: one block). */
  splitRows: number | null;
  /** Each row starts with a category tag link (`[要闻]`) before its title link. */
  categoryTag: boolean;
  more: MoreStyle;
  listDate: ListDateStyle;
  /** How the article shows a date the reader can see. */
  articleDate: 'label' | 'label-cn' | 'unlabelled' | 'br' | 'time';
  /** Where the article keeps its machine-readable date (the only one on articles dated by meta). */
  articleMeta: 'pubdate' | 'property' | 'jsonld' | 'itemprop';
  breadcrumb: 'class' | 'bare' | 'none';
  /** Class of the float that holds the real content, and of the sidebar beside it. */
  layout: { content: string; side: string };
  /** Navigation-only homepages: text tiles or image tiles, in plain divs. */
  tiles: 'text' | 'image';
}

export type NavStyle = 'topbar' | 'image-tiles' | 'hover' | 'table' | 'iframe' | 'script' | 'js-links';
export type RowStyle = 'ul' | 'table' | 'dl' | 'cards';
export type MoreStyle = '更多' | '更多>>' | '查看更多' | 'arrow-image' | '+' | 'heading';

export interface ListDateStyle {
  placement: 'after' | 'before';
  brackets: boolean;
  withTime: boolean;
  /** Rewrites dates that carry a year; year-less dates (`11-03`) stay year-less. */
  format: 'keep' | 'iso' | 'slash' | 'slash-short' | 'cn' | 'dot';
}

export const classicSkin: Skin = {
  id: 'classic',
  classic: true,
  names: 'hash',
  salt: '',
  nav: 'hover',
  links: 'plain',
  list: 'ul',
  splitRows: null,
  categoryTag: false,
  more: '更多>>',
  listDate: { placement: 'after', brackets: false, withTime: false, format: 'keep' },
  articleDate: 'label',
  articleMeta: 'pubdate',
  breadcrumb: 'class',
  layout: { content: 'content', side: 'side' },
  tiles: 'text',
};

const navStyles: NavStyle[] = ['topbar', 'image-tiles', 'hover', 'table', 'iframe', 'script', 'js-links'];
const moreStyles: MoreStyle[] = ['更多', '更多>>', '查看更多', 'arrow-image', '+', 'heading'];
const contentFloats = ['left', 'fl-left', 'main-left', 'news_left', 'fl'];
const sideFloats = ['right', 'fr', 'main-right', 'side-r'];

/** The skin of a seed: "classic", "0" or 0 give the classic skin; any other seed draws every choice. */
export function skinFor(seed: string | number | undefined): Skin {
  const id = String(seed ?? 'classic');
  if (id === 'classic' || id === '0' || id === '') return classicSkin;
  const r = new Random(`skin:${id}`);
  return {
    id,
    classic: false,
    names: r.pick(['hash', 'pinyin', 'none'] as const),
    salt: String(r.int(0, 1e6)),
    nav: r.pick(navStyles),
    links: r.chance(0.4) ? 'javascript' : 'plain',
    list: r.pick(['ul', 'table', 'dl', 'cards'] as const),
    splitRows: r.chance(0.35) ? 5 : null,
    categoryTag: r.chance(0.35),
    more: r.pick(moreStyles),
    listDate: {
      placement: r.chance(0.3) ? 'before' : 'after',
      brackets: r.chance(0.3),
      withTime: r.chance(0.25),
      format: r.pick(['keep', 'iso', 'slash', 'slash-short', 'cn', 'dot'] as const),
    },
    articleDate: r.pick(['label', 'label-cn', 'unlabelled', 'br', 'time'] as const),
    articleMeta: r.pick(['pubdate', 'property', 'jsonld', 'itemprop'] as const),
    breadcrumb: r.pick(['class', 'bare', 'none'] as const),
    layout: { content: r.pick(contentFloats), side: r.pick(sideFloats) },
    tiles: r.pick(['text', 'image'] as const),
  };
}

/** One line naming the skin's choices, for logs and the accuracy report. */
export function describeSkin(s: Skin): string {
  if (s.classic) return 'classic';
  const d = s.listDate;
  return [
    `names=${s.names}`,
    `nav=${s.nav}`,
    `links=${s.links}`,
    `list=${s.list}${s.splitRows ? `/split${s.splitRows}` : ''}${s.categoryTag ? '+tag' : ''}`,
    `more=${s.more}`,
    `date=${d.format}${d.brackets ? '[]' : ''}${d.withTime ? '+time' : ''}/${d.placement}`,
    `article=${s.articleDate}/${s.articleMeta}`,
    `crumb=${s.breadcrumb}`,
    `floats=${s.layout.content}|${s.layout.side}`,
    `tiles=${s.tiles}`,
  ].join(' ');
}
