/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type PluginOption } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { viteSingleFile } from 'vite-plugin-singlefile'

/**
 * Two builds from one config (issue 13):
 * - the default mode: the static site in dist/ with a web app manifest and a Workbox service worker
 *   (vite-plugin-pwa, generateSW) that precaches every file, so the app opens offline after the first
 *   visit. registerType 'prompt': a new version waits until the user clicks "tải lại"
 *   (src/features/app-update); we register the worker ourselves (injectRegister: null) so no
 *   registration script is injected into index.html and the CSP stays `script-src 'self'`.
 * - `--mode singlefile` (scripts/build-single-file.mjs): one HTML file with every script and style
 *   inlined (vite-plugin-singlefile; Rolldown's code splitting is off, so the lazy chunks such as
 *   exceljs and docx are in it too), no service worker (there is none under file://).
 */
export default defineConfig(({ mode }) => {
  const singleFile = mode === 'singlefile'
  const plugins: PluginOption[] = [react()]
  if (singleFile) plugins.push(viteSingleFile())
  else plugins.push(VitePWA({
    registerType: 'prompt',
    injectRegister: null,
    // Filled in by the manifest below; the icons are in public/.
    includeAssets: ['icon.svg', 'apple-touch-icon.png'],
    manifest: {
      name: 'Kế hoạch tuyên truyền bầu cử',
      short_name: 'KH tuyên truyền',
      description: 'Lập kế hoạch công tác thông tin, tuyên truyền bầu cử — chạy trong trình duyệt, không cần mạng.',
      lang: 'vi',
      start_url: './',
      scope: './',
      display: 'standalone',
      // The app's look (shared/design.md): white, with the national red for the icon.
      theme_color: '#ffffff',
      background_color: '#ffffff',
      icons: [
        { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Every script, including the lazy ones (exceljs, docx, the import worker), so that an export
      // or an import also works offline.
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // The runtime is copied next to sw.js (workbox-*.js), never loaded from a CDN.
      inlineWorkboxRuntime: false,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // "Reload" waits for the user (registerType 'prompt'): no skipWaiting/clientsClaim here.
    },
  }))
  return {
    plugins,
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    // Relative base: the built app also works from a sub-folder or a file share.
    base: './',
    build: { target: 'es2022', sourcemap: false },
    // The import worker (src/features/import-export/workers) is a module worker, so it can load the
    // format modules (exceljs, ical.js…) lazily, as the page does. In the single file it cannot start
    // under file:// (its script is a separate file of an opaque origin) and import-client.ts runs
    // the same import on the page's thread.
    worker: { format: 'es' },
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    },
  }
})
