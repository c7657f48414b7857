/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Relative base: the built app also works from a sub-folder or a file share.
  base: './',
  build: { target: 'es2022', sourcemap: false },
  // The import worker (src/features/import-export/workers) is a module worker, so it can load the
  // format modules (exceljs, ical.js…) lazily, as the page does. A single-file build would inline it
  // instead (see import-client.ts).
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
})
