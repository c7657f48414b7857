// Lint rules, including the layer boundaries of shared/style.md (rules 4–7 and 21):
// domain → lib/dayjs only; io → domain, lib; store → domain, io/backup, lib; features never import
// each other; components and lib never import features, the app or the store; dayjs only through
// src/lib/dayjs.ts; storage only through src/lib wrappers.
//
// The layer arrows are checked on resolved file paths (import-x/no-restricted-paths), so a relative
// `../store/x` is caught like `@/store/x`; `no-restricted-imports` keeps only what has no path in
// src (packages: react, zustand, dayjs…). import-x/no-cycle forbids import cycles.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import globals from 'globals'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name)

const DAYJS = { name: 'dayjs', message: "Import dayjs from '@/lib/dayjs' (plugins are registered there)." }
const restrict = (patterns, paths = [DAYJS]) => ({ 'no-restricted-imports': ['error', { paths, patterns }] })

const src = (...names) => names.map((name) => `src/${name}`)
const APP = src('app', 'main.tsx')
const UI = [...src('features', 'components'), ...APP]

const MESSAGES = {
  domain: 'domain is pure TypeScript: no React, store, IO or UI.',
  domainLib: 'domain may only use @/lib/dayjs.',
  io: 'io is pure: plan to file and back.',
  storeUi: 'store must not import UI.',
  storeIo: 'store may only import io/backup.',
  features: 'Features never import each other; compose them in src/app.',
  featuresApp: 'Features must not import the app.',
  components: 'Shared components must not import features, the app or the store: the app passes data in (props, context).',
  lib: 'lib holds browser wrappers and catalogs: it must not import features, the app, the store, components or io.',
}

// Paths are relative to the project root; `except` is relative to `from`.
const LAYER_ZONES = [
  { target: 'src/domain', from: [...src('store', 'io', 'testing'), ...UI], message: MESSAGES.domain },
  { target: 'src/domain', from: 'src/lib', except: ['./dayjs.ts'], message: MESSAGES.domainLib },
  { target: 'src/io', from: [...src('store', 'testing'), ...UI], message: MESSAGES.io },
  { target: 'src/store', from: UI, message: MESSAGES.storeUi },
  { target: 'src/store', from: 'src/io', except: ['./backup'], message: MESSAGES.storeIo },
  ...features.map((name) => ({ target: `src/features/${name}`, from: 'src/features', except: [`./${name}`], message: MESSAGES.features })),
  { target: 'src/features', from: APP, message: MESSAGES.featuresApp },
  { target: 'src/components', from: [...src('features', 'store'), ...APP], message: MESSAGES.components },
  { target: 'src/lib', from: [...src('io', 'store'), ...UI], message: MESSAGES.lib },
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.bench', 'coverage', 'screenshots'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      ...restrict([]),
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}tsconfig.app.json` })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: LAYER_ZONES }],
      // Type-only imports are erased and never form a runtime cycle (the rule skips them); packages
      // cannot import us back, so the search stays inside src.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/lib/dayjs.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      { group: ['react', 'react-dom', 'zustand', 'zundo', '@fullcalendar/*'], message: MESSAGES.domain },
    ]),
  },
  {
    // Browser state lives behind src/lib wrappers; domain and io are pure and run in Node and in workers.
    files: ['src/domain/**/*.ts', 'src/io/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB', 'location'].map((name) => ({
          name, message: 'domain and io are pure: browser state goes through src/lib wrappers.',
        })),
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: restrict([{ group: ['react', 'react-dom', 'zustand'], message: MESSAGES.io }]),
  },
  {
    files: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'e2e/**/*.mjs', 'eslint.config.js', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
)
