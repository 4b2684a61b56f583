/**
 * The early warnings' delivery file (`govscore watch --notify FILE`): the SMTP server, and per department the
 * sites it answers for, its e-mail addresses and its webhook. Written by hand, so a mistake names the file,
 * the line and the field. Secrets may be named by environment variable rather than written in the file.
 */
import { readFileSync } from 'node:fs';

import { type Static, Type } from '@sinclair/typebox';

import { checkSchema, ConfigError, configErrorAt, parseYamlSource } from '../../common/config-errors.js';
import { defaultWarningLeads, type WarningLeads } from '../../evaluators/early-warnings.js';

const Days = (what: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: `days before ${what} a warning is given` }));

const DepartmentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'the department, e.g. 市教育局' }),
    sites: Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { minItems: 1, description: 'the ids of its sites in the sites file, e.g. [jyj]' }),
    email: Type.Optional(Type.Array(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }), { description: 'addresses the warnings are mailed to' })),
    webhook: Type.Optional(
      Type.Object(
        {
          url: Type.String({ pattern: '^https?://', description: 'the address the warnings are POSTed to as JSON' }),
          secret: Type.Optional(Type.String({ minLength: 16, description: 'the HMAC-SHA256 key of the signature header (at least 16 characters)' })),
          secretEnv: Type.Optional(Type.String({ pattern: '^[A-Z_][A-Z0-9_]*$', description: 'the environment variable holding the key instead' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'one department: name, sites, and email and/or webhook' },
);

export const WatchConfigSchema = Type.Object(
  {
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.String({ minLength: 1 }),
          port: Type.Integer({ minimum: 1, maximum: 65535 }),
          secure: Type.Optional(Type.Boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered' })),
          user: Type.Optional(Type.String()),
          passwordEnv: Type.Optional(Type.String({ pattern: '^[A-Z_][A-Z0-9_]*$', description: 'the environment variable holding the SMTP password' })),
          from: Type.String({ minLength: 3, description: 'the sender, e.g. 网站监测 <monitor@example.gov.cn>' }),
        },
        { additionalProperties: false },
      ),
    ),
    leadDays: Type.Optional(
      Type.Object(
        {
          homepage: Days('the homepage’s 2 weeks run out'),
          news: Days('a 要闻/动态 column’s 2 weeks run out'),
          notice: Days('a 通知公告 column’s 6 months run out'),
          policy: Days('a 政策文件 column’s 6 months run out'),
          other: Days('another column’s year runs out'),
          letter: Days('a letter is 3 months unanswered'),
        },
        { additionalProperties: false },
      ),
    ),
    departments: Type.Array(DepartmentSchema, { description: 'who gets the warnings of which sites' }),
  },
  { additionalProperties: false, title: 'govscore watch delivery file' },
);

export interface Department {
  name: string;
  sites: string[];
  email: string[];
  webhook: { url: string; secret: string } | null;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface WatchConfig {
  smtp: SmtpSettings | null;
  leads: WarningLeads;
  departments: Department[];
}

export const noDelivery: WatchConfig = { smtp: null, leads: defaultWarningLeads, departments: [] };

export function loadWatchConfig(path: string, env: NodeJS.ProcessEnv = process.env): WatchConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ConfigError(path, 1, '(file)', `cannot be read: ${reason}`, 'check the path of the --notify file');
  }
  const source = parseYamlSource(text, path);
  checkSchema(source, WatchConfigSchema);
  const raw = source.value as Static<typeof WatchConfigSchema>;
  const departments = raw.departments.map((d, i): Department => {
    if (!d.email?.length && !d.webhook)
      throw configErrorAt(source, ['departments', i], 'has neither email nor webhook', 'give it email addresses, a webhook or both', '请填写 email 或 webhook');
    if (d.email?.length && !raw.smtp)
      throw configErrorAt(source, ['departments', i, 'email'], 'e-mail needs an smtp section', 'add smtp: host, port, from', '发送邮件需要填写 smtp 设置');
    let webhook: Department['webhook'] = null;
    if (d.webhook) {
      const secret = d.webhook.secret ?? (d.webhook.secretEnv ? env[d.webhook.secretEnv] : undefined);
      if (!secret || secret.length < 16)
        throw configErrorAt(
          source,
          ['departments', i, 'webhook'],
          d.webhook.secretEnv ? `the environment variable ${d.webhook.secretEnv} holds no key of 16 characters or more` : 'has no secret',
          'set secret (16+ characters) or secretEnv',
          'webhook 需要至少 16 个字符的签名密钥（secret 或 secretEnv）',
        );
      webhook = { url: d.webhook.url, secret };
    }
    return { name: d.name, sites: d.sites, email: d.email ?? [], webhook };
  });
  const leads = raw.leadDays ?? {};
  const columns = defaultWarningLeads.columns;
  return {
    smtp: raw.smtp
      ? {
          host: raw.smtp.host,
          port: raw.smtp.port,
          secure: raw.smtp.secure ?? false,
          user: raw.smtp.user ?? null,
          password: raw.smtp.passwordEnv ? (env[raw.smtp.passwordEnv] ?? null) : null,
          from: raw.smtp.from,
        }
      : null,
    leads: {
      ...defaultWarningLeads,
      homepage: leads.homepage ?? defaultWarningLeads.homepage,
      letter: leads.letter ?? defaultWarningLeads.letter,
      columns: {
        news: leads.news ?? columns.news,
        notice: leads.notice ?? columns.notice,
        policy: leads.policy ?? columns.policy,
        personnel: leads.other ?? columns.personnel,
        planning: leads.other ?? columns.planning,
        other: leads.other ?? columns.other,
      },
    },
    departments,
  };
}
