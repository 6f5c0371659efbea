import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The UI is served by wirelens itself (embedded at build time); in
// development `vite` proxies the API to a running wirelens on :3000.
export default defineConfig({
  plugins: [vue()],
  base: './',
  // The budget is 400 KB gzipped for all JS+CSS (ECharts is most of it); Vite's
  // warning counts minified bytes.
  build: { outDir: 'dist', assetsInlineLimit: 0, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/lua': 'http://127.0.0.1:3000',
      '/authorize.html': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  test: { include: ['tests/**/*.test.ts'] },
});
