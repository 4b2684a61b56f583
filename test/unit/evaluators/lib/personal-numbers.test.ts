import { describe, expect, it } from 'vitest';

import { findPersonalNumbers, isIdCardNumber, maskNumber, passesLuhn } from '../../../../evaluators/lib/personal-numbers.js';

// 11010519491231002X is the worked example of GB 11643-1999; the other check characters were worked out by
// hand with the standard's weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder → 1 0 X 9 8 7 6 5 4 3 2).
const validIds = ['11010519491231002X', '110101199003071233', '44030419851231002X', '320102200002294567'];

describe('isIdCardNumber', () => {
  it.each(validIds)('accepts %s', (id) => expect(isIdCardNumber(id, 2026)).toBe(true));
  it('accepts a lower-case x', () => expect(isIdCardNumber('11010519491231002x', 2026)).toBe(true));
  it.each([
    ['a wrong check character', '110101199003071234'],
    ['an unknown province', '990101199003071233'],
    ['30 February', '110101199002301235'],
    ['29 February of a common year', '320102200102294567'],
    ['a birth year after the evaluation', '110101203003071233'],
    ['17 digits', '11010119900307123'],
  ])('refuses %s', (_, id) => expect(isIdCardNumber(id, 2026)).toBe(false));
});

describe('passesLuhn', () => {
  it('accepts the classic examples', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('4111111111111111')).toBe(true);
  });
  it('refuses a changed digit', () => {
    expect(passesLuhn('79927398714')).toBe(false);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('maskNumber', () => {
  it('keeps an ID number up to its birth date, a mobile its ends, a card its first 6 and last 4', () => {
    expect(maskNumber('id-card', '110101199003071233')).toBe('11010119900307****');
    expect(maskNumber('mobile', '13812345678')).toBe('138****5678');
    expect(maskNumber('bank-card', '4111111111111111')).toBe('411111******1111');
  });
});

describe('findPersonalNumbers', () => {
  const kinds = (text: string) => findPersonalNumbers(text, 2026).map((h) => [h.kind, h.masked]);

  it('finds an ID number in a list of people, masked', () => {
    expect(kinds('王某某，身份证号110101199003071233，住址略。')).toEqual([['id-card', '11010119900307****']]);
  });
  it('finds a mobile number, also written in groups, but not a published contact line', () => {
    expect(kinds('申请人手机13812345678；家属 139-1234-5678。')).toEqual([
      ['mobile', '138****5678'],
      ['mobile', '139****5678'],
    ]);
    expect(kinds('咨询电话：13812345678')).toEqual([]);
    expect(kinds('联系人：张某 13812345678')).toEqual([]);
    // An invitation to call is a published channel too; an address line is not.
    expect(kinds('其他问题可以联系小编:13812345678')).toEqual([]);
    expect(kinds('如有疑问请联系 139-1234-5678。')).toEqual([]);
    expect(kinds('王某 联系地址：某街道1号 13812345678')).toEqual([['mobile', '138****5678']]);
    expect(kinds('拟任人员：王某某，身份证号已隐去，联系手机13812345678')).toEqual([['mobile', '138****5678']]);
    // A table's label cell is read as the line above its value: a procurement notice's contacts.
    expect(kinds('采购单位联系方式\n易女士 邱先生;18975079580 18627455418')).toEqual([]);
    // 手机 alone says nothing about being published on purpose; a list of people has no contact word.
    expect(kinds('名单\n王某 手机 13812345678\n李某 13912345678')).toEqual([
      ['mobile', '138****5678'],
      ['mobile', '139****5678'],
    ]);
  });
  it('finds a bank card next to a word saying so, and only then', () => {
    expect(kinds('补贴发放至银行卡号 4111 1111 1111 1111。')).toEqual([['bank-card', '411111******1111']]);
    expect(kinds('订单编号 4111111111111111')).toEqual([]);
    expect(kinds('银行卡号 4111111111111112')).toEqual([]);
  });
  it('leaves masked forms and longer digit runs alone', () => {
    expect(kinds('手机138****1234，身份证110101********1234')).toEqual([]);
    expect(kinds('文号 20261234567890123456789，编号 A13812345678')).toEqual([]);
    expect(kinds('/detail/110101199003071233999.html')).toEqual([]);
    // Filing numbers going on after a hyphen: 公安备案, 等保备案.
    expect(kinds('公安机关备案号：15080202009004-00001；备案证明13101990001-17001')).toEqual([]);
  });
  it('gives the offsets of the number in the text', () => {
    const [hit] = findPersonalNumbers('手机：13812345678。', 2026);
    expect([hit!.start, hit!.end]).toEqual([3, 14]);
  });
});
