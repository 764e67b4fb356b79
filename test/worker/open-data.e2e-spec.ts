/**
 * The open-data package: asked for from the same reports route, built by the worker, downloaded as a zip
 * whose datapackage.json is valid against the official Data Package and Tabular Data Package schemas, each
 * CSV's header its schema's fields and every value of the declared type; no person's name or e-mail, no
 * owner, no narrative.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import { GivenPlans } from '../support/given-plans';
import type { TestApp } from '../support/app';
import { parseCsv } from '../support/csv';
import dataPackageSchema from '../fixtures/frictionless/data-package.json';
import tabularDataPackageSchema from '../fixtures/frictionless/tabular-data-package.json';
import { startFilesWorld, until, type FilesWorld } from './worker-harness';

jest.setTimeout(90_000);

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}
interface Resource {
  name: string;
  path: string;
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a CSV value does not fit its Table Schema field, or null when it does. */
function misfit(field: Field, value: string): string | null {
  const c = field.constraints ?? {};
  if (value === '') return c.required ? 'missing' : null;
  if (field.type === 'integer' && !/^-?\d+$/.test(value)) return 'not an integer';
  if (field.type === 'number' && !Number.isFinite(Number(value))) return 'not a number';
  if (field.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))))
    return 'not a date';
  if (field.format === 'uuid' && !UUID.test(value)) return 'not a uuid';
  if (c.enum && !c.enum.includes(value)) return 'not in enum';
  if (c.minimum !== undefined && Number(value) < c.minimum) return 'below minimum';
  if (c.maximum !== undefined && Number(value) > c.maximum) return 'above maximum';
  return null;
}

describe('the open-data package (Frictionless Data Package) built by the worker', () => {
  let world: FilesWorld;
  let t: TestApp;

  beforeAll(async () => {
    world = await startFilesWorld('cm-open-data-');
    ({ t } = world);
  });
  afterAll(() => world?.close());

  let files: Record<string, Uint8Array>;
  let c: Awaited<ReturnType<TestApp['given']['world']>>;
  let names: { liege: string; nicosia: string };

  it('is asked for from the reports route and downloaded as a zip', async () => {
    c = await t.given.world();
    const liege = await t.given.organisation('city', 'Liège', 'BE');
    const nicosia = await t.given.organisation('city', 'Λευκωσία', 'CY');
    names = { liege: liege.name, nicosia: nicosia.name };
    for (const o of [liege, nicosia]) await t.given.participant(c.programme, o);
    const pair = await t.given.pair(c.programme, liege, nicosia);
    const plans = new GivenPlans(t.orm);
    const plan = await plans.plan(pair, {
      title: 'Guichet unique, "one-stop" shop',
      sectionCodes: ['strategy', 'access-to-finance'],
      state: 'in-progress',
    });
    const [late, done] = await plans.milestones(plan, [
      { title: 'Open the desk, at last', dueDate: '2020-01-15', status: 'in-progress', owner: 'Ms Owner Person' },
      { title: 'Hire advisers', dueDate: '2020-01-10', status: 'done' },
    ]);
    await plans.progress(late, c.people.cityMember.user, { percent: 40, note: 'Secret narrative naming Jane' });
    await plans.progress(done, c.people.cityMember.user, { percent: 100, status: 'done', note: 'Done by Jane' });
    const draft = await plans.plan(pair, { title: 'Unsent draft plan', state: 'draft' });
    await plans.milestones(draft, [{ title: 'Draft-only milestone', dueDate: '2025-01-01' }]);
    await plans.assessment(c.programme, nicosia, 'baseline', { 'strategy.q1': 0 }, { status: 'submitted' });
    await plans.assessment(c.programme, nicosia, 'follow-up', { 'strategy.q1': 2 }, { status: 'submitted' });
    await plans.assessment(c.programme, liege, 'baseline', { 'strategy.q1': 2 }); // a draft: no result

    const api = t.api.as(c.people.coordinator.token);
    const res = await api.post(`/programmes/${c.programme.id}/reports`, { format: 'datapackage' }).expect(202);
    expect(res.body).toMatchObject({ format: 'datapackage', downloadUrl: null });
    await until(
      async () => (await api.get(`/reports/${res.body.id}`).expect(200)).body.status === 'done',
      50_000,
      'the open-data package',
    );
    const file = await api
      .get(`/reports/${res.body.id}/download`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="open-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    files = unzipSync(new Uint8Array(file.body as Buffer));
    expect(Object.keys(files).sort()).toEqual([
      'datapackage.json',
      'milestones.csv',
      'plans.csv',
      'progress.csv',
      'scores.csv',
      'sections.csv',
    ]);
  });

  const descriptor = () => JSON.parse(strFromU8(files['datapackage.json'])) as { resources: Resource[] } & object;
  const table = (name: string) => {
    const [header, ...rows] = parseCsv(strFromU8(files[`${name}.csv`]));
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  };

  it('validates against the official Data Package and Tabular Data Package schemas', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('textarea', true);
    for (const schema of [dataPackageSchema, tabularDataPackageSchema]) {
      const validate = ajv.compile(schema);
      expect(validate(descriptor()) ? [] : validate.errors).toEqual([]);
    }
    const d = descriptor() as Record<string, unknown>;
    expect(d).toMatchObject({ profile: 'tabular-data-package', name: expect.stringMatching(/^[-a-z0-9._/]+$/) });
    expect(d.title).toEqual(expect.any(String));
    expect(Date.parse(d.created as string)).not.toBeNaN();
    expect(d).not.toHaveProperty('licenses'); // the coordinator chooses it
  });

  it('gives every CSV its schema’s fields as header, values of the declared types, unique keys that resolve', () => {
    const { resources } = descriptor();
    const rowsOf = new Map<string, string[][]>();
    for (const r of resources) {
      const [header, ...rows] = parseCsv(strFromU8(files[r.path]));
      expect([r.name, header]).toEqual([r.name, r.schema.fields.map((f) => f.name)]);
      const wrong = rows.flatMap((row) =>
        r.schema.fields.flatMap((f, i) => {
          const why = misfit(f, row[i] ?? '');
          return why ? [`${r.name}.${f.name} "${row[i]}": ${why}`] : [];
        }),
      );
      expect(wrong).toEqual([]);
      rowsOf.set(r.name, rows);
    }
    const key = (r: Resource, row: string[], fields: string[]) =>
      fields.map((f) => row[r.schema.fields.findIndex((x) => x.name === f)]).join('\u0000');
    for (const r of resources) {
      const keys = rowsOf.get(r.name)!.map((row) => key(r, row, r.schema.primaryKey));
      expect([r.name, new Set(keys).size]).toEqual([r.name, keys.length]);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = resources.find((x) => x.name === fk.reference.resource)!;
        const known = new Set(rowsOf.get(target.name)!.map((row) => key(target, row, fk.reference.fields)));
        const missing = rowsOf.get(r.name)!.filter((row) => !known.has(key(r, row, fk.fields)));
        expect([r.name, missing]).toEqual([r.name, []]);
      }
    }
  });

  it('holds scores of submitted assessments, plans past draft, milestones with done date and lateness, progress counts', () => {
    expect(table('scores').filter((s) => s.section === 'strategy')).toEqual([
      {
        organisation: names.nicosia,
        benchmark: 'migrant-entrepreneurs',
        section: 'strategy',
        phase: 'baseline',
        score: '0',
      },
      {
        organisation: names.nicosia,
        benchmark: 'migrant-entrepreneurs',
        section: 'strategy',
        phase: 'follow-up',
        score: '100',
      },
    ]);
    const [plan] = table('plans');
    expect(table('plans')).toHaveLength(1);
    expect(plan).toMatchObject({
      mentor_organisation: names.liege,
      mentee_organisation: names.nicosia,
      benchmark: 'migrant-entrepreneurs',
      sections: 'strategy;access-to-finance',
      title: 'Guichet unique, "one-stop" shop',
      state: 'in-progress',
    });
    const milestones = Object.fromEntries(table('milestones').map((m) => [m.title, m]));
    expect(Object.keys(milestones).sort()).toEqual(['Hire advisers', 'Open the desk, at last']);
    const today = new Date().toISOString().slice(0, 10);
    expect(milestones['Hire advisers']).toMatchObject({ status: 'done', done_date: today });
    expect(Number(milestones['Hire advisers'].days_late)).toBe(
      Math.round((Date.parse(today) - Date.parse('2020-01-10')) / 86_400_000),
    );
    expect(milestones['Open the desk, at last']).toMatchObject({ status: 'in-progress', done_date: '' });
    expect(table('progress')).toEqual([{ plan_id: plan.plan_id, entries: '2', last_entry: today }]);
    expect(table('sections').find((s) => s.section === 'strategy')).toEqual({
      benchmark: 'migrant-entrepreneurs',
      section: 'strategy',
      title: 'Strategy to enhance a diverse entrepreneurial community',
      order: '1',
    });
  });

  it('is for whoever sees the dashboard: a city member gets 403, an outsider 404, a wrong format 400', async () => {
    const ask = (token: string, format: unknown) =>
      t.api.as(token).post(`/programmes/${c.programme.id}/reports`, { format });
    await ask(c.people.cityMember.token, 'datapackage').expect(403);
    await ask(c.people.outsider.token, 'datapackage').expect(404);
    await ask(c.people.coordinator.token, 'zip').expect(400);
  });

  it('leaves out people: no names, e-mails, milestone owners or narratives', () => {
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const person of Object.values(c.people)) {
      expect(all).not.toContain(person.user.email);
      expect(all).not.toContain(person.user.name);
    }
    for (const text of ['Ms Owner Person', 'Jane', 'Unsent draft plan', 'Draft-only milestone'])
      expect(all).not.toContain(text);
  });
});
