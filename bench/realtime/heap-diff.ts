import { readFileSync } from 'node:fs';
import { fmt, table } from '../support/util';

/** Self size and count of every (node type, constructor/name) in a V8 heap snapshot. */
function aggregate(file: string): Map<string, { count: number; size: number }> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const out = new Map<string, { count: number; size: number }>();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    let name = type === 'object' || type === 'closure' || type === 'native' ? strings[nodes[i + nameAt]] : `(${type})`;
    if (type === 'closure') name = `closure ${name || '(anonymous)'}`;
    const key = `${name}`.slice(0, 90);
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += nodes[i + sizeAt];
    out.set(key, entry);
  }
  return out;
}

/** What grew between two heap snapshots, per socket: the largest growths by self size. */
export function heapDiff(before: string, after: string, sockets: number, top = 25): string {
  const a = aggregate(before);
  const b = aggregate(after);
  const rows: [string, number, number][] = [];
  let total = 0;
  for (const [key, v] of b) {
    const was = a.get(key) ?? { count: 0, size: 0 };
    const size = v.size - was.size;
    total += size;
    rows.push([key, v.count - was.count, size]);
  }
  for (const [key, v] of a) if (!b.has(key)) total -= v.size;
  rows.sort((x, y) => y[2] - x[2]);
  return [
    `heap snapshot growth: ${fmt(total / 2 ** 20)} MiB = ${fmt(total / sockets / 1024)} KiB per socket (self sizes)`,
    table(
      ['constructor / kind', 'objects per socket', 'bytes per socket'],
      rows.slice(0, top).map(([k, n, s]) => [k, fmt(n / sockets, 2), fmt(s / sockets, 0)]),
    ),
  ].join('\n');
}
