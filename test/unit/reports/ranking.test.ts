import { describe, expect, it } from 'vitest';

import { type Rankable, rankWithinGroups } from '../../../reports/ranking.js';

const site = (id: string, score: number | null, vetoed = false, group = '市直部门'): Rankable => ({ id, group, score, vetoed });
const ranksOf = (sites: Rankable[]) => Object.fromEntries(rankWithinGroups(sites));

describe('rankWithinGroups', () => {
  it('ranks by score, highest first', () => {
    expect(ranksOf([site('a', 70), site('b', 90), site('c', 80)])).toEqual({ b: 1, c: 2, a: 3 });
  });

  it('lets ties share a rank and skips the next one (1, 2, 2, 4)', () => {
    expect(ranksOf([site('a', 95), site('b', 88), site('c', 88), site('d', 70)])).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('handles a tie at the top and a three-way tie (1, 1, 3, 3, 3, 6)', () => {
    expect(ranksOf([site('a', 99), site('b', 99), site('c', 80), site('d', 80), site('e', 80), site('f', 10)])).toEqual({ a: 1, b: 1, c: 3, d: 3, e: 3, f: 6 });
  });

  it('does not depend on the order of the input', () => {
    const sites = [site('a', 95), site('b', 88), site('c', 88), site('d', 70), site('e', 100, true)];
    expect(ranksOf([...sites].reverse())).toEqual(ranksOf(sites));
  });

  it('ranks each group separately', () => {
    const ranks = ranksOf([site('a', 90, false, '区县'), site('b', 80, false, '市直部门'), site('c', 70, false, '区县'), site('d', 95, false, '市直部门')]);
    expect(ranks).toEqual({ a: 1, c: 2, d: 1, b: 2 });
  });

  it('puts vetoed sites below every site without a veto, even with a higher score', () => {
    expect(ranksOf([site('vetoed', 99, true), site('low', 61), site('lower', 40)])).toEqual({ low: 1, lower: 2, vetoed: 3 });
  });

  it('orders vetoed sites among themselves by score', () => {
    expect(ranksOf([site('v1', 80, true), site('ok', 50), site('v2', 95, true), site('v3', 80, true)])).toEqual({ ok: 1, v2: 2, v1: 3, v3: 3 });
  });

  it('does not tie a vetoed site with a non-vetoed site of the same score', () => {
    expect(ranksOf([site('a', 90, true), site('b', 90)])).toEqual({ b: 1, a: 2 });
  });

  it('gives unassessed sites no rank and does not count them', () => {
    const ranks = rankWithinGroups([site('a', 90), site('down', null), site('b', 80), site('blocked', null, true)]);
    expect(ranks.get('down')).toBeNull();
    expect(ranks.get('blocked')).toBeNull();
    expect(ranks.has('down')).toBe(true);
    expect(ranks.get('a')).toBe(1);
    expect(ranks.get('b')).toBe(2);
  });

  it('ranks a score of 0 (assessed) rather than treating it as unassessed', () => {
    expect(ranksOf([site('zero', 0), site('none', null), site('some', 10)])).toEqual({ some: 1, zero: 2, none: null });
  });

  it('returns an empty map for no sites', () => {
    expect(rankWithinGroups([]).size).toBe(0);
  });
});
