// Lint rules, including the layer boundaries of shared/style.md (rules 4–7 and 21):
// domain → lib/dayjs only; io → domain, lib; store → domain, io/backup, lib; features never import
// each other; dayjs only through src/lib/dayjs.ts; storage only through src/lib wrappers.
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name)

const DAYJS = { name: 'dayjs', message: "Import dayjs from '@/lib/dayjs' (plugins are registered there)." }
const restrict = (patterns, paths = [DAYJS]) => ({ 'no-restricted-imports': ['error', { paths, patterns }] })

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
    files: ['src/lib/dayjs.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      { group: ['react', 'react-dom', 'zustand', 'zundo', '@/store/*', '@/io/*', '@/features/*', '@/components/*', '@/app/*', '@fullcalendar/*'], message: 'domain is pure TypeScript: no React, store, IO or UI.' },
      { group: ['@/lib/*', '!@/lib/dayjs'], message: 'domain may only use @/lib/dayjs.' },
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
    rules: restrict([{ group: ['react', 'react-dom', 'zustand', '@/store/*', '@/features/*', '@/components/*', '@/app/*'], message: 'io is pure: plan to file and back.' }]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict([
      { group: ['@/features/*', '@/components/*', '@/app/*'], message: 'store must not import UI.' },
      { group: ['@/io/*', '!@/io/backup'], message: 'store may only import io/backup.' },
    ]),
  },
  ...features.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    rules: restrict([
      { group: ['@/features/*', `!@/features/${name}`], message: 'Features never import each other; compose them in src/app.' },
      { group: ['@/app/*'], message: 'Features must not import the app.' },
    ]),
  })),
  {
    files: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'e2e/**/*.mjs', 'eslint.config.js', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
)
