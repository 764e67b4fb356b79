import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOM_PATTERN, SOCKET_ERROR_CODES } from '@citymentor/contracts';
import { buildAsyncApiDocument, CONTRACTS_ENTRY } from './asyncapi';
import { deriveSchemas, literalsOf, type JsonSchema } from './type-schemas';

const COMMITTED = join(__dirname, '../../../../../docs/asyncapi.json');

describe('the AsyncAPI document of /realtime', () => {
  const document = buildAsyncApiDocument() as {
    channels: { realtime: { messages: Record<string, unknown> } };
    operations: Record<string, { action: string; reply?: unknown }>;
    components: { messages: Record<string, { name: string }>; schemas: Record<string, JsonSchema> };
  };
  const schemas = document.components.schemas;

  it('matches the committed docs/asyncapi.json (run `npm run asyncapi`)', () => {
    expect(document).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });

  it('has an operation for every client message and server event, acknowledged ones with their reply', () => {
    expect(Object.entries(document.operations).map(([key, o]) => [key, o.action, !!o.reply])).toEqual([
      ['client.subscribe', 'receive', true],
      ['client.unsubscribe', 'receive', true],
      ['client.typing', 'receive', false],
      ['server.event', 'send', false],
      ['server.presence', 'send', false],
      ['server.typing', 'send', false],
      ['server.unsubscribed', 'send', false],
      ['server.error', 'send', false],
    ]);
    expect(Object.keys(document.channels.realtime.messages)).toEqual(Object.keys(document.components.messages));
  });

  it('documents every event type as its own variant of `event`, and every socket error code', () => {
    const variants = (schemas.AnyRealtimeEvent.oneOf as { properties: { type: { const: string } } }[]).map(
      (v) => v.properties.type.const,
    );
    expect(variants.sort()).toEqual(literalsOf(CONTRACTS_ENTRY, 'C.EventType'));
    const code = (schemas.SocketError.properties as Record<string, JsonSchema>).code;
    expect(code.enum).toEqual([...SOCKET_ERROR_CODES].sort());
  });

  it('takes keywords from the types’ doc tags: the room pattern is the one the gateway checks', () => {
    const room = (schemas.SubscribeRequest.properties as Record<string, JsonSchema>).room;
    expect(room.pattern).toBe(ROOM_PATTERN);
  });
});

describe('deriveSchemas', () => {
  it('writes unions of literals as enums, optional fields as not required, null as a type', () => {
    const { types, components } = deriveSchemas(
      CONTRACTS_ENTRY,
      { typing: 'C.TypingRequest', inline: "{ a?: 'x' | 'y' | null; b: boolean | null; c: C.PresenceUser[] }" },
      '#/',
    );
    expect(types.typing).toEqual({ $ref: '#/TypingRequest' });
    expect(components.TypingRequest).toMatchObject({ required: ['room'] });
    expect(types.inline).toEqual({
      type: 'object',
      properties: {
        a: { type: ['string', 'null'], enum: ['x', 'y', null] },
        b: { type: ['boolean', 'null'] },
        c: { type: 'array', items: { $ref: '#/PresenceUser' } },
      },
      required: ['b', 'c'],
    });
  });

  it('refuses what is no payload, and type expressions that do not compile', () => {
    expect(() => deriveSchemas(CONTRACTS_ENTRY, { f: 'C.ClientToServerEvents' }, '#/')).toThrow(/function/);
    expect(() => deriveSchemas(CONTRACTS_ENTRY, { f: 'C.NoSuchType' }, '#/')).toThrow(/NoSuchType/);
  });
});
