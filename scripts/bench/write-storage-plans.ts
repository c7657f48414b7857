/**
 * Writes the storage benchmark's two plans as JSON files for the end-to-end storage tests (which run
 * in plain Node and cannot import the TypeScript generators):
 *   tsx --tsconfig tsconfig.app.json scripts/bench/write-storage-plans.ts <folder>
 * → <folder>/bench-plan.json (the bench's 10,000 lean tasks), <folder>/rich-plan.json (10,000 template-like tasks).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateBenchPlan } from './generate-plan'
import { generateRichPlan } from './generate-rich-plan'

const folder = process.argv[2]
if (!folder) throw new Error('usage: write-storage-plans.ts <folder>')
await mkdir(folder, { recursive: true })
await writeFile(join(folder, 'bench-plan.json'), JSON.stringify(generateBenchPlan().plan))
await writeFile(join(folder, 'rich-plan.json'), JSON.stringify(generateRichPlan()))
