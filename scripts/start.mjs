#!/usr/bin/env node
/**
 * `npm start`: builds; makes the database ready in one step before anything serves (creates it if
 * missing, migrates, seeds the catalogue and, into an empty installation, the demo consortium);
 * then runs the API and the worker, waits until both are ready and prints, last, where to open it
 * and the demo logins. Ctrl-C stops both (a second Ctrl-C at once).
 *
 *   --no-build   run what dist/ holds
 *
 * At a terminal the processes log one readable line per entry (LOG_FORMAT=pretty); elsewhere JSON.
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
env.LOG_FORMAT ??= process.stdout.isTTY ? 'pretty' : 'json';
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const say = (line) => console.log(`${bold('citymentor')} ${line}`);
const fail = (line, code = 1) => {
  console.error(`citymentor: ${line}`);
  process.exit(code);
};

if (!existsSync(join(root, 'node_modules'))) fail('dependencies are missing; run `npm ci` first (README.md)');

if (!process.argv.includes('--no-build')) {
  say('building the api, the worker and the web client…');
  step('nest', ['build', 'api']);
  step('nest', ['build', 'worker']);
  step('vite', ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
}

say('preparing the database…');
step(process.execPath, ['dist/apps/api/apps/api/src/setup.js']);

// The set-up above migrated and seeded; the two processes only use the database.
const childEnv = { ...env, MIGRATE_ON_START: 'false', SEED_DEMO: 'false' };
const children = new Map([
  ['api', run('api', 'dist/apps/api/apps/api/src/main.js')],
  ['worker', run('worker', 'dist/apps/worker/apps/worker/src/main.js')],
]);
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) {
      for (const child of children.values()) child.kill('SIGKILL');
      return;
    }
    stopping = true;
    say('stopping… (Ctrl-C again stops at once)');
    for (const child of children.values()) child.kill('SIGTERM');
  });
}

const timeout = setTimeout(
  () => stopAll('the api and the worker did not say they were ready within 3 minutes'),
  180_000,
);
await Promise.all([...children.values()].map((child) => child.ready));
clearTimeout(timeout);

const { DEMO_ACCOUNTS, DEMO_PASSWORD } = require(
  join(root, 'dist/apps/api/libs/persistence/src/seeders/demo-consortium.js'),
);
say(
  `is running: open ${bold(env.PUBLIC_URL)}  (API ${env.PUBLIC_URL}/api/v1, OpenAPI ${env.PUBLIC_URL}/api/docs; the worker is ready)`,
);
say(`demo logins (password "${DEMO_PASSWORD}"):`);
const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.label.length)) + 2;
for (const a of DEMO_ACCOUNTS) console.log(`    ${a.label.padEnd(width)}${a.email}`);
say('Ctrl-C stops it.');

/** Runs a build or set-up step to its end; stops here if it fails. */
function step(command, args) {
  const bin = command === process.execPath ? command : join(root, 'node_modules', '.bin', command);
  const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0)
    fail(`\`${command === process.execPath ? 'node' : command} ${args.join(' ')}\` failed`, result.status || 1);
}

/**
 * One process, in a process group of its own so that Ctrl-C reaches only this script, which stops
 * each child exactly once; the IPC channel carries its "ready" and stops it if this script dies.
 */
function run(name, entry) {
  const child = spawn(process.execPath, [join(root, entry)], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  child.ready = new Promise((resolve) => child.on('message', (message) => message?.ready === name && resolve()));
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) stopAll(`the ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
    else if (code !== 0 && signal !== 'SIGTERM') process.exitCode = code || 1;
    if (children.size === 0) process.exit();
  });
  return child;
}

function stopAll(reason) {
  console.error(`citymentor: ${reason}`);
  stopping = true;
  process.exitCode = 1;
  for (const child of children.values()) child.kill('SIGTERM');
}
