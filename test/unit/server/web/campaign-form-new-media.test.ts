import { describe, expect, it } from 'vitest';

import { checkCampaignForm, FormProblem } from '../../../../server/app/web/campaign-form.js';

const form = (text: string) => ({
  text,
  fileName: 'sites.yaml',
  indicators: 'national-2019',
  asOf: '',
  maxPages: '',
  rateLimitPatience: '',
  sample: '',
  seed: '',
});
const sites = 'name: 测试\nasOf: 2026-11-21\nsites:\n  - { id: a, name: 某局, url: "https://a.example.gov.cn/" }\n';

describe('the web campaign form and the new-media register', () => {
  it('refuses a sites file naming a register (its path is lost in the upload), in Chinese, and takes the file without it', () => {
    let problem: unknown;
    try {
      checkCampaignForm(form(`${sites}newMedia: 台账.xlsx\n`), ['national-2019']);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(FormProblem);
    expect((problem as FormProblem).problems).toEqual([
      '网页新建评估暂不支持政务新媒体登记表：站点文件中的 newMedia（台账.xlsx）上传后无法找到。请删去该行，或在命令行用 govscore assess --new-media 评估。',
    ]);
    expect(checkCampaignForm(form(sites), ['national-2019']).sites.newMedia).toBeNull();
  });
});
