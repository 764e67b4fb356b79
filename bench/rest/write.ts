/**
 * REST write: POST a comment through the real stack (guard, scope, policy, the domain rules, the row and its events in one
 * transaction) vs the bare server doing the same INSERTs in one transaction.
 * Target (issue 18; issue 8 asked ≥ 0.5): app ≥ 0.6 × bare req/s.
 */
import { fmt } from '../support/util';
import type { BenchContext } from './context';
import { alternate, COMPARISON_HEADER, comparisonRow, ROUND_HEADER, roundRows, summary, type Comparison } from './load';

export async function writeBench(ctx: BenchContext): Promise<Comparison[]> {
  const { report, options, data } = ctx;
  const planId = data.base.planId;
  const request = {
    method: 'POST' as const,
    path: `/api/v1/action-plans/${planId}/comments`,
    token: data.mentee.token,
    body: {
      body: 'Could the business department share its indicators for the one-stop shop before the next review?',
      target: { type: 'plan', id: planId },
    },
  };
  const results = await alternate(ctx.targets, [{ name: 'POST comment', bare: request, app: request }], {
    ...options,
    database: ctx.h.database!.name,
    log: ctx.log,
  });
  report.section('REST write: POST a comment, app vs bare (same INSERTs in one transaction)');
  report.say(
    `autocannon, ${options.connections} connections, ${options.seconds} s per round, ${options.rounds} rounds alternating bare/app; every POST commits (the event log's advisory lock serialises the appends in both)`,
  );
  report.table(COMPARISON_HEADER, results.map(comparisonRow));
  const a = summary(results[0].app);
  const b = summary(results[0].bare);
  report.say(`app/bare req/s ${fmt(a.rps / b.rps, 2)} (target ≥ 0.6: ${a.rps / b.rps >= 0.6 ? 'met' : 'missed'})`);
  report.say(
    'statements per POST: bare 5 (BEGIN, INSERT comment, advisory lock, INSERT 2 events, COMMIT); app 7 (+ the actor and the plan’s scope), and each instance’s realtime tail then reads the new events on a connection of its own',
  );
  report.table(ROUND_HEADER, results.flatMap(roundRows));
  report.json.write = results;
  return results;
}
