/**
 * The words offices use in their registers of 政务新媒体 accounts (政务新媒体账号台账/登记表). A column is
 * recognised by any of its synonyms, a platform by any of its names: add an office's wording here, not in code.
 */
import { normaliseLabel } from './headers.js';

export type NewMediaField = 'site' | 'platform' | 'name' | 'link' | 'lastPost' | 'postsInTwoWeeks' | 'interaction' | 'unanswered';

/** Header texts after `normaliseLabel` and lower-casing, the first one the name used in messages. */
export const NEW_MEDIA_FIELDS: Readonly<Record<NewMediaField, { names: readonly string[]; required: boolean }>> = {
  site: { names: ['网站', '网站标识', '站点', '站点标识', '网站名称', '单位', '单位名称', '主办单位', '开办主体', '部门', '部门名称'], required: true },
  platform: { names: ['平台', '平台名称', '所属平台', '账号类型', '类型', '渠道'], required: true },
  name: { names: ['账号名称', '账号', '账号名', '名称', '公众号名称', '新媒体名称'], required: true },
  link: { names: ['账号链接/id', '账号链接', '账号id', '链接', 'id', '主页链接', '网址', '微信号'], required: false },
  lastPost: {
    names: ['最后发布日期', '最后发布时间', '最近发布日期', '最近发布时间', '最新发布日期', '最后更新日期', '最后更新时间', '最近更新日期', '最近更新时间'],
    required: true,
  },
  postsInTwoWeeks: { names: ['近两周发布数', '近2周发布数', '近两周发布量', '近两周更新数', '两周发布数', '近两周发文数'], required: false },
  interaction: { names: ['是否提供互动功能', '互动功能', '是否开通互动功能', '有无互动功能', '是否开通留言', '留言功能'], required: false },
  unanswered: { names: ['留言未回复数', '未回复留言数', '未回复数', '未答复留言数', '未答复数'], required: false },
};

const BY_HEADER: ReadonlyMap<string, NewMediaField> = new Map(
  (Object.entries(NEW_MEDIA_FIELDS) as [NewMediaField, { names: readonly string[] }][]).flatMap(([field, spec]) =>
    spec.names.map((name) => [name, field] as const),
  ),
);

export function newMediaFieldOf(header: string): NewMediaField | null {
  return BY_HEADER.get(normaliseLabel(header).toLowerCase()) ?? null;
}

export function acceptedNewMediaHeaders(field: NewMediaField): string {
  return NEW_MEDIA_FIELDS[field].names.join(', ');
}

/** Each platform's usual name and the other names tables give it (lower-cased, without spaces). */
const PLATFORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['微信公众号', ['微信', '微信公众号', '公众号', '微信公众平台', '微信服务号', '微信订阅号', 'wechat']],
  ['微信视频号', ['视频号', '微信视频号']],
  ['微博', ['微博', '新浪微博', '政务微博', 'weibo']],
  ['抖音', ['抖音', '抖音号', 'douyin']],
  ['今日头条', ['今日头条', '头条', '头条号', 'toutiao']],
  ['快手', ['快手', '快手号', 'kuaishou']],
  ['哔哩哔哩', ['哔哩哔哩', 'b站', 'bilibili']],
  ['小红书', ['小红书', 'xiaohongshu']],
  ['人民号', ['人民号']],
  ['百家号', ['百家号']],
  ['移动客户端', ['app', '客户端', '移动客户端']],
];

const PLATFORM_BY_NAME: ReadonlyMap<string, string> = new Map(PLATFORMS.flatMap(([usual, names]) => names.map((name) => [name, usual] as const)));

/** The platform's usual name; a platform we do not know keeps the table's text (one account each on it all the same). */
export function platformOf(text: string): string {
  const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return PLATFORM_BY_NAME.get(key) ?? text.trim();
}

const YES = new Set(['是', '有', '提供', '已提供', '开通', '已开通', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '无', '没有', '未提供', '不提供', '未开通', '关闭', '已关闭', 'n', 'no', 'false', '0', '×', '✗', '✘']);

/** 是/否 and the ways tables write it; null for an empty cell, undefined for text that is neither. */
export function yesNo(text: string): boolean | null | undefined {
  const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!key) return null;
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
}
