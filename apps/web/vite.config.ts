import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/** Where the dev server forwards API, health and socket traffic (`CITYMENTOR_API_URL=http://127.0.0.1:3200 …`). */
const api = process.env.CITYMENTOR_API_URL ?? 'http://127.0.0.1:3000';

/** The budget for what a first visit downloads before the page can run (docs/performance.md, "Web client"). */
const FIRST_LOAD_BUDGET_GZIP = 80 * 1024;

/**
 * Prints the size of the first-load JavaScript — the entry chunk and every chunk it imports statically,
 * not the lazily loaded pages — raw and gzipped, and fails the build when it exceeds the budget.
 */
function firstLoadSize(): Plugin {
  return {
    name: 'citymentor:first-load-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rollup.OutputChunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      const gzipped = new Map<string, number>();
      const gz = (file: string) => {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(Buffer.from(chunks.get(file)!.code), { level: 9 }).length);
        return gzipped.get(file)!;
      };
      /** A chunk and everything it imports statically. */
      const closure = (roots: string[], into = new Set<string>()) => {
        const visit = (file: string) => {
          if (into.has(file) || !chunks.has(file)) return;
          into.add(file);
          for (const imported of chunks.get(file)!.imports) visit(imported);
        };
        roots.forEach(visit);
        return into;
      };
      const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const firstLoad = closure(entries);
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
      const raw = [...firstLoad].reduce((n, f) => n + chunks.get(f)!.code.length, 0);
      const gzip = sum(firstLoad);
      const kb = (n: number) => (n / 1024).toFixed(1);
      const line = `first-load JS: ${firstLoad.size} file(s), ${kb(raw)} kB, ${kb(gzip)} kB gzipped (budget ${kb(FIRST_LOAD_BUDGET_GZIP)} kB)`;
      // For the record: the heaviest page once opened, its lazy chunks and the realtime client included.
      const pages = entries.flatMap((e) => chunks.get(e)!.dynamicImports);
      const realtime = pages.filter((f) => chunks.get(f)?.moduleIds.some((id) => id.includes('socket.io-client')));
      let heaviest = { page: '', gzip: 0 };
      for (const page of pages) {
        const total = sum(closure([page, ...realtime], new Set(firstLoad)));
        if (total > heaviest.gzip) heaviest = { page, gzip: total };
      }
      console.log(
        `\n${line}\nheaviest page with its lazy chunks and the realtime client: ${heaviest.page} → ${kb(heaviest.gzip)} kB gzipped`,
      );
      if (gzip > FIRST_LOAD_BUDGET_GZIP) this.error(`${line}: over budget`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    preact(),
    firstLoadSize(),
    // Every text file also as .br and .gz, made once at build: the API serves the one the browser accepts
    // (serve-web.ts, @fastify/static's preCompressed) without compressing on each request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
    }),
  ],
  resolve: {
    alias: {
      // The realtime event map shared with the api and the worker (types only reach the bundle).
      '@citymentor/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The password checker's dictionaries (zxcvbn, ≈ 1.7 MB) are one lazy chunk, loaded only where a password
    // is chosen; what a first visit downloads is held to its budget by firstLoadSize() above.
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
