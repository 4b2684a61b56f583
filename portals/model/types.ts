import type { TextFlagKind } from '../../evaluators/text-checks.js';
import type { DateFormat, IsoDate } from './dates.js';

/** Column kinds of the national rules (docs/indicators.md V3/V4): each has its own update window. */
export type ColumnKind = 'news' | 'notice' | 'policy' | 'personnel' | 'planning' | 'other';

/** Where, if anywhere, an item's publication date can be read. */
export type DateShown =
  | { on: 'list'; format: DateFormat }
  | { on: 'title-attr'; format: DateFormat } // only in a title="…" attribute of the list row
  | { on: 'article-text' } // list has none; article says 发布时间：…
  | { on: 'article-meta' } // list has none; article has only <meta name="PubDate">
  | { on: 'none' }; // nowhere: counts as not updated

/** The CMS families of real portals (portals/README.md), each with its own URLs, list markup and pager. */
export type ListStyle =
  | 'trs' // static index.html, index_1.html …; pager written by an inline script
  | 'hanweb' // /col/colN/index.html, list filled from an XML data proxy, script paging
  | 'query' // server-rendered list with ?page=N links
  | 'legacy' // GBK ASP site, list.asp?classid=N&page=N, table layout
  | 'catalogue'; // 信息公开目录: a JSON API rendered into a table by script

export interface Item {
  id: number;
  title: string;
  date: IsoDate | null;
  shown: DateShown;
  path: string;
  /** A date-like string that is NOT the publication date, planted on the list row or in the title. */
  decoy?: { kind: 'title-year' | 'title-date' | 'written-date'; text: string };
  /** 成文日期 for catalogue rows: before the publication date. */
  writtenOn?: IsoDate;
  docNumber?: string;
  indexNumber?: string;
  validity?: '有效' | '失效' | '已修改' | '废止';
  source: string;
  paragraphs: string[];
  /** A policy document's interpretations, or an interpretation's original document, by path (model/documents.ts). */
  related?: { original?: string; interpretations?: string[] };
}

export interface Column {
  id: string;
  name: string;
  kind: ColumnKind;
  /** First-level 通知公告/政策文件 columns fall under V3's 6-month rule; deeper ones under V4. */
  firstLevel: boolean;
  style: ListStyle;
  /** Path of the column's first list page. */
  path: string;
  pageSize: number;
  /** An empty column shows this placeholder ("暂无信息") instead of a list. */
  placeholder?: string;
  columnNameMeta: boolean;
  items: Item[];
  /** Navigation group the column belongs to, e.g. 新闻中心. */
  group: string;
  /** Numeric id some CMSs put in URLs (colN, classid=N). */
  numericId: number;
}

export interface Letter {
  id: string;
  title: string;
  received: IsoDate;
  replied: IsoDate | null;
  status: '已回复' | '已办结' | '办理中' | '待回复';
  department: string;
  question: string;
  answer: string | null;
  path: string;
  aroundHoliday?: string;
}

export interface Mailbox {
  name: string; // 市长信箱, 局长信箱, 咨询投诉 …
  /** Where the list lives: on the portal itself, or on the interaction platform host, shown in an iframe. */
  placement: 'same-site' | 'iframe';
  entryPath: string; // page on the portal that links to / embeds the mailbox
  listPath: string; // first list page (on the interaction host when placement is iframe)
  pageSize: number;
  /** Columns the list shows; missing ones must be read from the detail page. */
  listShowsReplyDate: boolean;
  receivedLabel: '来信时间' | '提问时间' | '写信时间';
  repliedLabel: '回复时间' | '答复时间';
  /** Reply-disclosure fields shown on detail pages (docs/indicators.md D14). */
  detailFields: Array<'受理日期' | '答复日期' | '答复部门' | '答复内容'>;
  letters: Letter[];
}

export interface ServiceGuide {
  id: number;
  title: string;
  path: string;
  /** Which of the 8 element classes (事项名称 … 办理流程) this guide shows. */
  elements: string[];
  attachments: Array<{ name: string; path: string; ok: boolean }>;
  onlineUrl: string | null;
}

export interface Disclosure {
  path: string; // the 信息公开 section
  guidePath: string;
  guideElements: string[]; // the Art. 12 elements the 指南 contains
  systemPath: string | null; // 信息公开制度
  art20Items: Array<{ id: number; label: string; path: string }>; // present items only
  catalogueColumnId: string | null;
  annualReports: Array<{ year: number; publishedOn: IsoDate; path: string; headings: string[] }>;
  institution: { path: string; elements: string[] } | null; // 机构设置 / 主要职责 / 联系方式
  leaders: { path: string; elements: string[] } | null; // 姓名 / 照片 / 简历 / 分工
}

export type BrokenKind = 'http-404' | 'http-500' | 'timeout' | 'refused';

export interface PlantedLink {
  url: string; // absolute or site-relative
  text: string;
  kind: BrokenKind;
  foundOn: 'homepage' | 'article';
  asImage?: boolean;
}

export interface Accessibility {
  missingLang: boolean;
  imagesWithoutAlt: boolean;
  unlabeledSearch: boolean;
  lowContrastFooter: boolean;
  /** Defects only the in-browser page checks find (axe-core reports none of them), and on which pages. */
  pageDefects?: Partial<Record<PageDefect, PageScope>>;
}

/** The page checks' defects a portal can plant (evaluators/collect/page-checks.ts names them the same). */
export type PageDefect =
  | 'keyboard-trap'
  | 'mouse-only'
  | 'focus-not-visible'
  | 'reflow'
  | 'text-zoom'
  | 'page-title'
  | 'bypass'
  | 'group-without-name'
  | 'placeholder-only'
  | 'moving-content';

/** Where a planted page defect is: every page, the homepage, the channel (group) pages or the article pages. */
export type PageScope = 'every page' | 'homepage' | 'channel pages' | 'article pages';

/**
 * A paragraph planted in the newest article of a column for the text checks (evaluators/text-checks.ts), with
 * what they must find in it: a wrong word or title of the shipped example dictionaries, an unmasked number.
 * Masked numbers and published contact lines planted beside them must be left alone.
 */
export interface TextPlant {
  columnId: string;
  paragraph: string;
  expect: Array<{ check: 'wording' | 'leak'; kind: TextFlagKind; found: string }>;
  /** A PDF linked from the same article (ASCII text), with what the checks must find in it. */
  attachment?: { name: string; text: string; expect: Array<{ check: 'wording' | 'leak'; kind: TextFlagKind; found: string }> };
}

export interface Behaviour {
  latencyMs: number; // added to every response: a slow server
  robotsTxt: string | null;
  waf: boolean; // JS cookie challenge (HTTP 412) before the first page
  encoding: 'utf-8' | 'gbk';
  /** Homepage reached through a redirect chain, as on many older sites. */
  homepageRedirect: string | null;
}

export interface Portal {
  id: string;
  name: string;
  level: 'government' | 'department';
  /** City/county governments have 21 Art. 20/21 items; departments 15. */
  region: string;
  seed: string;
  asOf: IsoDate;
  siteIdCode: string;
  icp: string;
  police: string;
  theme: { primary: string; accent: string; banner: string };
  cms: ListStyle;
  /** Markup of server-rendered list rows: <ul><li>, a <table>, or <div> cards. */
  listMarkup: 'ul' | 'table' | 'div';
  homepage: 'blocks' | 'navigation';
  /** Columns shown on the homepage as blocks, with the date format used there. */
  homepageBlocks: Array<{ columnId: string; count: number; format: DateFormat }>;
  columns: Column[];
  disclosure: Disclosure | null;
  mailbox: Mailbox | null;
  /** Links to 信访 / 纪检举报, which are not consultation channels. */
  nonConsultationLinks: Array<{ text: string; url: string }>;
  services: ServiceGuide[] | null;
  servicesPath: string | null;
  elderlyMode: boolean;
  search: 'works' | 'broken' | 'absent';
  metaTags: { site: boolean; column: boolean; article: boolean };
  accessibility: Accessibility;
  plantedLinks: PlantedLink[];
  /** Wording errors and personal numbers planted in article text (none on most portals). */
  textPlants?: TextPlant[];
  behaviour: Behaviour;
  /** Planted for the link checks (evaluators/link-safety.ts, furniture.ts); absent: none. */
  linkPlants?: LinkPlants;
  /** Validity marks, 解读 links and the website's annual report (evaluators/policy-documents.ts, website-report.ts); absent: none. */
  documentPlants?: DocumentPlants;
  /** The website's annual reports (政府网站工作年度报表) the 政府信息公开 page lists, built from documentPlants.websiteReport. */
  websiteReports?: WebsiteReportPage[];
}

/** How a portal shows its policy documents' validity, 解读 and its own annual report. */
export interface DocumentPlants {
  /** Policy documents' validity mark: an info line under the title (有效性：…), a bracket beside it (【…】), or a dt/dd list; absent: none. */
  validityMarks?: 'line' | 'bracket' | 'list';
  /** Last year's website report: on time, after 31 January, or only the year before's; absent: none at all. */
  websiteReport?: 'on-time' | 'late' | 'older-only';
  /** The interpretation column whose two newest items link their documents (the newest one day after it, the next three weeks after). */
  interpretations?: { column: string; documents: string };
}

export interface WebsiteReportPage {
  year: number;
  title: string;
  publishedOn: IsoDate;
  path: string;
}

/** What a hacked or careless site shows: each lands on a stand-in page of the interaction platform, never off this machine. */
export interface LinkPlants {
  /** Article pages carry a block hidden by display:none holding a link to a gambling stand-in. */
  hiddenArticleLink?: boolean;
  /** The homepage sends Baiduspider (a spider's user agent) to the gambling stand-in with a 302. */
  spiderRedirect?: boolean;
  /** Every page loads an advertising network's script (a stand-in named after pos.baidu.com). */
  adScript?: boolean;
  /** Article pages' footer leaves out the 公安备案 number. */
  articleWithoutPolice?: boolean;
}
