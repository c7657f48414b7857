import { generateBenchPlan, describePlan } from './scripts/bench/generate-plan'
const t0 = performance.now()
const { plan } = generateBenchPlan()
console.log(performance.now() - t0, describePlan(plan))
const s = JSON.stringify(plan); console.log(s.length, Buffer.byteLength(s))
console.log(Object.values(plan.tasks).slice(60, 66).map(t => t.title + ' | ' + t.start + ' ' + t.end))
