import { createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions, timingSafeEqual } from 'node:crypto';

import type Database from 'better-sqlite3';

export type Role = 'admin' | 'evaluator' | 'department';

/** Every password set here (CLI, the web's own change, an administrator's reset): long enough for the scrypt hash to be worth its cost. */
export const minPasswordLength = 10;
export const roles: readonly Role[] = ['admin', 'evaluator', 'department'];

export interface User {
  id: number;
  login: string;
  name: string;
  role: Role;
  /** Sites a department account may see (empty for staff, who see all). */
  sites: string[];
}

/** An account as an administrator lists it. */
export interface AccountRow extends User {
  disabled: boolean;
  createdAt: string;
}

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));

/** scrypt (N=2^15, r=8, p=1: 32 MiB and ~0.1 s a guess), parameters stored with the hash so they can grow. */
const kdf = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, kdf);
  return `scrypt$${kdf.N}$${kdf.r}$${kdf.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(N), r: Number(r), p: Number(p), maxmem: kdf.maxmem });
  return timingSafeEqual(key, expected);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Accounts and their sessions. Sessions live in the store, so a restart keeps people logged in. */
export class AccountTable {
  constructor(private db: Database.Database) {}

  async add(user: { login: string; name: string; role: Role; password: string; sites?: string[] }): Promise<User> {
    const hash = await hashPassword(user.password);
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO users (login, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(user.login, user.name, user.role, hash, new Date().toISOString());
      const bind = this.db.prepare('INSERT INTO user_sites VALUES (?, ?)');
      for (const site of user.sites ?? []) bind.run(info.lastInsertRowid, site);
      return Number(info.lastInsertRowid);
    })();
    return this.byId(id)!;
  }

  byId(id: number): User | null {
    const row = this.db.prepare('SELECT id, login, name, role FROM users WHERE id = ?').get(id) as Omit<User, 'sites'> | undefined;
    if (!row) return null;
    return { ...row, sites: this.db.prepare('SELECT site_id FROM user_sites WHERE user_id = ? ORDER BY site_id').pluck().all(id) as string[] };
  }

  byLogin(login: string): User | null {
    const id = this.db.prepare('SELECT id FROM users WHERE login = ?').pluck().get(login) as number | undefined;
    return id === undefined ? null : this.byId(id);
  }

  /** Every account, by login, with whether it is disabled. */
  list(): AccountRow[] {
    const rows = this.db.prepare('SELECT id, disabled_at, created_at FROM users ORDER BY login').all() as Array<{
      id: number;
      disabled_at: string | null;
      created_at: string;
    }>;
    return rows.map((r) => ({ ...this.byId(r.id)!, disabled: r.disabled_at !== null, createdAt: r.created_at }));
  }

  /** A new password; every session of the account ends (whoever had it logs in again). */
  async setPassword(userId: number, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    })();
  }

  /** A disabled account cannot log in and its sessions end; enabling it again restores its login. */
  setDisabled(userId: number, disabled: boolean): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabled ? new Date().toISOString() : null, userId);
      if (disabled) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    })();
  }

  /** Whether the password is the account's (for a change of one's own password). */
  async checkPassword(userId: number, password: string): Promise<boolean> {
    const stored = this.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string | undefined;
    return stored ? verifyPassword(password, stored) : false;
  }

  /** The user whose login and password match; null otherwise (the same answer for both mistakes, and for a disabled account). */
  async authenticate(login: string, password: string): Promise<User | null> {
    const row = this.db.prepare('SELECT id, password_hash FROM users WHERE login = ? AND disabled_at IS NULL').get(login) as
      { id: number; password_hash: string } | undefined;
    // A missing login still costs a hash, so timing does not tell which logins exist.
    const ok = await verifyPassword(
      password,
      row?.password_hash ?? `scrypt$${kdf.N}$${kdf.r}$${kdf.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`,
    );
    return ok && row ? this.byId(row.id) : null;
  }

  /** A new session: the token for the cookie (only its hash is stored). */
  openSession(userId: number, hours = 8): string {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    this.db
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)')
      .run(tokenHash(token), userId, now.toISOString(), new Date(now.getTime() + hours * 3_600_000).toISOString());
    return token;
  }

  sessionUser(token: string | undefined): User | null {
    if (!token) return null;
    const row = this.db.prepare('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?').get(tokenHash(token)) as
      { user_id: number; expires_at: string } | undefined;
    if (!row || row.expires_at < new Date().toISOString()) return null;
    return this.byId(row.user_id);
  }

  closeSession(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}
