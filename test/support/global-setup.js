// Builds (once per change of the migrations or the catalogue) the template database each e2e test
// file copies, and tells the test workers its name (see database.ts).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const name = execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'prepare-template-database.ts')],
    {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  ).trim();
  process.env.TEST_TEMPLATE_DATABASE = name;
};
