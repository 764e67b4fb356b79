/**
 * node scripts/check-known-advisories.mjs — a stop-gap for `npm audit` where the registry's audit
 * endpoint cannot be reached (this project's build machines answer 405): every package in
 * package-lock.json that a well-known advisory of the last years concerns, against the version that
 * fixed it. It knows only the advisories listed below, by hand; it is no substitute for
 * `npm audit --omit=dev`, which should be run wherever the registry allows it (docs/security.md).
 * Exits 1 if a package is below its fix.
 */
import { readFileSync } from 'node:fs';

// package: [[line, fixed in, advisory], …] — `line` is the major version the fix applies to ('*' for all).
const ADVISORIES = {
  fastify: [['*', '5.3.2', 'CVE-2025-32442 content-type validation bypass']],
  ws: [['*', '8.17.1', 'CVE-2024-37890 DoS with many headers']],
  cookie: [['*', '0.7.0', 'CVE-2024-47764 out-of-bounds characters']],
  'path-to-regexp': [
    ['0', '0.1.12', 'CVE-2024-45296/52798 ReDoS'],
    ['6', '6.3.0', 'CVE-2024-45296'],
    ['8', '8.0.0', 'CVE-2024-45296'],
  ],
  'socket.io': [['*', '4.6.2', 'CVE-2024-38355 unhandled error event']],
  'socket.io-parser': [['*', '4.2.3', 'CVE-2023-32695 insufficient validation']],
  'engine.io': [['*', '6.4.2', 'CVE-2023-31125 uncaught exception']],
  jsonwebtoken: [['*', '9.0.0', 'CVE-2022-23529']],
  knex: [['*', '2.4.0', 'CVE-2016-20018 SQL injection (MySQL)']],
  pg: [['*', '8.11.0', 'no known advisory since 2017 (floor)']],
  braces: [['*', '3.0.3', 'CVE-2024-4068']],
  micromatch: [['*', '4.0.8', 'CVE-2024-4067 ReDoS']],
  'cross-spawn': [['*', '7.0.5', 'CVE-2024-21538 ReDoS']],
  nanoid: [['3', '3.3.8', 'CVE-2024-55565']],
  validator: [['*', '13.15.20', 'CVE-2025-56200 isURL bypass']],
  nodemailer: [['*', '7.0.7', 'GHSA-mm7p-fcc7-pg87 address parsing']],
  'form-data': [['4', '4.0.4', 'CVE-2025-7783 predictable boundary']],
  semver: [
    ['6', '6.3.1', 'CVE-2022-25883 ReDoS'],
    ['7', '7.5.2', 'CVE-2022-25883 ReDoS'],
  ],
  'brace-expansion': [
    ['1', '1.1.12', 'CVE-2025-5889'],
    ['2', '2.0.2', 'CVE-2025-5889'],
  ],
  minimatch: [['3', '3.0.5', 'CVE-2022-3517 ReDoS']],
  json5: [['2', '2.2.2', 'CVE-2022-46175 prototype pollution']],
  qs: [['6', '6.10.3', 'CVE-2022-24999 prototype pollution']],
  'tough-cookie': [['4', '4.1.3', 'CVE-2023-26136']],
  'word-wrap': [['*', '1.2.4', 'CVE-2023-26115']],
  undici: [
    ['5', '5.28.5', 'CVE-2025-22150'],
    ['6', '6.21.1', 'CVE-2025-22150'],
  ],
  tar: [['6', '6.2.1', 'CVE-2024-28863']],
  axios: [['1', '1.8.2', 'CVE-2025-27152 SSRF']],
  'follow-redirects': [['*', '1.15.6', 'CVE-2024-28849']],
  'body-parser': [['1', '1.20.3', 'CVE-2024-45590']],
  send: [['0', '0.19.0', 'CVE-2024-43799']],
  'serve-static': [['1', '1.16.0', 'CVE-2024-43800']],
  esbuild: [['0', '0.25.0', 'GHSA-67mh-4wv8-2f99 dev server']],
  vite: [['6', '6.2.6', 'CVE-2025-31486 dev server']],
  tmp: [['0', '0.2.4', 'CVE-2025-54798']],
  'on-headers': [['1', '1.1.0', 'CVE-2025-7339']],
  'sha.js': [['2', '2.4.12', 'CVE-2025-9288']],
  'cipher-base': [['1', '1.0.5', 'CVE-2025-9287']],
  pbkdf2: [['3', '3.1.3', 'CVE-2025-6545']],
  '@babel/helpers': [['7', '7.26.10', 'CVE-2025-27789']],
  multer: [['*', '2.0.2', 'CVE-2025-7338']],
  dompurify: [['3', '3.2.4', 'CVE-2025-26791']],
  elliptic: [['6', '6.6.1', 'CVE-2024-48948']],
  xml2js: [['0', '0.5.0', 'CVE-2023-0842']],
  protobufjs: [['7', '7.2.5', 'CVE-2023-36665']],
  ip: [['*', '999.0.0', 'CVE-2024-29415 (no fixed version: must not be present)']],
};

const parts = (v) => v.split(/[.+-]/).slice(0, 3).map(Number);
const below = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const seen = new Map();
for (const [path, info] of Object.entries(lock.packages)) {
  const name = path.split('node_modules/').pop();
  if (!path || !ADVISORIES[name]) continue;
  const key = `${name}@${info.version}`;
  if (!seen.has(key)) seen.set(key, { name, version: info.version, dev: Boolean(info.dev) });
}
let failures = 0;
for (const { name, version, dev } of [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  const rule = ADVISORIES[name].find(([line]) => line === '*' || line === String(parts(version)[0]));
  if (!rule) continue;
  const [, fixed, advisory] = rule;
  const bad = below(version, fixed);
  failures += bad ? 1 : 0;
  console.log(
    `${bad ? 'BELOW FIX' : 'ok       '} ${name}@${version}${dev ? ' (dev)' : ''}  fixed in ${fixed}: ${advisory}`,
  );
}
const present = new Set([...seen.values()].map((p) => p.name));
console.log(
  `\n${Object.keys(ADVISORIES).length} packages with known advisories; ${present.size} of them in package-lock.json; ${failures} below a fixed version`,
);
process.exit(failures ? 1 : 0);
