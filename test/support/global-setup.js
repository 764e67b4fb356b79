// Migrates the template database once per run; each e2e test file copies it (see database.ts).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'prepare-template-database.ts')], {
    stdio: 'inherit',
    cwd: join(__dirname, '..', '..'),
  });
};
