import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app';
import { pairWork, type PairWork } from './support/cast';
import { operations, resolve, type Schema } from './support/openapi-routes';

/** Links a browser would run, read from the disk or from another scheme, or that are not absolute links at all. */
const REFUSED = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'ftp://files.example.org/x',
  '//evil.example/x',
  'http:/missing-slash.example',
  'not a link',
];
const ACCEPTED = ['https://www.hel.fi/en/business', 'http://example.org/report.pdf?page=2#top'];

/** Every field of a request body named like a link or URL, as `route field`: each must be in the table below. */
function urlFieldsOfTheApi(): string[] {
  const fields: string[] = [];
  const walk = (schema: Schema, at: string, route: string) => {
    for (const [key, prop] of Object.entries(resolve(schema).properties ?? {})) {
      const path = at ? `${at}.${key}` : key;
      if (/url|link/i.test(key)) fields.push(`${route} ${path}`);
      const p = resolve(prop);
      walk(p.type === 'array' && p.items ? p.items : p, path, route);
    }
  };
  for (const op of operations()) if (op.body) walk(op.body, '', op.name);
  return fields.sort();
}

/** Links users submit take http and https only: anything else is a 400 naming the field, and nothing is stored. */
describe('links users submit: http and https only', () => {
  let t: TestApp;
  let work: PairWork;
  let mentee: string;
  let admin: string;

  beforeAll(async () => {
    t = await startApp();
    const w = await t.given.mentoring();
    work = await pairWork(
      t,
      { programmeId: w.programme.id, pairId: w.pair.id, menteeCityId: w.city.id },
      w.people,
      'urls',
    );
    mentee = w.people.mentee.token;
    admin = w.people.admin.token;
  });
  afterAll(() => t.close());

  const FIELDS: Record<
    string,
    { send: (url: string) => Promise<{ status: number; body: { details?: { path: string }[] } }>; field: RegExp }
  > = {
    'PUT /api/v1/assessments/{id}/answers/{questionCode} links': {
      send: (url) =>
        t.api.as(mentee).put(`/assessments/${work.assessment}/answers/strategy.q3`, { rating: 1, links: [url] }),
      field: /^links/,
    },
    'POST /api/v1/milestones/{id}/progress evidenceUrls': {
      send: (url) =>
        t.api
          .as(mentee)
          .post(`/milestones/${work.milestone}/progress`, { percent: 60, status: 'in-progress', evidenceUrls: [url] }),
      field: /^evidenceUrls/,
    },
  };

  it('knows every link field of the API (a new one must be added here)', () => {
    expect(urlFieldsOfTheApi()).toEqual(Object.keys(FIELDS).sort());
  });

  describe.each(Object.entries(FIELDS))('%s', (_name, { send, field }) => {
    it.each(REFUSED)('refuses %s with 400 naming the field', async (url) => {
      const res = await send(url);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(field) })]),
      );
    });

    it.each(ACCEPTED)('accepts %s', async (url) => {
      expect((await send(url)).status).toBeLessThan(300);
    });
  });

  it('stored none of the refused links', async () => {
    const assessment = await t.api.as(mentee).get(`/assessments/${work.assessment}`).expect(200);
    const progress = await t.api.as(mentee).get(`/milestones/${work.milestone}/progress`).expect(200);
    const stored = JSON.stringify([assessment.body, progress.body]);
    for (const url of REFUSED) expect(stored).not.toContain(JSON.stringify(url).slice(1, -1));
  });

  describe('links of an imported benchmark’s city examples (admin)', () => {
    const benchmark = (link: string, code: string) => {
      const doc = JSON.parse(
        readFileSync(
          join(__dirname, '../../libs/benchmarks/data/integrating-cities-migrant-entrepreneurs.json'),
          'utf8',
        ),
      );
      doc.code = code;
      doc.sections[0].examples[0].links = [link];
      return doc;
    };

    it.each(REFUSED.map((url, i) => [url, i]))('refuses %s with 400 naming the field', async (url, i) => {
      const res = await t.api.as(admin).post('/benchmarks', benchmark(url, `links-refused-${i}`));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.stringMatching(/^sections\[0\]\.examples\[0\]\.links\[0\]$/) }),
        ]),
      );
    });

    it('accepts an https link', async () => {
      expect((await t.api.as(admin).post('/benchmarks', benchmark(ACCEPTED[0], 'links-accepted'))).status).toBe(201);
    });
  });
});
