import { ConfigError } from '../../common/config-errors.js';
import { minPasswordLength, type Role, roles } from '../store/accounts.js';
import { Store } from '../store/store.js';

/** `govscore users add`: an account; the password comes from GOVSCORE_PASSWORD or the first line of stdin, never the command line. */
export async function addUser(options: { db: string; login: string; name: string; role: string; sites: string[] }): Promise<void> {
  if (!roles.includes(options.role as Role)) throw new ConfigError(options.db, 1, '--role', `unknown role ${options.role}`, `use one of: ${roles.join(', ')}`);
  if (options.role === 'department' && !options.sites.length)
    throw new ConfigError(options.db, 1, '--sites', 'a department account needs its sites', 'give --sites jyj,jyj-2');
  const password = await newPassword(options.db);
  const store = new Store(options.db);
  try {
    const user = await store.accounts.add({ login: options.login, name: options.name, role: options.role as Role, password, sites: options.sites });
    store.reviews.audit(null, 'user-added', `user:${user.id}`, { login: user.login, role: user.role, sites: user.sites });
    console.log(`added ${user.role} ${user.login} (${user.name})${user.sites.length ? `, sites: ${user.sites.join(', ')}` : ''}`);
  } finally {
    store.close();
  }
}

async function firstLine(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? null;
}

/** The new password of `users add` and `users passwd`: at least 10 characters, from GOVSCORE_PASSWORD or stdin. */
async function newPassword(db: string): Promise<string> {
  const password = process.env['GOVSCORE_PASSWORD'] ?? (await firstLine());
  if (!password || password.length < minPasswordLength)
    throw new ConfigError(db, 1, 'password', `a password of at least ${minPasswordLength} characters is needed`, 'set GOVSCORE_PASSWORD or pipe it on stdin');
  return password;
}

/** `govscore users list`: every account, its role, its sites and whether it is disabled. */
export function listUsers(options: { db: string }): void {
  const store = new Store(options.db, { mustExist: true });
  try {
    for (const u of store.accounts.list())
      console.log([u.login, u.role, u.name, u.sites.join(',') || '—', u.disabled ? '已停用 disabled' : '启用 active', u.createdAt.slice(0, 10)].join('\t'));
  } finally {
    store.close();
  }
}

/** `govscore users passwd|disable|enable LOGIN`: a new password (sessions end), or the account stopped or restored; audited. */
export async function changeUser(options: { db: string; login: string; change: 'passwd' | 'disable' | 'enable' }): Promise<void> {
  const password = options.change === 'passwd' ? await newPassword(options.db) : null;
  const store = new Store(options.db, { mustExist: true });
  try {
    const user = store.accounts.byLogin(options.login);
    if (!user) throw new ConfigError(options.db, 1, 'login', `no account ${options.login}`, 'see govscore users list');
    if (password !== null) await store.accounts.setPassword(user.id, password);
    else store.accounts.setDisabled(user.id, options.change === 'disable');
    const action = { passwd: 'user-password-reset', disable: 'user-disabled', enable: 'user-enabled' }[options.change];
    store.reviews.audit(null, action, `user:${user.id}`, { login: user.login });
    console.log(
      {
        passwd: `password of ${user.login} changed; its sessions ended`,
        disable: `${user.login} disabled; its sessions ended`,
        enable: `${user.login} enabled`,
      }[options.change],
    );
  } finally {
    store.close();
  }
}
