/**
 * Schema migrations, applied in order and recorded in schema_migrations. Never edit a released
 * migration: add the next one. Observations are stored as JSON per site and kind, so new evaluators
 * need no schema change; scores are keyed by the indicator set's sha256 so re-scores sit side by side.
 */
export const migrations: string[] = [
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,          -- what makes two commands "the same run": sites file, asOf, indicators, options
     name TEXT NOT NULL,
     as_of TEXT NOT NULL,
     sites_file TEXT NOT NULL,
     sites_sha256 TEXT NOT NULL,
     indicators TEXT NOT NULL,
     options_json TEXT NOT NULL,
     created_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE TABLE run_sites (
     run_id TEXT NOT NULL REFERENCES runs(id),
     site_id TEXT NOT NULL,
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     url TEXT NOT NULL,
     grp TEXT NOT NULL,
     services INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',  -- pending | assessed | unreachable | blocked | error
     status_reason TEXT,
     started_at TEXT,
     finished_at TEXT,
     PRIMARY KEY (run_id, site_id)
   );
   CREATE TABLE pages (
     run_id TEXT NOT NULL,
     site_id TEXT NOT NULL,
     url TEXT NOT NULL,
     final_url TEXT,
     status INTEGER,
     role TEXT NOT NULL,                 -- homepage | hub | column | list-page | article | content | failed
     ms INTEGER,
     error TEXT,
     PRIMARY KEY (run_id, site_id, url)
   );
   CREATE TABLE observations (
     run_id TEXT NOT NULL,
     site_id TEXT NOT NULL,
     kind TEXT NOT NULL,                 -- homepage | columns | probes | …
     json TEXT NOT NULL,
     collected_at TEXT NOT NULL,
     PRIMARY KEY (run_id, site_id, kind)
   );
   CREATE TABLE scores (
     run_id TEXT NOT NULL,
     site_id TEXT NOT NULL,
     indicator_set_id TEXT NOT NULL,
     indicator_set_version TEXT NOT NULL,
     indicator_set_sha256 TEXT NOT NULL,
     json TEXT NOT NULL,
     computed_at TEXT NOT NULL,
     PRIMARY KEY (run_id, site_id, indicator_set_sha256)
   );`,
  // 2: a content hash per page, to tell later whether a page changed.
  `ALTER TABLE pages ADD COLUMN hash TEXT;`,
  // 3: availability probes of the monitor, kept by site URL across runs (the V1 veto uses a week of them).
  `CREATE TABLE probes (
     url TEXT NOT NULL,
     at TEXT NOT NULL,
     ok INTEGER NOT NULL,
     status INTEGER,
     ms INTEGER NOT NULL,
     failure TEXT
   );
   CREATE INDEX probes_by_url ON probes (url, at);`,
  // 4: the crawl journal — each page's outcome as soon as it is done, so a killed run resumes mid-site.
  //    Emptied when the site's results are saved.
  `CREATE TABLE crawl_journal (
     run_id TEXT NOT NULL,
     site_id TEXT NOT NULL,
     page_key TEXT NOT NULL,
     json TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (run_id, site_id, page_key)
   );`,
  // 5: the site's level (government portal or department), which decides Art. 21 items and the report deadline.
  `ALTER TABLE run_sites ADD COLUMN level TEXT NOT NULL DEFAULT 'department';`,
  // 6: reviewers' overrides of one indicator for one site of a run (who, when, why). Rows are never
  //    deleted: a revoked override keeps its row, so the audit trail stays complete.
  `CREATE TABLE overrides (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     run_id TEXT NOT NULL REFERENCES runs(id),
     site_id TEXT NOT NULL,
     indicator_id TEXT NOT NULL,
     points REAL,
     veto INTEGER,
     reason TEXT NOT NULL,
     author TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT,
     revoked_by TEXT
   );
   CREATE INDEX overrides_by_run ON overrides (run_id, site_id);`,
  // 7: every indicator set a score was computed with, by content: an id + version names one text forever.
  `CREATE TABLE indicator_sets (
     sha256 TEXT PRIMARY KEY,
     id TEXT NOT NULL,
     version TEXT NOT NULL,
     text TEXT NOT NULL,
     first_used_at TEXT NOT NULL
   );`,
  // 8: the service: accounts (departments bound to their sites), sessions, published runs, appeals and
  //    the audit log of every step a person took.
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     login TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     role TEXT NOT NULL,                 -- admin | evaluator | department
     password_hash TEXT NOT NULL,        -- scrypt$N$r$p$salt$hash
     created_at TEXT NOT NULL
   );
   CREATE TABLE user_sites (
     user_id INTEGER NOT NULL REFERENCES users(id),
     site_id TEXT NOT NULL,
     PRIMARY KEY (user_id, site_id)
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,        -- sha256 of the cookie's token: a copied database opens no session
     user_id INTEGER NOT NULL REFERENCES users(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE publications (
     run_id TEXT PRIMARY KEY REFERENCES runs(id),
     published_at TEXT NOT NULL,
     published_by INTEGER NOT NULL REFERENCES users(id)
   );
   CREATE TABLE appeals (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     run_id TEXT NOT NULL REFERENCES runs(id),
     site_id TEXT NOT NULL,
     indicator_id TEXT NOT NULL,
     text TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'open', -- open | accepted | rejected
     created_by INTEGER NOT NULL REFERENCES users(id),
     created_at TEXT NOT NULL,
     decided_by INTEGER REFERENCES users(id),
     decided_at TEXT,
     decision TEXT,
     override_id INTEGER REFERENCES overrides(id)
   );
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     user_id INTEGER,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail TEXT
   );`,
  // 9: campaigns staff set up in the web app (their sites file kept as uploaded, the run they started),
  //    and appeal attachments (files next to the store; the row keeps the name, type and size).
  `CREATE TABLE campaigns (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     sites_file TEXT NOT NULL,           -- path of the sites file as saved
     indicators TEXT NOT NULL,           -- preset id or indicator-set path
     as_of TEXT NOT NULL,
     run_id TEXT REFERENCES runs(id),
     state TEXT NOT NULL DEFAULT 'draft', -- draft | running | finished | failed
     message TEXT,
     created_by INTEGER NOT NULL REFERENCES users(id),
     created_at TEXT NOT NULL
   );
   ALTER TABLE appeals ADD COLUMN attachment_name TEXT;
   ALTER TABLE appeals ADD COLUMN attachment_type TEXT;
   ALTER TABLE appeals ADD COLUMN attachment_bytes INTEGER;
   ALTER TABLE appeals ADD COLUMN attachment_path TEXT;`,
  // 10: accounts can be disabled (kept, with their audit trail and appeals, but no longer able to log in).
  `ALTER TABLE users ADD COLUMN disabled_at TEXT;`,
  // 11: a publication is a frozen version of the ranking (the sites as scored when published, the set's
  //     sha256); later changes (appeals, overrides, re-scores) reach the public only as a correction (更正),
  //     the next version, with its note and what it changed. Versions are never updated or deleted.
  `CREATE TABLE published_versions (
     run_id TEXT NOT NULL REFERENCES runs(id),
     version INTEGER NOT NULL,
     published_at TEXT NOT NULL,
     published_by INTEGER NOT NULL REFERENCES users(id),
     note TEXT,                          -- the correction's reason (更正说明); null for the first publication
     changes_json TEXT NOT NULL,         -- what changed from the version before (empty for the first)
     indicator_set_sha256 TEXT,          -- the set the published scores were computed with
     sites_json TEXT NOT NULL,           -- the sites as published: status, score (with findings), rank
     PRIMARY KEY (run_id, version)
   );`,
  // 12: the figures of a run being collected (sites in flight with their phase and pages, the time left), written
  //     by the collecting process every few seconds for the web's progress page; its row goes when collecting ends.
  `CREATE TABLE run_progress (
     run_id TEXT PRIMARY KEY REFERENCES runs(id),
     json TEXT NOT NULL,                 -- server/collect/progress.ts RunFigures
     updated_at TEXT NOT NULL            -- an older time than a few writes: the process stopped
   );`,
  // 13: the portal domain a department site should sit under (sites file `portal:`), for the domain rules; null when not declared.
  `ALTER TABLE run_sites ADD COLUMN portal TEXT;`,
  // 14: early warnings between campaigns (govscore watch): one row per episode of a warning (its site, what it is
  //     about, the window's last day), updated by every check that still finds it and closed by the first that does
  //     not; each delivery (webhook, e-mail) recorded, so a warning reaches a department once, not every day.
  `CREATE TABLE early_warnings (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     site_id TEXT NOT NULL,
     site_name TEXT NOT NULL,
     kind TEXT NOT NULL,                 -- homepage | column | blank-column | letter | availability
     indicator TEXT NOT NULL,            -- the veto it leads to: V1 … V6
     subject TEXT NOT NULL,              -- the column's or letter's address, or 'homepage'
     name TEXT NOT NULL,
     due TEXT NOT NULL DEFAULT '',       -- the window's last day ('' where no date decides it)
     days_left INTEGER,                  -- as of the last check that found it
     message TEXT NOT NULL,
     first_as_of TEXT NOT NULL,
     last_as_of TEXT NOT NULL,
     first_seen_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     closed_as_of TEXT                   -- the first check that no longer found it
   );
   CREATE INDEX early_warnings_open ON early_warnings (site_id, kind, subject, due) WHERE closed_as_of IS NULL;
   CREATE TABLE early_warning_deliveries (
     warning_id INTEGER NOT NULL REFERENCES early_warnings(id),
     channel TEXT NOT NULL,              -- webhook | email
     target TEXT NOT NULL,               -- the webhook's URL or the address
     state TEXT NOT NULL,                -- sent | failed
     attempts INTEGER NOT NULL,
     error TEXT,
     at TEXT NOT NULL,
     PRIMARY KEY (warning_id, channel, target)
   );`,
  // 15: reviewers' dismissals of one finding (误报 or 接受的例外), by finding key across runs, with the content hash of
  //     the page it rests on when dismissed: it holds while that page reads the same. Rows are never deleted (undone
  //     ones keep their row: the audit trail stays complete).
  `CREATE TABLE dismissals (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     site_id TEXT NOT NULL,
     finding_key TEXT NOT NULL,          -- reports/finding-key.ts: site/indicator/subject
     kind TEXT NOT NULL,                 -- false-positive | exception
     reason TEXT NOT NULL,
     run_id TEXT NOT NULL,               -- the run the finding was dismissed in
     basis_url TEXT,                     -- the page the finding rests on, null when it names no page read
     basis_hash TEXT,                    -- that page's content hash in that run
     author TEXT NOT NULL,
     user_id INTEGER,
     created_at TEXT NOT NULL,
     undone_at TEXT,
     undone_by TEXT
   );
   CREATE INDEX dismissals_by_site ON dismissals (site_id, finding_key);`,
  // 16: re-checks (整改复核): each re-check of a run's findings, its run of re-collected observations and its
  //     recheck.json; and the departments' marks that a finding is fixed (单位已标记整改), which the next re-check verifies.
  `CREATE TABLE rechecks (
     recheck_run_id TEXT PRIMARY KEY REFERENCES runs(id), -- the run holding what the re-check collected again
     run_id TEXT NOT NULL REFERENCES runs(id),            -- the run whose findings were re-checked
     deadline TEXT,                                       -- 整改期限 (YYYY-MM-DD) of the order, when given
     checked_at TEXT NOT NULL,
     result_json TEXT NOT NULL                            -- recheck.json (reports/recheck.ts RecheckResults)
   );
   CREATE INDEX rechecks_run ON rechecks (run_id, checked_at);
   CREATE TABLE finding_marks (
     run_id TEXT NOT NULL REFERENCES runs(id),
     site_id TEXT NOT NULL,
     finding_key TEXT NOT NULL,
     note TEXT NOT NULL,
     marked_by INTEGER REFERENCES users(id),
     marked_at TEXT NOT NULL,
     PRIMARY KEY (run_id, finding_key)
   );`,
];
