// The ceiling: the fastest this machine can serve Switchboard's hottest pages from the same
// database. `node:http`, a `pg` pool of the same size as Switchboard's, one raw SQL query per
// page plus the session row, and a template string that renders the same rows as the real page
// (names, emails, numbers formatted by the same lib/kernel/phone, permissions, the next-page link).
//
// What it skips, on purpose: the JWT (no cookie is decrypted; the admin id comes from
// BENCH_ADMIN_ID), React, layouts, the RSC payload, security headers. What it keeps, to be fair:
// a lookup of the admin's row on every request, as Switchboard checks the session against the
// database on every request. Each answer carries `x-bench-queries`, the queries it ran. The API's
// two reads (/api/v1/users?accountId=…, /api/v1/users/{userId}) are answered as JSON the same way,
// with the bearer token's row and its admin looked up on every request, as Switchboard does.
//
//   PORT=3302 DATABASE_URL=postgres://… BENCH_ADMIN_ID=… node --import tsx bench/ceiling.ts
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { decodeCursor, encodeCursor, PAGE_SIZE } from '../lib/kernel/pagination';
import { formatPhoneNumber, searchDigits } from '../lib/kernel/phone';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const permissions = (u: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean }) =>
  [u.inboundCalling && 'Inbound calling', u.outboundCalling && 'Outbound calling', u.sms && 'SMS'].filter(Boolean).join(', ') || 'None';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main>${body}</main></body></html>`;

type Q = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function sessionAdmin(q: Q, adminId: string): Promise<boolean> {
  const [admin] = await q(`SELECT id, role, "allAccounts", "disabledAt", "sessionVersion" FROM "Admin" WHERE id = $1`, [adminId]);
  return Boolean(admin && !admin.disabledAt);
}

type UserRow = {
  accountName: string;
  id: string | null;
  fullName: string;
  email: string;
  inboundCalling: boolean;
  outboundCalling: boolean;
  sms: boolean;
  e164: string | null;
  /** The account's present users (pg returns a bigint as text). */
  total: string;
};

async function usersPage(q: Q, accountId: string, after: string | null): Promise<string | null> {
  const cursor = decodeCursor(after ?? undefined);
  // One query: the account's name, how many users it has, and one page (plus one row, to know if there is more).
  const rows = (await q(
    // The count is joined once for the account: as a correlated subquery in the select list it was
    // evaluated again for each of the page's rows, 26 counts a request.
    `SELECT a.name AS "accountName", u.id, u."fullName", u.email, u."inboundCalling", u."outboundCalling", u.sms, p.e164, t.total
     FROM "Account" a
     CROSS JOIN LATERAL (SELECT count(*) AS total FROM "User" c WHERE c."accountId" = a.id AND c."removedAt" IS NULL) t
     LEFT JOIN LATERAL (
       SELECT id, "fullName", email, "inboundCalling", "outboundCalling", sms FROM "User"
       WHERE "accountId" = a.id AND "removedAt" IS NULL ${cursor ? `AND ("fullName", id) > ($2, $3)` : ''}
       ORDER BY "fullName", id LIMIT ${PAGE_SIZE + 1}) u ON true
     LEFT JOIN "PhoneNumber" p ON p."userId" = u.id
     WHERE a.id = $1 ORDER BY u."fullName", u.id`,
    cursor ? [accountId, cursor.key, cursor.id] : [accountId],
  )) as UserRow[];
  if (!rows.length) return null;
  const users = rows.filter((r) => r.id).slice(0, PAGE_SIZE);
  const last = users[users.length - 1];
  const path = `/accounts/${accountId}/users`;
  const next =
    rows.filter((r) => r.id).length > PAGE_SIZE && last
      ? `<a href="${path}?after=${encodeCursor({ key: last.fullName, id: last.id! })}">Next</a>`
      : '';
  const prev = cursor ? `<a href="javascript:history.back()">Previous</a>` : '';
  const body = users
    .map(
      (u) =>
        `<tr><td><a href="${path}/${u.id}">${esc(u.fullName)}</a></td><td>${esc(u.email)}</td><td>${u.e164 ? esc(formatPhoneNumber(u.e164)) : 'None'}</td><td>${permissions(u)}</td></tr>`,
    )
    .join('');
  return page(
    `Users – ${rows[0]!.accountName} – Switchboard`,
    `<h1>Users</h1><p>${users.length ? `${cursor?.at !== undefined ? cursor.at + 1 : 1}–` : ''}${Number(rows[0]!.total).toLocaleString('en-US')} users</p><table><thead><tr><th>Full name</th><th>Email</th><th>Phone number</th><th>Calling and SMS</th></tr></thead><tbody>${body}</tbody></table>${prev}${next}`,
  );
}

async function userPage(q: Q, accountId: string, userId: string): Promise<string | null> {
  const [u] = await q(
    `SELECT a.name AS "accountName", u."fullName", u.email, u."userType", u.license, u."registrationStatus", u."invitationStatus",
            u."inboundCalling", u."outboundCalling", u.sms, u."telephonyChangedAt", u."lastSignInAt", p.id AS "phoneNumberId", p.e164
     FROM "User" u JOIN "Account" a ON a.id = u."accountId" LEFT JOIN "PhoneNumber" p ON p."userId" = u.id
     WHERE u.id = $1 AND u."accountId" = $2`,
    [userId, accountId],
  );
  if (!u) return null;
  const s = (v: unknown) => esc(String(v));
  return page(
    `${u.fullName} – Switchboard`,
    `<h1>${s(u.fullName)}</h1><dl><dt>Account</dt><dd>${s(u.accountName)}</dd><dt>Email</dt><dd>${s(u.email)}</dd>` +
      `<dt>User type</dt><dd>${s(u.userType)}</dd><dt>License</dt><dd>${s(u.license)}</dd><dt>Registration</dt><dd>${s(u.registrationStatus)}</dd>` +
      `<dt>Invitation</dt><dd>${s(u.invitationStatus)}</dd><dt>Phone number</dt><dd>${u.e164 ? s(formatPhoneNumber(String(u.e164))) : 'None'}</dd>` +
      `<dt>Calling and SMS</dt><dd>${permissions(u as UserRow)}</dd><dt>Last sign-in</dt><dd>${u.lastSignInAt ? s((u.lastSignInAt as Date).toISOString()) : 'Never'}</dd></dl>` +
      `<h2>Actions</h2><ul><li><a href="/accounts/${accountId}/users/${userId}/assign-phone-number">Assign phone number</a></li>` +
      `<li><a href="/accounts/${accountId}/users/${userId}/edit-telephony-permissions">Edit telephony permissions</a></li></ul>`,
  );
}

/** The API's caller, as Switchboard checks a token on every call: the token by its secret's hash, with its admin. */
async function tokenAdmin(q: Q, authorization: string | undefined): Promise<boolean> {
  const secret = authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!secret) return false;
  const [t] = await q(
    `SELECT t."revokedAt", t."expiresAt", t."adminVersion", a."sessionVersion", a."disabledAt"
     FROM "ApiToken" t JOIN "Admin" a ON a.id = t."adminId" WHERE t."secretHash" = $1`,
    [crypto.createHash('sha256').update(secret).digest('hex')],
  );
  return Boolean(
    t && !t.revokedAt && !t.disabledAt && t.adminVersion === t.sessionVersion && (!t.expiresAt || (t.expiresAt as Date) > new Date()),
  );
}

const permissionsOf = (u: Record<string, unknown>) => ({
  inboundCalling: Boolean(u.inboundCalling),
  outboundCalling: Boolean(u.outboundCalling),
  sms: Boolean(u.sms),
});

/** GET /api/v1/users?accountId=…: the users page's one query, answered as the API's JSON list. */
async function usersJson(q: Q, accountId: string, after: string | null): Promise<string | null> {
  const cursor = decodeCursor(after ?? undefined);
  const rows = await q(
    `SELECT u.id, u."fullName", u.email, u.license, u."registrationStatus", u."inboundCalling", u."outboundCalling", u.sms, p.e164, t.total
     FROM "Account" a
     CROSS JOIN LATERAL (SELECT count(*) AS total FROM "User" c WHERE c."accountId" = a.id AND c."removedAt" IS NULL) t
     LEFT JOIN LATERAL (
       SELECT id, "fullName", email, license, "registrationStatus", "inboundCalling", "outboundCalling", sms FROM "User"
       WHERE "accountId" = a.id AND "removedAt" IS NULL ${cursor ? `AND ("fullName", id) > ($2, $3)` : ''}
       ORDER BY "fullName", id LIMIT ${PAGE_SIZE + 1}) u ON true
     LEFT JOIN "PhoneNumber" p ON p."userId" = u.id
     WHERE a.id = $1 ORDER BY u."fullName", u.id`,
    cursor ? [accountId, cursor.key, cursor.id] : [accountId],
  );
  if (!rows.length) return null;
  const users = rows.filter((r) => r.id);
  const shown = users.slice(0, PAGE_SIZE);
  const last = shown[shown.length - 1];
  return JSON.stringify({
    items: shown.map((u) => ({
      id: u.id,
      accountId,
      fullName: u.fullName,
      email: u.email,
      license: u.license,
      registrationStatus: u.registrationStatus,
      suspended: u.registrationStatus === 'Suspended',
      e164: u.e164 ?? null,
      permissions: permissionsOf(u),
    })),
    next: users.length > PAGE_SIZE && last ? encodeCursor({ key: String(last.fullName), id: String(last.id) }) : null,
    prev: null,
    total: Number(rows[0]!.total),
  });
}

/** GET /api/v1/users/{userId}: one query, answered as the API's user. */
async function userJson(q: Q, userId: string): Promise<string | null> {
  const [u] = await q(
    `SELECT u.id, u."accountId", u."fullName", u.email, u."userType", u.license, u."registrationStatus", u."invitationStatus",
            u."removedAt", u."inboundCalling", u."outboundCalling", u.sms, u.version, p.id AS "phoneNumberId", p.e164
     FROM "User" u LEFT JOIN "PhoneNumber" p ON p."userId" = u.id WHERE u.id = $1`,
    [userId],
  );
  if (!u) return null;
  return JSON.stringify({
    id: u.id,
    accountId: u.accountId,
    fullName: u.fullName,
    email: u.email,
    userType: u.userType,
    license: u.license,
    registrationStatus: u.registrationStatus,
    invitationStatus: u.invitationStatus,
    suspended: u.registrationStatus === 'Suspended',
    removedAt: u.removedAt ? (u.removedAt as Date).toISOString() : null,
    phoneNumber: u.phoneNumberId ? { id: u.phoneNumberId, e164: u.e164 } : null,
    permissions: permissionsOf(u),
    version: u.version,
  });
}

async function inventoryPage(q: Q, search: string | null): Promise<string> {
  const digits = search ? searchDigits(search) : '';
  const rows = await q(
    `SELECT p.id, p.e164, p.country, p.type, p."productType", p.status, p."canInboundCall", p."canOutboundCall", p."canSms", p."canMms",
            p."callingName", u.id AS "userId", u."fullName", a.name AS "accountName", p."accountId"
     FROM "PhoneNumber" p LEFT JOIN "User" u ON u.id = p."userId" LEFT JOIN "Account" a ON a.id = p."accountId"
     ${digits ? `WHERE p.e164 LIKE '%' || $1 || '%'` : ''} ORDER BY p.e164, p.id LIMIT ${PAGE_SIZE + 1}`,
    digits ? [digits] : [],
  );
  const shown = rows.slice(0, PAGE_SIZE);
  const body = shown
    .map((n) => {
      const caps = [n.canInboundCall && 'Inbound call', n.canOutboundCall && 'Outbound call', n.canSms && 'SMS', n.canMms && 'MMS']
        .filter(Boolean)
        .join(', ');
      const who = n.userId
        ? `<a href="/accounts/${n.accountId}/users/${n.userId}">${esc(String(n.fullName))}</a> (${esc(String(n.accountName))})`
        : '';
      return `<tr><td><a href="/phone-numbers/${n.id}">${esc(formatPhoneNumber(String(n.e164)))}</a></td><td>${n.country}</td><td>${n.type}</td><td>${n.productType}</td><td>${n.status}</td><td>${caps}</td><td>${who}</td></tr>`;
    })
    .join('');
  const last = shown[shown.length - 1];
  const next =
    rows.length > PAGE_SIZE && last
      ? `<a href="/phone-numbers?q=${encodeURIComponent(digits)}&after=${encodeCursor({ key: String(last.e164), id: String(last.id) })}">Next</a>`
      : '';
  return page(
    'Phone numbers – Switchboard',
    `<h1>Phone numbers</h1><form action="/phone-numbers"><input name="q" value="${esc(digits)}"></form><table><tbody>${body}</tbody></table>${next}`,
  );
}

export function startCeiling(options: { port: number; databaseUrl: string; adminId: string; poolSize?: number }): Promise<http.Server> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let queries = 0;
    const q: Q = async (sql, params) => {
      queries++;
      return (await pool.query(sql, params)).rows;
    };
    try {
      const url = new URL(req.url ?? '/', 'http://ceiling.invalid');
      const parts = url.pathname.split('/').filter(Boolean);
      let html: string | null = null;
      if (parts[0] === 'api' && parts[1] === 'v1') {
        // The API's two reads (bench/run.ts times them beside the pages): a bearer token, JSON.
        if (!(await tokenAdmin(q, req.headers.authorization))) {
          res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}');
          return;
        }
        let body: string | null = null;
        if (parts[2] === 'users' && parts.length === 3)
          body = await usersJson(q, url.searchParams.get('accountId') ?? '', url.searchParams.get('after'));
        else if (parts[2] === 'users' && parts.length === 4) body = await userJson(q, parts[3]!);
        if (body === null)
          res.writeHead(404, { 'content-type': 'application/problem+json', 'x-bench-queries': String(queries) }).end('{"status":404}');
        else res.writeHead(200, { 'content-type': 'application/json', 'x-bench-queries': String(queries) }).end(body);
        return;
      }
      if (!(await sessionAdmin(q, options.adminId))) {
        res.writeHead(303, { location: '/login' }).end();
        return;
      }
      if (parts[0] === 'accounts' && parts[2] === 'users' && parts.length === 3)
        html = await usersPage(q, parts[1]!, url.searchParams.get('after'));
      else if (parts[0] === 'accounts' && parts[2] === 'users' && parts.length === 4) html = await userPage(q, parts[1]!, parts[3]!);
      else if (parts[0] === 'phone-numbers' && parts.length === 1) html = await inventoryPage(q, url.searchParams.get('q'));
      if (html === null) res.writeHead(404, { 'content-type': 'text/plain', 'x-bench-queries': String(queries) }).end('Not found');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-bench-queries': String(queries) }).end(html);
    } catch (err) {
      console.error(err);
      res.writeHead(500).end('error');
    }
  };
  // handle() answers every error itself, so nothing is left for the server to catch.
  const server = http.createServer((req, res) => void handle(req, res));
  server.on('close', () => void pool.end());
  return new Promise((resolve) => server.listen(options.port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1]?.endsWith('ceiling.ts')) {
  const port = Number(process.env.PORT ?? 3302);
  const databaseUrl = process.env.DATABASE_URL;
  const adminId = process.env.BENCH_ADMIN_ID;
  if (!databaseUrl || !adminId) throw new Error('Set DATABASE_URL and BENCH_ADMIN_ID.');
  await startCeiling({ port, databaseUrl, adminId, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  console.log(`ceiling listening on http://127.0.0.1:${port}`);
}
