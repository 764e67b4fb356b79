import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** Where the dev server forwards API, health and socket traffic (`CITYMENTOR_API_URL=http://127.0.0.1:3200 …`). */
const api = process.env.CITYMENTOR_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
