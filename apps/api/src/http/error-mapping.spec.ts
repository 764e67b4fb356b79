import { DriverException } from '@mikro-orm/core';
import { toErrorBody } from './error-mapping';

describe('toErrorBody', () => {
  const insides = [
    new TypeError(
      "Cannot read properties of undefined (reading 'id') at PlansService.get (/work/main/apps/api/src/action-plans/plans.service.ts:42:17)",
    ),
    Object.assign(
      new DriverException(
        new Error('insert into "comments" ("body") values ($1) - invalid byte sequence for encoding "UTF8": 0x00'),
      ),
      { code: '22021' },
    ),
    new RangeError('Maximum call stack size exceeded'),
    'a thrown string with select * from users',
  ];

  it.each(insides.map((e) => [String(e).slice(0, 60), e]))(
    'keeps what went wrong inside (%s): a 500 with a generic message, logged',
    (_name, error) => {
      const { body, internal } = toErrorBody(error);
      expect(body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'INTERNAL',
        message: 'Something went wrong on our side; it has been logged',
      });
      expect(internal).toBe(true);
    },
  );

  it('names the bad field of a body our parser refused', () => {
    const error = Object.assign(new Error('title must not contain a NUL character'), {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'title', message: 'x' }],
    });
    expect(toErrorBody(error).body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'title' }],
    });
  });

  it.each([
    [
      'terminated by the server (57P01)',
      Object.assign(new DriverException(new Error('terminating connection due to administrator command')), {
        code: '57P01',
      }),
    ],
    [
      'a connection exception (08006)',
      Object.assign(new DriverException(new Error('connection failure')), { code: '08006' }),
    ],
    ['ended mid-query', new Error('Connection terminated unexpectedly')],
    [
      'no connection from the pool in time',
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    ],
  ])('answers 503 when the database is away (%s), and logs it', (_name, error) => {
    const { body, internal } = toErrorBody(error);
    expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(internal).toBe(true);
  });
});
