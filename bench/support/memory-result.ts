/** A server's memory after a full GC (bench/support/gc-on-signal.cjs). */
export interface Memory {
  rss: number;
  heapUsed: number;
  /** V8 heap reserved: what it may fill again without the RSS growing. */
  heapTotal: number;
  external: number;
}

/** One server's memory run in bench/realtime (also read back by bench/rest's memory benchmark from its JSON). */
export interface MemoryResult {
  kind: 'bare' | 'app';
  before: Memory;
  mid: Memory;
  after: Memory;
  perSocket: number;
  secondHalfPerSocket: number;
  heapPerSocket: number;
  connectMs: number;
  settleMs: number;
}
