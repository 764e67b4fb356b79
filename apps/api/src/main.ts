import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, parseConfig } from './config/app.config';
import { preflight, stopWithSupervisor, tellSupervisorReady } from '@citymentor/runtime';

async function main() {
  const config = parseConfig(process.env);
  stopWithSupervisor();
  const problem = await preflight(config);
  if (problem) {
    console.error(`citymentor api: ${problem}`);
    process.exit(1);
  }
  const app = await createApp();
  await app.listen({ port: config.port, host: config.host });
  console.log(`citymentor api: listening on ${config.publicUrl} (OpenAPI at ${config.publicUrl}/api/docs)`);
  tellSupervisorReady('api');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`citymentor api: configuration: ${error.message}`);
  } else {
    console.error('citymentor api: failed to start:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
