// Preloaded (node --expose-gc -r ./bench/support/gc-on-signal.cjs …) into the API and the bare
// server for the memory measurement only: SIGUSR2 runs a full GC and writes one line with
// process.memoryUsage() to the process's own stderr, which the bench reads. Nothing is exposed
// over the network.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  process.stderr.write(`BENCH_MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
