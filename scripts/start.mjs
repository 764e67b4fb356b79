#!/usr/bin/env node
/**
 * `npm start`: builds, makes sure the database exists, then runs the API (which migrates and
 * seeds the catalogue and, into an empty installation, the demo consortium) and the worker,
 * and prints where to open it and the demo logins. Ctrl-C stops both.
 *
 *   --no-build   run what dist/ holds
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PORT ??= '3000';
env.PUBLIC_URL ??= `http://localhost:${env.PORT}`;
env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/citymentor';
const say = (line) => console.log(`\x1b[1mcitymentor\x1b[0m ${line}`);

if (!existsSync(join(root, 'node_modules'))) {
  console.error('citymentor: dependencies are missing; run `npm ci` first (README.md)');
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  say('building api, worker and web client…');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await ensureDatabase(env.DATABASE_URL);

const children = [
  run('api', 'dist/apps/api/apps/api/src/main.js'),
  run('worker', 'dist/apps/worker/apps/worker/src/main.js'),
];

await waitForHealth(`http://127.0.0.1:${env.PORT}/health`);
const { DEMO_ACCOUNTS, DEMO_PASSWORD } = require(join(root, 'dist/apps/api/libs/persistence/src/seeders/demo-consortium.js'));
say(`is running: open ${env.PUBLIC_URL}  (API ${env.PUBLIC_URL}/api/v1, OpenAPI ${env.PUBLIC_URL}/api/docs)`);
say(`demo logins (password "${DEMO_PASSWORD}"):`);
for (const a of DEMO_ACCOUNTS) console.log(`    ${a.label.padEnd(24)} ${a.email}`);
say('Ctrl-C stops it.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}

function run(name, entry) {
  const child = spawn(process.execPath, [join(root, entry)], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) {
      console.error(`citymentor: the ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
      for (const other of children) if (other !== child) other.kill('SIGTERM');
      process.exitCode = code || 1;
    }
  });
  return child;
}

async function ensureDatabase(url) {
  const { Client } = require('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      say(`created database ${name}`);
    }
  } catch {
    // The API's own start-up check explains what is wrong with the database, in one line.
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForHealth(url) {
  for (let i = 0; i < 120; i++) {
    if (children.some((c) => c.exitCode !== null)) process.exit(process.exitCode || 1);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`citymentor: the API did not become healthy at ${url}`);
  process.exit(1);
}
