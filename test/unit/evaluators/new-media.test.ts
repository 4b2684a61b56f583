import { describe, expect, it } from 'vitest';

import { evaluateNewMedia, type NewMediaAccount, newMediaFindings, type NewMediaObservation } from '../../../evaluators/new-media.js';

const source = { file: '台账.xlsx', sha256: 'ab'.repeat(32), sheet: '新媒体' };

function account(o: Partial<NewMediaAccount> & Pick<NewMediaAccount, 'platform' | 'name'>): NewMediaAccount {
  return { link: null, lastPost: null, postsInTwoWeeks: null, interaction: null, unanswered: null, line: 2, ...o };
}

const observed = (...accounts: NewMediaAccount[]): NewMediaObservation => ({ source, accounts });

describe('new-media freshness against the evaluation date', () => {
  const wechat = account({ platform: '微信公众号', name: '某市教育发布', lastPost: '2026-11-07', line: 3 });

  it('14 days without a post is still fresh, 15 is stale: the 2-week rule counts back from asOf', () => {
    expect(evaluateNewMedia(observed(wechat), '2026-11-21')!.accounts[0]).toMatchObject({ days: 14, status: 'fresh' });
    const later = evaluateNewMedia(observed(wechat), '2026-11-22')!;
    expect(later.accounts[0]).toMatchObject({ days: 15, status: 'stale' });
    expect([later.staleAccounts, later.freshShare, later.measured]).toEqual([1, 0, 1]);
  });

  it('an account without a last-post date is not measured, never stale; with none dated the count is not measured', () => {
    const undated = account({ platform: '微博', name: '某市教育', line: 4 });
    const m = evaluateNewMedia(observed(undated), '2026-11-21')!;
    expect(m.accounts[0]).toMatchObject({ status: 'not-measured', days: null, notMeasured: '登记表未填写最后发布日期' });
    expect([m.staleAccounts, m.freshShare, m.measured]).toEqual([null, null, 0]);
    const mixed = evaluateNewMedia(observed(wechat, undated), '2026-11-30')!;
    expect([mixed.staleAccounts, mixed.freshShare, mixed.measured]).toEqual([1, 0, 1]);
  });

  it('a post after the evaluation date says nothing about the two weeks before it: not measured', () => {
    const m = evaluateNewMedia(observed(account({ platform: '抖音', name: '某市教育', lastPost: '2026-11-25' })), '2026-11-21')!;
    expect(m.accounts[0]!.status).toBe('not-measured');
    expect(m.accounts[0]!.notMeasured).toContain('晚于评估日期');
  });

  it('a site with no register rows is not measured (null), never zero', () => {
    expect(evaluateNewMedia(undefined, '2026-11-21')).toBeNull();
    expect(evaluateNewMedia(observed(), '2026-11-21')).toBeNull();
    expect(newMediaFindings(null)).toEqual({});
  });
});

describe('one account per platform, and interaction', () => {
  const accounts = [
    account({ platform: '微信公众号', name: '某市教育发布', lastPost: '2026-11-20', interaction: true, unanswered: 0, line: 2 }),
    account({ platform: '微信公众号', name: '某市教育服务', lastPost: '2026-10-01', interaction: false, line: 3 }),
    account({ platform: '微博', name: '@某市教育', lastPost: '2026-11-19', unanswered: 4, link: 'https://weibo.com/u/100', line: 4 }),
    account({ platform: '抖音', name: '某市教育', lastPost: '2026-11-18', line: 5 }),
  ];
  const m = evaluateNewMedia(observed(...accounts), '2026-11-21')!;

  it('counts the platforms with more than one account and marks those accounts', () => {
    expect(m.duplicatePlatforms).toBe(1);
    expect(m.accounts.map((a) => a.duplicate)).toEqual([true, true, false, false]);
  });

  it('counts accounts without interaction and unanswered messages only where the table says', () => {
    expect([m.noInteraction, m.unansweredMessages]).toEqual([1, 4]);
    const silent = evaluateNewMedia(observed(account({ platform: '快手', name: '某', lastPost: '2026-11-20' })), '2026-11-21')!;
    expect([silent.noInteraction, silent.unansweredMessages, silent.duplicatePlatforms]).toEqual([null, null, 0]);
  });

  it('names each account, its platform, its last post and the days in the findings', () => {
    const findings = newMediaFindings(m);
    expect(findings['newMedia.stale']).toEqual([
      {
        subject: 'account:微信公众号:某市教育服务',
        message: '微信公众号「某市教育服务」超过两周未更新：最后发布 2026-10-01（距评估日 51 天）',
        url: null,
        evidence: '台账.xlsx（工作表 新媒体） 第 3 行',
      },
    ]);
    expect(findings['newMedia.duplicates']![0]!.message).toBe('微信公众号开设了 2 个账号（「某市教育发布」、「某市教育服务」），同一平台原则上只开设一个账号');
    expect(findings['newMedia.noInteraction']!.map((f) => [f.message, f.url])).toEqual([['微信公众号「某市教育服务」未提供互动功能', null]]);
    expect(findings['newMedia.unanswered']!.map((f) => [f.message, f.url])).toEqual([['微博「@某市教育」有 4 条留言未回复', 'https://weibo.com/u/100']]);
    expect(findings['newMedia.accounts']).toHaveLength(4);
  });
});
