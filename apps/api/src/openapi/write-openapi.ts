/**
 * Writes the OpenAPI document to docs/openapi.json without a database or Redis (Nest's preview
 * mode builds the module graph without instantiating providers). The web client's types are
 * generated from it: `npm run openapi` then `npm run web:types`.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { setGlobalPrefix } from '../bootstrap';
import { buildOpenApiDocument } from './openapi';

async function main() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  setGlobalPrefix(app);
  const target = join(process.cwd(), process.argv[2] ?? 'docs/openapi.json');
  writeFileSync(target, JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n');
  console.log(`wrote ${target}`);
  await app.close();
}

void main();
