import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadWatchConfig } from '../../../../server/config/watch-config.js';

const dir = mkdtempSync(join(tmpdir(), 'govscore-watch-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the delivery file of govscore watch', () => {
  it('reads departments, the SMTP server, secrets from the environment and the lead days over the defaults', () => {
    const config = loadWatchConfig(
      file(
        'ok.yaml',
        `smtp: { host: mail.example.gov.cn, port: 587, user: monitor, passwordEnv: SMTP_PASSWORD, from: 网站监测 <m@example.gov.cn> }
leadDays: { news: 6, other: 45 }
departments:
  - name: 市教育局
    sites: [jyj]
    email: [web@jyj.example.gov.cn]
    webhook: { url: https://jyj.example.gov.cn/hook, secretEnv: JYJ_SECRET }
`,
      ),
      { SMTP_PASSWORD: 'pw', JYJ_SECRET: 'sixteen-chars-or-more' },
    );
    expect(config.smtp).toMatchObject({ host: 'mail.example.gov.cn', port: 587, secure: false, user: 'monitor', password: 'pw' });
    expect(config.departments).toEqual([
      {
        name: '市教育局',
        sites: ['jyj'],
        email: ['web@jyj.example.gov.cn'],
        webhook: { url: 'https://jyj.example.gov.cn/hook', secret: 'sixteen-chars-or-more' },
      },
    ]);
    expect(config.leads.columns).toMatchObject({ news: 6, notice: 30, policy: 30, other: 45, personnel: 45 });
    expect(config.leads.homepage).toBe(4);
  });

  it('names the file, line and field of a mistake', () => {
    const noSecret = file(
      'no-secret.yaml',
      'departments:\n  - name: 市教育局\n    sites: [jyj]\n    webhook: { url: https://a.example/hook, secretEnv: MISSING_SECRET }\n',
    );
    expect(() => loadWatchConfig(noSecret, {})).toThrow(`${noSecret}:4: departments[0].webhook: the environment variable MISSING_SECRET holds no key`);
    const noSmtp = file('no-smtp.yaml', 'departments:\n  - name: 市教育局\n    sites: [jyj]\n    email: [a@b.example]\n');
    expect(() => loadWatchConfig(noSmtp, {})).toThrow(`${noSmtp}:4: departments[0].email: e-mail needs an smtp section`);
    const nowhere = file('nowhere.yaml', 'departments:\n  - name: 市教育局\n    sites: [jyj]\n');
    expect(() => loadWatchConfig(nowhere, {})).toThrow(`${nowhere}:2: departments[0]: has neither email nor webhook`);
    const badLead = file('bad-lead.yaml', 'leadDays: { news: -1 }\ndepartments: []\n');
    expect(() => loadWatchConfig(badLead, {})).toThrow(`${badLead}:1: leadDays.news`);
  });
});
