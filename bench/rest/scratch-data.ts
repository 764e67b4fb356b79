// TEMPORARY (not committed): a bench database with the REST data, kept for EXPLAIN.
import { prepareAppBuild } from '../support/build';
import { Harness, log } from '../support/harness';
import { createBenchData, createBenchDatabase } from '../support/setup';
import { analyze, createReadPlan, createScalingProgramme } from './data';
const h = new Harness();
h.run(async () => {
  const app = prepareAppBuild((f) => f === 'no-build', log);
  const db = await createBenchDatabase();
  h.database = db;
  const setup = await h.startApi(app.command, { name: 'setup' });
  const base = await createBenchData(db.url, setup.url);
  await createReadPlan(db.url, base);
  for (const n of [10, 100, 1000]) {
    const s = await createScalingProgramme(db.url, setup.url, n);
    console.log(`pairs ${n} programme ${s.programmeId} coordinator ${s.coordinator.id}`);
  }
  await h.stop(setup.proc);
  await analyze(db.url);
  console.log(`KEPT database ${db.name}`);
  h.database = null;
});
