import { describe, expect, it } from 'vitest';

import type { Ipv6Observation } from '../../../evaluators/collect/ipv6.js';
import { evaluateIpv6, ipv6Findings } from '../../../evaluators/ipv6.js';
import { measurementsFrom } from '../../../evaluators/site-measurements.js';
import { scoreSite } from '../../../indicators/engine.js';
import { loadIndicatorSet } from '../../../indicators/load.js';

const page = (title: string) => ({ status: 200, error: null, sha256: title, title, links: 10 });
const observed = (o: Partial<Ipv6Observation> = {}): Ipv6Observation => ({
  host: 'www.example.gov.cn',
  notTried: null,
  v4: ['192.0.2.1'],
  v6: ['2001:db8::1'],
  homepage: { v4: page('某市人民政府'), v6: page('某市人民政府'), sameLinksShare: 1 },
  links: { tried: 19, ok: 19, failed: [] },
  ...o,
});

describe('IPv6 readiness (B4)', () => {
  const set = loadIndicatorSet('national-2019');
  // A site with nothing deducted (above 80 points, so the bonus counts), measured only for IPv6.
  const clean = {
    updateFrequency: { staleKeyColumns: 0, staleOtherColumns: 0, blank: 0, newsItemsInWindow: 20, homepage: { ageDays: 1 } },
    availability: { failureRatio: 0 },
  };
  const bonus = (o: Ipv6Observation) =>
    scoreSite(set, measurementsFrom({ ...clean, ipv6: evaluateIpv6(o) }), ipv6Findings(evaluateIpv6(o))).indicators.find((i) => i.id === 'B4')!;

  it('earns the bonus when the homepage is the same over IPv6 and at least 90 % of the pages tried answer', () => {
    expect(bonus(observed())).toMatchObject({ status: 'earned', score: 2 });
    // 18 of 19 links and the homepage: 19/20 = 95 %.
    const one = observed({ links: { tried: 19, ok: 18, failed: [{ url: 'http://www.example.gov.cn/a/', level: 2, status: 404, error: null }] } });
    expect(evaluateIpv6(one)!.readyShare).toBe(0.95);
    expect(bonus(one)).toMatchObject({ score: 2 });
    // 15 of 19: 16/20 = 80 %, below the set's 90 %.
    expect(bonus(observed({ links: { tried: 19, ok: 15, failed: [] } }))).toMatchObject({ score: 0 });
  });

  it('gives nothing without an IPv6 address or when IPv6 serves another page, and says why', () => {
    const none = observed({ v6: [], homepage: { v4: page('某市人民政府'), v6: null, sameLinksShare: null }, links: null });
    expect(bonus(none)).toMatchObject({ score: 0 });
    expect(ipv6Findings(evaluateIpv6(none))['ipv6.readiness']![0]!.message).toBe('域名没有IPv6地址（AAAA记录）');
    const other = observed({ homepage: { v4: page('某市人民政府'), v6: { ...page('Welcome to nginx!'), links: 0 }, sameLinksShare: 0 } });
    expect(evaluateIpv6(other)).toMatchObject({ homepageSame: false, readyShare: 0 });
    expect(ipv6Findings(evaluateIpv6(other))['ipv6.readiness']![0]!.message).toContain('与IPv4不同');
  });

  it('is not measured — never 0 — for a site addressed by an IP literal, and lists each failing page', () => {
    const literal = evaluateIpv6(observed({ notTried: 'ip-literal', v4: [], v6: [], homepage: null, links: null }));
    expect(bonus(observed({ notTried: 'ip-literal', v4: [], v6: [], homepage: null, links: null }))).toMatchObject({ status: 'not-measured' });
    expect(ipv6Findings(literal)['ipv6.readiness']![0]!.message).toContain('未测量');
    const failing = ipv6Findings(
      evaluateIpv6(observed({ links: { tried: 2, ok: 1, failed: [{ url: 'http://www.example.gov.cn/x/', level: 1, status: null, error: 'timeout' }] } })),
    );
    expect(failing['ipv6.readiness']![1]).toMatchObject({ url: 'http://www.example.gov.cn/x/' });
    expect(failing['ipv6.readiness']![1]!.message).toMatch(/^一级页面通过IPv6无法访问（.+）$/);
  });
});
