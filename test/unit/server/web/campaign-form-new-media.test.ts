import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { type CampaignForm, checkCampaignForm, checkRegister, FormProblem, saveCampaign } from '../../../../server/app/web/campaign-form.js';
import { assessArgs, campaignOptions } from '../../../../server/app/web/campaign-runner.js';
import { Store } from '../../../../server/store/store.js';

const form = (text: string, register: CampaignForm['register'] = null): CampaignForm => ({
  text,
  fileName: 'sites.yaml',
  indicators: 'national-2019',
  asOf: '',
  maxPages: '',
  rateLimitPatience: '',
  sample: '',
  seed: '',
  register,
});
const sites = 'name: 测试\nasOf: 2026-11-21\nsites:\n  - { id: a, name: 某局, url: "https://a.example.gov.cn/" }\n';
const csv = (rows: string) => ({ name: '新媒体台账.csv', bytes: Buffer.from(`网站,平台,账号名称,最后发布日期\n${rows}`) });

async function problemsOf(action: () => unknown): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof FormProblem) return error.problems;
    throw error;
  }
  return [];
}

describe('the web campaign form and the new-media register', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('asks for the register a sites file names (its path is lost in the upload), in Chinese, and takes the file without it', async () => {
    expect(await problemsOf(() => checkCampaignForm(form(`${sites}newMedia: 台账.xlsx\n`), ['national-2019']))).toEqual([
      '站点文件指定了政务新媒体登记表 台账.xlsx，请在“政务新媒体登记表”中上传该文件（或删去站点文件中的 newMedia 一行）。',
    ]);
    expect(checkCampaignForm(form(`${sites}newMedia: 台账.xlsx\n`, csv('a,微信公众号,某局发布,2026-11-20\n')), ['national-2019']).sites.newMedia).toBe(
      '台账.xlsx',
    );
    expect(checkCampaignForm(form(sites), ['national-2019']).sites.newMedia).toBeNull();
  });

  it('reads the uploaded register against the sites file and names the row of a site it does not know', async () => {
    const checked = checkCampaignForm(form(sites), ['national-2019']);
    expect(await problemsOf(() => checkRegister(form(sites, csv('a,微信公众号,某局发布,2026-11-20\n')), checked.sites))).toEqual([]);
    const [problem, ...more] = await problemsOf(() =>
      checkRegister(form(sites, csv('a,微信公众号,某局发布,2026-11-20\nzz,微博,别家,2026-11-01\n')), checked.sites),
    );
    expect(more).toEqual([]);
    expect(problem).toMatch(/^政务新媒体登记表 新媒体台账\.csv 第 3 行（字段 .+）有误：.*zz/);
    expect(await problemsOf(() => checkRegister(form(sites, { name: '台账.xls', bytes: Buffer.from('x') }), checked.sites))).toEqual([
      expect.stringMatching(/^政务新媒体登记表 台账\.xls 第 1 行/),
    ]);
  });

  it('keeps the register in the campaign’s folder and gives it to assess as --new-media', async () => {
    dir = mkdtempSync(join(tmpdir(), 'govscore-campaign-'));
    const store = new Store(':memory:');
    try {
      const user = await store.accounts.add({ login: 'pinggu', name: '评估办', role: 'evaluator', password: 'a-long-enough-password-1' });
      const register = csv('a,微信公众号,某局发布,2026-11-20\n');
      const sent = form(sites, register);
      const campaign = saveCampaign(store, dir, sent, checkCampaignForm(sent, ['national-2019']), user.id);
      const options = campaignOptions(campaign);
      expect(options.newMedia).toBe('new-media.csv');
      expect(readFileSync(join(dirname(campaign.sitesFile), 'new-media.csv'))).toEqual(register.bytes);
      const args = assessArgs({ bin: 'b', sitesFile: campaign.sitesFile, dbFile: 'd', out: 'o', ...options });
      expect(args.slice(args.indexOf('--new-media'), args.indexOf('--new-media') + 2)).toEqual([
        '--new-media',
        join(dirname(campaign.sitesFile), 'new-media.csv'),
      ]);
    } finally {
      store.close();
    }
  });
});
