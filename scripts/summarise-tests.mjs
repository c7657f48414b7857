// One closing line for the whole run: "tests: N passed, M failed" (unit + end-to-end).
import { readFileSync, existsSync } from 'node:fs'

const unit = JSON.parse(readFileSync('.test-results/unit.json', 'utf8'))
let passed = unit.numPassedTests
let failed = unit.numFailedTests
if (existsSync('.test-results/e2e.tap')) {
  const tap = readFileSync('.test-results/e2e.tap', 'utf8')
  passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0)
  failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0)
}
console.log(`unit ${unit.numPassedTests}/${unit.numTotalTests}; end-to-end in .test-results/e2e.tap`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
