import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../../../common/config-errors.js';
import { sentenceAround } from '../../../../evaluators/lib/quotes.js';
import { type DictionaryFile, type DictionaryFileName, parseDictionaries } from '../../../../evaluators/lib/text-dictionaries.js';
import { compileDictionaries, findWording } from '../../../../evaluators/lib/wording-matcher.js';

const file = (name: DictionaryFileName, text: string): DictionaryFile => ({ name, text, sha256: createHash('sha256').update(text).digest('hex') });

const leaders = file('leaders.csv', '姓名,职务,状态\n林向东,市长,在任\n陈立平,常务副市长,在任\n赵志刚,副市长,离任\n何雨,区长、区委副书记,在任\n');
const wording = file('wording.csv', '错误写法,正确写法,说明\n按装,安装,错别字\n台湾政府,台湾当局,规范表述\n');
const sensitive = file('sensitive.csv', '词语,类别,整词\n六合彩,赌博,否\n代开,违法广告,是\n');
const compiled = compileDictionaries(parseDictionaries([leaders, wording, sensitive], 'dicts'));
const found = (text: string) => findWording(text, compiled).map((h) => [h.kind, h.found, h.source]);

describe('parseDictionaries: errors name file, line and field', () => {
  const error = (f: DictionaryFile) => {
    try {
      parseDictionaries([f], 'dicts');
    } catch (e) {
      return e instanceof ConfigError ? `${e.file}:${e.line}: ${e.field}: ${e.problem}` : String(e);
    }
    return 'no error';
  };
  it('a status that is neither 在任 nor 离任', () => {
    expect(error(file('leaders.csv', '# 注释\n姓名,职务,状态\n林向东,市长,在任\n周明远,市委书记,在岗\n'))).toBe(
      'dicts/leaders.csv:4: 状态: 在岗 is not a status',
    );
  });
  it('an empty required cell, under the header as written (English)', () => {
    expect(error(file('wording.csv', 'wrong,right\n按装,\n'))).toBe('dicts/wording.csv:2: right: is empty');
  });
  it('an unknown column and a missing one', () => {
    expect(error(file('sensitive.csv', '词语,级别\n代开发票,高\n'))).toBe('dicts/sensitive.csv:1: 级别: is not a column of this file');
    expect(error(file('leaders.csv', '姓名,职务\n林向东,市长\n'))).toBe('dicts/leaders.csv:1: 状态: column is missing from the header');
  });
  it('a whole-word flag that is not 是/否, and a right form equal to the wrong one', () => {
    expect(error(file('sensitive.csv', '词语,类别,整词\n棋牌,赌博,也许\n'))).toBe('dicts/sensitive.csv:2: 整词: 也许 is not 是 or 否');
    expect(error(file('wording.csv', '错误写法,正确写法\n安装,安装\n'))).toBe('dicts/wording.csv:2: 正确写法: is the same as the wrong form');
  });
  it('a cell with a line break keeps the lines after it right', () => {
    expect(error(file('leaders.csv', '姓名,职务,状态,说明\n林向东,市长,在任,"两行\n说明"\n周明远,书记,不详\n'))).toBe(
      'dicts/leaders.csv:4: 状态: 不详 is not a status',
    );
  });
  it('reads several titles of one leader', () => {
    expect(parseDictionaries([leaders], 'dicts').leaders.at(-1)!.titles).toEqual(['区长', '区委副书记']);
  });
});

describe('findWording', () => {
  it('finds a wrong word and a non-standard expression, with the entry’s line', () => {
    expect(found('请按装软件。关于台湾政府的表述')).toEqual([
      ['wrong-word', '按装', 'wording.csv:2'],
      ['wrong-word', '台湾政府', 'wording.csv:3'],
    ]);
  });
  it('finds a sensitive term anywhere, a whole-word one only as a word', () => {
    expect(found('购买六合彩')).toEqual([['sensitive', '六合彩', 'sensitive.csv:2']]);
    // Intl.Segmenter splits 代|开展: a term that must stand as a word is not found inside 开展.
    expect(found('受委托代开展工作')).toEqual([]);
    expect(found('可代开各类发票')).toEqual([['sensitive', '代开', 'sensitive.csv:3']]);
  });
  it('finds a leader with a title not theirs, before or after the name', () => {
    expect(found('副市长林向东出席会议')).toEqual([['leader-title', '副市长林向东', 'leaders.csv:2']]);
    expect(found('陈立平副市长主持')).toEqual([['leader-title', '陈立平副市长', 'leaders.csv:3']]);
    expect(found('林向东同志（副市长）')).toEqual([['leader-title', '林向东同志（副市长', 'leaders.csv:2']]);
  });
  it('leaves a leader with their own title alone, whichever of their titles', () => {
    expect(found('市长林向东、常务副市长陈立平出席。林向东市长指出')).toEqual([]);
    expect(found('区委副书记何雨、区长何雨')).toEqual([]);
  });
  it('finds a retired leader still called by a title, but not a former one', () => {
    expect(found('副市长赵志刚讲话')).toEqual([['leader-retired', '副市长赵志刚', 'leaders.csv:4']]);
    expect(found('原副市长赵志刚、时任副市长赵志刚')).toEqual([]);
    expect(found('赵志刚一行')).toEqual([]);
  });
});

describe('sentenceAround', () => {
  it('cuts at the sentence ends', () => {
    expect(sentenceAround('第一句。请按装软件，谢谢。第三句', 6, 8)).toBe('请按装软件，谢谢。');
  });
  it('marks a cut inside a long sentence', () => {
    const text = `${'甲'.repeat(60)}按装${'乙'.repeat(60)}`;
    expect(sentenceAround(text, 60, 62, 5)).toBe('…甲甲甲甲甲按装乙乙乙乙乙…');
  });
  it('replaces a span, taking it whole when the cut would split it', () => {
    const text = '名单：王某，身份证号110101199003071233，住址略';
    expect(sentenceAround(text, 10, 28, 3, [{ start: 10, end: 28, text: '11010119900307****' }])).toBe('…份证号11010119900307****，住址…');
    expect(sentenceAround(text, 3, 4, 8, [{ start: 10, end: 28, text: '11010119900307****' }])).not.toContain('1233');
  });
});
