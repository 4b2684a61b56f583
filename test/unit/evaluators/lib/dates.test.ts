import { describe, expect, it } from 'vitest';

import { daysBetween, findDates, labelledDate, parseDateValue, rowDate } from '../../../../evaluators/lib/dates.js';

const context = { asOf: '2026-11-21' };
const dates = (text: string, asOf = context.asOf) => findDates(text, { asOf }).map((d) => d.date);
const row = (text: string, asOf = context.asOf) => rowDate(text, { asOf });
const article = (text: string, asOf = context.asOf) => labelledDate(text, { asOf });

describe('findDates: formats', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-3', '2026-11-03'],
    ['2026-1-3', '2026-01-03'],
    ['2026/11/03', '2026-11-03'],
    ['2026.11.03', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['2026年11月03日', '2026-11-03'],
    ['2026 年 11 月 3 日', '2026-11-03'],
    ['２０２６－１１－０３', '2026-11-03'],
  ])('reads %s', (text, expected) => {
    expect(dates(text)).toEqual([expected]);
  });

  it.each([
    ['2026-11-03 10:20', '2026-11-03'],
    ['2026-11-03 10:20:00', '2026-11-03'],
    ['2026/11/03 10:20', '2026-11-03'],
    ['2026年11月3日 10:20', '2026-11-03'],
    ['2026年11月3日10时20分', '2026-11-03'],
    ['2026-11-03T10:20:00+08:00', '2026-11-03'],
  ])('reads %s, with a time after it', (text, expected) => {
    expect(dates(text)).toEqual([expected]);
  });

  it.each(['[2026-11-03]', '(2026-11-03)', '【2026-11-03】', '（2026-11-03）', '〔2026年11月3日〕'])('reads %s in brackets', (text) => {
    expect(dates(text)).toEqual(['2026-11-03']);
  });

  it.each(['11-03', '[11-03]', '(11-03)', '【11-03】', '（11-03）', '11/03', '11月3日', '11月03日'])('reads year-less %s', (text) => {
    expect(findDates(text, context)).toEqual([expect.objectContaining({ date: '2026-11-03', yearInferred: true })]);
  });

  it('reports where each date starts and how it was written', () => {
    expect(findDates('发布时间：[2026-11-03] 浏览 12 次 11月5日', context)).toEqual([
      { date: '2026-11-03', index: 6, text: '2026-11-03', yearInferred: false },
      { date: '2026-11-05', index: 26, text: '11月5日', yearInferred: true },
    ]);
  });

  it('keeps the original text of full-width dates', () => {
    expect(findDates('（２０２６／１１／０３）', context)).toEqual([{ date: '2026-11-03', index: 1, text: '２０２６／１１／０３', yearInferred: false }]);
  });

  it('finds every date in order of appearance', () => {
    expect(dates('成文日期：2026-10-30 发布日期：2026年11月3日 更新：11-05')).toEqual(['2026-10-30', '2026-11-03', '2026-11-05']);
  });

  it('reads dates next to Chinese text without spaces', () => {
    expect(dates('于2026年11月3日召开')).toEqual(['2026-11-03']);
    expect(dates('标题2026-11-03来源')).toEqual(['2026-11-03']);
  });

  it('finds nothing in empty text', () => {
    expect(findDates('', context)).toEqual([]);
  });
});

describe('findDates: two-digit years', () => {
  it('reads 18-03-08 as 2018-03-08, a time run on or not', () => {
    expect(dates('发布时间：18-03-0823:16')).toEqual(['2018-03-08']);
    expect(dates('18-03-08 23:16')).toEqual(['2018-03-08']);
  });

  it('puts a two-digit year after the evaluation year in the last century', () => {
    expect(dates('98-12-31')).toEqual(['1998-12-31']);
  });

  it('reads no impossible day and no longer number as a two-digit-year date', () => {
    expect(dates('18-13-08')).toEqual([]);
    expect(dates('0571-18-03-08')).toEqual([]);
  });
});

describe('findDates: year inference', () => {
  it('takes the latest such day not after asOf, across the new year', () => {
    expect(dates('12-20', '2026-01-05')).toEqual(['2025-12-20']);
    expect(dates('01-03', '2026-01-05')).toEqual(['2026-01-03']);
    expect(dates('12月31日', '2026-01-05')).toEqual(['2025-12-31']);
    expect(dates('1月1日', '2026-01-05')).toEqual(['2026-01-01']);
  });

  it('keeps asOf itself in the current year and puts the day after it in the past year', () => {
    expect(dates('01-05', '2026-01-05')).toEqual(['2026-01-05']);
    expect(dates('01-06', '2026-01-05')).toEqual(['2025-01-06']);
  });

  it('puts 02-29 in the last leap year', () => {
    expect(dates('02-29', '2026-03-01')).toEqual(['2024-02-29']);
    expect(dates('02-29', '2028-03-01')).toEqual(['2028-02-29']);
    expect(dates('02-29', '2028-02-28')).toEqual(['2024-02-29']);
  });

  it('does not infer the year of dates that have one', () => {
    expect(findDates('2027-12-20', { asOf: '2026-01-05' })).toEqual([expect.objectContaining({ date: '2027-12-20', yearInferred: false })]);
  });
});

describe('findDates: not dates', () => {
  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-11-31'],
    ['2026-11-00'],
    ['2025-02-29'],
    ['2026年2月30日'],
    ['2026年13月1日'],
    ['02-30'],
    ['13-01'],
    ['11-31'],
    ['00-10'],
    ['13月1日'],
  ])('rejects the impossible day %s', (text) => {
    expect(dates(text)).toEqual([]);
  });

  it.each([['1989-12-31'], ['2101-01-01'], ['0571-11-03'], ['1972年5月3日']])(
    'rejects the out-of-range year in %s, without reading its month and day',
    (text) => {
      expect(dates(text)).toEqual([]);
    },
  );

  it('accepts the boundary years', () => {
    expect(dates('1990-01-01 2100-12-31')).toEqual(['1990-01-01', '2100-12-31']);
  });

  it.each([
    ['a phone number', '电话：0571-87001234'],
    ['a phone number in parts', '0571-8700-1234'],
    ['a phone number with brackets', '(0571)87051234'],
    ['a mobile number', '138-0571-1234'],
    ['a fax number', '传真：010-12345678'],
    ['an index number', '索引号：11356500MB1705571X/2026-08500'],
    ['a document number', '江发改〔2026〕12号'],
    ['a document number in ASCII brackets', '浙政办发[2026]3号'],
    ['a bare year', '2025年'],
    ['a year and month', '1972年5月'],
    ['a recent year and month', '2026年11月'],
    ['a numeric year and month', '2026-11'],
    ['an ICP number', '浙ICP备05012345号-1'],
    ['an ICP number with a year-like part', '京ICP备2026011103号-2'],
    ['a police registration number', '浙公网安备 33010202000123号'],
    ['a time', '10:20'],
    ['a time with seconds', '10:20:00'],
    ['a time range', '10:20-11:30'],
    ['a view count', '浏览次数：1103'],
    ['a view count in brackets', '[点击：2026]'],
    ['a copyright range', '©2005-2026 版权所有'],
    ['a copyright range with a dash', '2005—2026'],
    ['a page counter', '第1/5页'],
    ['a number range', '3-5个工作日'],
    ['a decimal number', '11.03万'],
    ['an IP address', '192.168.1.1'],
    ['a version number', 'V2026.11.03.1'],
    ['a month and day inside a longer number', '12345-11-03'],
    ['a month and day followed by more digits', '11-0345'],
    ['a month and day after more digits', '编号：2023-0011-03'],
    ['a month and day after a number and a dash', '第3-11-03号'],
    ['a month and day after a number and a slash', '12/11/03'],
    ['a US-style date', '11/03/2026'],
    ['a postal code', '邮编：310000'],
  ])('rejects %s', (_what, text) => {
    expect(dates(text)).toEqual([]);
  });

  it('finds the real date among decoys', () => {
    expect(dates('索引号：11356500MB1705571X/2026-08500 文号：江发改〔2026〕12号 电话：0571-87001234 2026-11-03 10:20')).toEqual(['2026-11-03']);
  });
});

describe('rowDate', () => {
  it('reads the only date of a row', () => {
    expect(row(' [2026-11-03]')).toBe('2026-11-03');
    expect(row('（11-03）')).toBe('2026-11-03');
  });

  it('takes the last date when several are unlabelled: the rightmost column', () => {
    expect(row('2026-10-30 江发改〔2026〕12号 2026-11-03')).toBe('2026-11-03');
    expect(row('2026-11-03 2026-10-30')).toBe('2026-10-30');
  });

  it('prefers a date labelled 发布日期 over a later unlabelled date', () => {
    expect(row('发布日期：2026-11-03 2026-11-10')).toBe('2026-11-03');
  });

  it.each(['发布日期：', '发布时间：', '发布：', '更新时间：', '日期：', '发布日期 ', '发布时间:', '发布时间：['])(
    'lets a date after %s win over a 成文日期 to its right',
    (label) => {
      expect(row(`${label}2026-11-03 成文日期：2026-11-10`)).toBe('2026-11-03');
      expect(row(`成文日期：2026-10-30 ${label}2026-11-03`)).toBe('2026-11-03');
    },
  );

  it.each(['成文日期：', '印发日期：', '生成日期：', '写作日期：'])('never returns a date after %s', (label) => {
    expect(row(`${label}2026-11-10`)).toBeNull();
    expect(row(`2026-11-03 ${label}2026-11-10`)).toBe('2026-11-03');
    expect(row(`${label}2026-11-10 发布日期：2026-11-11`)).toBe('2026-11-11');
  });

  it('does not let a label reach past a date to the next one', () => {
    expect(row('成文日期：2026-10-30 2026-11-03')).toBe('2026-11-03');
    expect(row('发布日期：2026-11-03 10:20 2026-11-10')).toBe('2026-11-03');
  });

  it('prefers 发布 over 更新时间 and 更新时间 over a bare 日期', () => {
    expect(row('发布日期：2026-11-03 更新时间：2026-11-05')).toBe('2026-11-03');
    expect(row('日期：2026-11-01 更新时间：2026-11-05')).toBe('2026-11-05');
  });

  it('takes the last of several dates with equally good labels', () => {
    expect(row('发布时间：2026-11-03 发布时间：2026-11-04')).toBe('2026-11-04');
  });

  it('does not take a compound word ending in 日期 or 时间 as a publication label', () => {
    expect(row('截止时间：2026-12-01')).toBeNull();
    expect(row('2026-11-03 办结日期：2026-11-10')).toBe('2026-11-10');
  });

  it('ignores decoys in the row', () => {
    expect(row('索引号：11356500MB1705571X/2026-08500 江发改〔2026〕12号 0571-87001234')).toBeNull();
    expect(row('浏览次数：1103 2026-11-03')).toBe('2026-11-03');
  });

  it('infers the year of a year-less row date across the new year', () => {
    expect(row('[12-28]', '2026-01-05')).toBe('2025-12-28');
    expect(row('[01-02]', '2026-01-05')).toBe('2026-01-02');
  });

  it('returns null when there is no date', () => {
    expect(row('')).toBeNull();
    expect(row('关于印发《XX办法》的通知')).toBeNull();
  });
});

describe('labelledDate', () => {
  it.each(['发布时间：', '发布日期：', '更新时间：', '日期：', '时间：', '发布时间:', '发布时间： ', '发布日期：【'])('reads the date after %s', (label) => {
    expect(article(`关于开展检查的通知 ${label}2026-11-03 10:20 来源：市政府办公室`)).toBe('2026-11-03');
  });

  it('reads every format after a label', () => {
    expect(article('发布时间：2026年11月3日')).toBe('2026-11-03');
    expect(article('发布时间：2026/11/3')).toBe('2026-11-03');
    expect(article('发布日期：11-03')).toBe('2026-11-03');
  });

  it('returns null without a labelled date', () => {
    expect(article('关于开展检查的通知 2026-11-03 来源：市政府办公室')).toBeNull();
    expect(article('根据2026年11月3日会议精神')).toBeNull();
    expect(article('')).toBeNull();
  });

  it('never reads 成文日期 or 印发日期', () => {
    expect(article('成文日期：2026-10-30')).toBeNull();
    expect(article('印发日期：2026-10-30')).toBeNull();
    expect(article('成文日期：2026-10-30 发布日期：2026-11-03')).toBe('2026-11-03');
    expect(article('发布日期：2026-11-03 成文日期：2026-10-30')).toBe('2026-11-03');
  });

  it('prefers 发布 over 更新时间 over a bare 日期, wherever they are', () => {
    expect(article('更新时间：2026-11-05 发布时间：2026-11-03')).toBe('2026-11-03');
    expect(article('日期：2026-11-01 更新时间：2026-11-05')).toBe('2026-11-05');
  });

  it('takes the first of equally good labelled dates, the one nearest the title', () => {
    expect(article('发布时间：2026-11-03 正文…… 发布时间：2026-11-04')).toBe('2026-11-03');
  });

  it('ignores unlabelled dates before the labelled one', () => {
    expect(article('2026年11月10日 发布时间：2026-11-03')).toBe('2026-11-03');
  });

  it('does not take 会议时间 or 截止时间 as a publication label', () => {
    expect(article('会议时间：2026-11-10')).toBeNull();
    expect(article('报名截止时间：2026-12-01')).toBeNull();
  });
});

describe('parseDateValue', () => {
  it.each([
    ['2026-11-03 10:20', '2026-11-03'],
    ['2026-11-03 10:20:00', '2026-11-03'],
    ['2026/11/03', '2026-11-03'],
    ['2026.11.03', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['2026-11-03T10:20:00+08:00', '2026-11-03'],
    [' 2026-11-3 ', '2026-11-03'],
    ['20261103', '2026-11-03'],
    ['20261103102000', '2026-11-03'],
  ])('parses %s', (value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });

  it.each([[''], ['11-03'], ['11月3日'], ['2026-02-30'], ['2026-13-01'], ['1989-12-31'], ['20260230'], ['2026'], ['10:20'], ['not a date']])(
    'rejects %j',
    (value) => {
      expect(parseDateValue(value)).toBeNull();
    },
  );
});

describe('daysBetween', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-11-03', '2026-11-03')).toBe(0);
    expect(daysBetween('2026-11-03', '2026-11-04')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-11-21', '2026-11-21')).toBe(365);
  });

  it('is negative when the dates are the other way round', () => {
    expect(daysBetween('2026-11-04', '2026-11-03')).toBe(-1);
  });
});

describe('rowDate: relative times against the moment the page was read', () => {
  // 2026-11-21 10:00 in China (UTC+8).
  const readAt = Date.parse('2026-11-21T02:00:00Z');
  const relative = (text: string) => rowDate(text, { asOf: '2026-11-21', readAt });
  it.each([
    ['刚刚', '2026-11-21'],
    ['8小时前', '2026-11-21'],
    ['11小时前', '2026-11-20'],
    ['3天前', '2026-11-18'],
    ['今天 09:20', '2026-11-21'],
    ['昨天', '2026-11-20'],
    ['前天 18:00', '2026-11-19'],
  ])('%s is %s', (text, expected) => {
    expect(relative(text)).toBe(expected);
  });
  it("does not take the template's clock (今天是…) for an item's date", () => {
    expect(relative('今天是2026年12月3日 无障碍浏览 | 长者模式 | 网站地图 | 联系我们')).toBeNull();
    expect(relative('今天：2026-12-03 星期四')).toBeNull();
  });
});
