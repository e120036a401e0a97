/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

const backend = 'http://127.0.0.1:8500';

export default defineConfig({
  base: '/',
  envPrefix: ['VITE_', 'NEXT_PUBLIC_'],
  esbuild: {
    jsx: 'automatic',
  },
  server: {
    port: 3500,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/health': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: the entry chunk and its static imports, read by the bundle-size
    // check of the `web` bench scenario.
    manifest: true,
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|@remix-run\/router)\//.test(id)) return 'react';
          // The icons are a few hundred bytes each: one chunk, loaded with the entry.
          if (id.includes('node_modules/lucide-react/')) return 'icons';
          return undefined;
        },
        // Pages are split by route; without a floor Rollup also splits off every icon and small
        // component shared by two pages, and a page then waits for dozens of tiny files queued on
        // the browser's six connections. Shared code below this size joins a chunk loaded with it.
        experimentalMinChunkSize: 8_000,
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
