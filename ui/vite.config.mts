import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));
const fromUi = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Operator console. Build: `npx vite build --config ui/vite.config.mts` -> `ui/dist` (served by the gateway).
 * Dev: `npx vite --config ui/vite.config.mts`, with the gateway on :3000 answering `/api`.
 */
export default defineConfig({
  root: uiRoot,
  base: '/',
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      // Response types come from libs/contracts, never hand-copied.
      '@contracts': fromUi('../libs/contracts/src'),
      '@': fromUi('./src'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: fromUi('./dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
