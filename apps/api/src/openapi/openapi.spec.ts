import type { OpenAPIObject } from '@nestjs/swagger';
import { finishDocument, type RouteFacts } from './openapi';

const doc = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      patch: {
        operationId: 'Things_update',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateDto' } } },
        },
        responses: { '200': { description: '' } },
      },
    },
    '/health': { get: { operationId: 'Health_check[0]', responses: { '200': { description: '' } } } },
  },
  components: {
    schemas: {
      UpdateDto: { type: 'object', properties: { title: { type: 'string' } } },
      ThingDto: {
        type: 'object',
        properties: {
          owner: { $ref: '#/components/schemas/UpdateDto', nullable: true } as never,
          kind: { allOf: [{ $ref: '#/components/schemas/Kind' }] },
          colour: { type: 'string', enum: ['red'], nullable: true },
        },
      },
      Kind: { type: 'string', enum: ['a', 'b'] },
    },
  },
});

const facts = new Map<string, RouteFacts>([
  [
    'Things_update',
    { isPublic: false, throttled: false, params: new Map([['id', { type: 'string', format: 'uuid' }]]) },
  ],
  ['Health_check', { isPublic: true, throttled: false, params: new Map() }],
]);

describe('finishDocument', () => {
  const finished = finishDocument(doc(), facts);
  const update = finished.paths['/things/{id}'].patch!;
  const schemas = finished.components!.schemas as Record<string, { properties: Record<string, unknown> }>;

  it('derives the error responses of a signed-in write with a path id, each the Error schema', () => {
    expect(Object.keys(update.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
    expect(update.responses['404']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    expect(update.security).toEqual([{ bearer: [] }]);
  });

  it('gives path ids their format and makes a body with no required field optional', () => {
    expect(update.parameters).toEqual([expect.objectContaining({ schema: { type: 'string', format: 'uuid' } })]);
    expect(update.requestBody).toMatchObject({ required: false });
  });

  it('marks public routes security: [] and repairs operation ids of routes on several paths', () => {
    expect(finished.paths['/health'].get).toMatchObject({ operationId: 'Health_check', security: [] });
  });

  it('writes nullable as OpenAPI 3.0 wants it', () => {
    expect(schemas.ThingDto.properties).toEqual({
      owner: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/UpdateDto' }] },
      kind: { $ref: '#/components/schemas/Kind' },
      colour: { type: 'string', enum: ['red', null], nullable: true },
    });
  });
});
