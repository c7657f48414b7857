// Runs the unit tests (domain, formats, store) once per time zone: an all-day task must not move a
// day whatever zone the machine is in. Zones: UTC, Vietnam (UTC+7), New York (DST, UTC-5/-4) and
// Kiritimati (UTC+14, the earliest), which together catch off-by-one-day bugs in both directions.
import { spawnSync } from 'node:child_process'

const ZONES = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York', 'Pacific/Kiritimati']
let failed = 0
for (const zone of ZONES) {
  console.log(`\n── TZ=${zone} ──`)
  const result = spawnSync('npx', ['vitest', 'run', '--reporter=dot', 'src/domain', 'src/io', 'src/store', 'src/features'], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  })
  if (result.status !== 0) failed += 1
}
console.log(`\ntime zones: ${ZONES.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
