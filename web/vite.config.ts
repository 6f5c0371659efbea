import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The UI is served by wirelens itself (embedded at build time); in
// development `vite` proxies the API to a running wirelens (WIRELENS_URL,
// default http://127.0.0.1:3000).
const target = process.env.WIRELENS_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [vue()],
  base: './',
  // The budget is 400 KB gzipped for all JS+CSS (ECharts is most of it); Vite's
  // warning counts minified bytes.
  build: { outDir: 'dist', assetsInlineLimit: 0, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/lua': target,
      '/authorize.html': target,
      '/ws': { target: target.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: { include: ['tests/**/*.test.ts'] },
});
