// Screenshots of every view, for a person to look at: node scripts/screenshot.mjs [outDir]
import { mkdir } from 'node:fs/promises'
import { startStaticServer } from './lib/static-server.mjs'
import { launchBrowser } from './lib/browser.mjs'

const outDir = process.argv[2] ?? 'screenshots'
await mkdir(outDir, { recursive: true })
const server = await startStaticServer('dist')
const browser = await launchBrowser()
const width = Number(process.env.WIDTH ?? 1366)
const height = Number(process.env.HEIGHT ?? 768)
const page = await browser.newPage({ viewport: { width, height } })
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()) })
page.on('pageerror', (e) => console.log('pageerror', e.message))
await page.goto(server.url)
await page.waitForSelector('.fc-daygrid-day')
await page.screenshot({ path: `${outDir}/month.png` })
for (const [label, name] of [['Tuần', 'week'], ['Danh sách', 'list'], ['Năm', 'year']]) {
  await page.getByRole('button', { name: label, exact: true }).click()
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${outDir}/${name}.png` })
}
await page.getByRole('button', { name: 'Tháng', exact: true }).click()
await page.locator('.fc-event.task-event').first().click()
await page.waitForSelector('dialog[open]')
await page.screenshot({ path: `${outDir}/editor.png` })
await page.keyboard.press('Escape')
await page.getByRole('button', { name: 'Cài đặt' }).click()
await page.waitForSelector('dialog[open]')
await page.screenshot({ path: `${outDir}/settings.png` })
await page.keyboard.press('Escape')
await page.getByRole('button', { name: 'Ngôn ngữ' }).click()
await page.waitForTimeout(300)
await page.screenshot({ path: `${outDir}/month-en.png` })
await browser.close()
await server.close()
console.log(`screenshots in ${outDir}/`)
