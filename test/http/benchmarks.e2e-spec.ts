import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Benchmark } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';

const bundled = () =>
  JSON.parse(
    readFileSync(join(__dirname, '../../libs/benchmarks/data/integrating-cities-migrant-entrepreneurs.json'), 'utf8'),
  );

describe('benchmark catalogue import', () => {
  let t: TestApp;
  let admin: ReturnType<TestApp['api']['as']>;
  beforeAll(async () => {
    t = await startApp();
    admin = t.api.as((await t.given.signIn(await t.given.user({ isAdmin: true }))).token);
  });
  afterAll(() => t.close());

  const count = () => t.orm.em.fork().count(Benchmark, {});

  it('imports a valid benchmark file, which everyone can then read whole', async () => {
    const file = {
      ...bundled(),
      code: 'anti-discrimination',
      title: 'Anti-discrimination strategies for the local job market',
    };
    const res = await admin.post('/benchmarks', file).expect(201);
    expect(res.body).toMatchObject({ code: 'anti-discrimination', sections: expect.any(Array) });
    const reader = t.api.as((await t.given.signIn(await t.given.user())).token);
    const read = await reader.get('/benchmarks/anti-discrimination').expect(200);
    expect(read.body.sections).toHaveLength(9);
    expect((await reader.get('/benchmarks').expect(200)).body.map((b: { code: string }) => b.code).sort()).toEqual([
      'anti-discrimination',
      'migrant-entrepreneurs',
    ]);
  });

  it('refuses a broken file with the exact path of each bad field, and writes nothing', async () => {
    const before = await count();
    const file = bundled();
    file.code = 'broken-one';
    file.sections[3].guideQuestions[2].code = 'strategy.q99';
    delete file.sections[5].standard;
    file.sections[7].examples[1].links[0] = 'ftp://example.org/file';
    file.contextFactors[1].code = file.contextFactors[0].code;
    const res = await admin.post('/benchmarks', file).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['sections[5].standard', 'sections[7].examples[1].links[0]']));
    expect(await count()).toBe(before);

    // Once the shape is right, cross-references are checked too.
    const second = bundled();
    second.code = 'broken-two';
    second.sections[3].guideQuestions[2].code = 'strategy.q99';
    second.contextFactors[1].code = second.contextFactors[0].code;
    const refs = await admin.post('/benchmarks', second).expect(400);
    expect(refs.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'contextFactors[1].code',
      'sections[3].guideQuestions[2].code',
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a file whose code is taken, and a non-object', async () => {
    await admin.post('/benchmarks', bundled()).expect(409);
    const res = await t
      .http()
      .post('/api/v1/benchmarks')
      .set('Authorization', admin.token ? `Bearer ${admin.token}` : '')
      .set('Content-Type', 'application/json')
      .send('[1,2]');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: '(root)', message: 'the document must be an object' }]);
  });

  it('answers 404 for an unknown benchmark', async () => {
    await admin.get('/benchmarks/no-such-benchmark').expect(404);
  });
});
