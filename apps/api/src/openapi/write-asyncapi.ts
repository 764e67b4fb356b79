/**
 * Writes the AsyncAPI document of the realtime namespace to docs/asyncapi.json, from the protocol in
 * libs/contracts (realtime.ts): `npm run asyncapi`. No database or Redis; a test fails when the committed
 * document no longer matches (apps/api/src/realtime/asyncapi/asyncapi.spec.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiText } from '../realtime/asyncapi/asyncapi-text';

async function main() {
  const target = join(process.cwd(), process.argv[2] ?? 'docs/asyncapi.json');
  writeFileSync(target, await asyncApiText());
  console.log(`wrote ${target}`);
}

void main();
