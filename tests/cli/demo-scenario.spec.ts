import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { root } from '../support/cli.js'

// The demo generator's commands themselves (no store): is the member history plausible?
const demoModule = join(root, 'packages/api/dist/demo/index.js')
type Command = { type: string; data: Record<string, unknown> }
let commands: Command[] = []

beforeAll(async () => {
  if (!existsSync(demoModule)) throw new Error(`build first: ${demoModule} is missing`)
  const { demoCommands } = (await import(demoModule)) as { demoCommands: () => Iterable<{ command: Command }> }
  commands = [...demoCommands()].map((c) => c.command)
}, 300_000)

const YEAR_MS = 365.2425 * 86_400_000
const age = (birthDate: string, on: string) => (Date.parse(on) - Date.parse(birthDate)) / YEAR_MS
const last = () => commands.reduce((d, c) => (c.type === 'AdmitMember' && String(c.data.admittedOn) > d ? String(c.data.admittedOn) : d), '')

describe('the demo members’ history', () => {
  it('admissions are spread over every year from 2006 to 2026', () => {
    const years = new Set(commands.filter((c) => c.type === 'AdmitMember').map((c) => String(c.data.admittedOn).slice(0, 4)))
    for (let y = 2006; y <= 2026; y++) expect(years.has(String(y)), String(y)).toBe(true)
  })

  it('nobody is a member past 100 without a recorded death, and nobody dies before admission', () => {
    const died = new Map(commands.filter((c) => c.type === 'RecordDeath').map((c) => [String(c.data.memberId), String(c.data.diedOn)]))
    const horizon = last()
    let alive = 0
    const wrong: string[] = []
    for (const c of commands.filter((x) => x.type === 'AdmitMember')) {
      const diedOn = died.get(String(c.data.memberId))
      if (diedOn === undefined) alive++
      if (diedOn !== undefined && diedOn < String(c.data.admittedOn)) wrong.push(`${String(c.data.memberId)} died before admission`)
      if (age(String(c.data.birthDate), diedOn ?? horizon) >= 100) wrong.push(`${String(c.data.memberId)} is 100 or older`)
    }
    expect(wrong).toEqual([])
    expect(alive).toBeGreaterThan(150_000)
  })

  it('deaths among the Hội NCT members run at a realistic yearly rate for their age (2 % to 8 %)', () => {
    const elderly = commands.filter((c) => c.type === 'AdmitMember' && String(c.data.associationId).endsWith('-nct'))
    const died = new Map(commands.filter((c) => c.type === 'RecordDeath').map((c) => [String(c.data.memberId), String(c.data.diedOn)]))
    // person-years and deaths of 2022
    let exposure = 0
    let deaths = 0
    for (const c of elderly) {
      const from = String(c.data.admittedOn) > '2022-01-01' ? String(c.data.admittedOn) : '2022-01-01'
      const diedOn = died.get(String(c.data.memberId))
      const to = diedOn !== undefined && diedOn < '2023-01-01' ? diedOn : '2023-01-01'
      if (to <= from) continue
      exposure += (Date.parse(to) - Date.parse(from)) / YEAR_MS
      if (diedOn !== undefined && diedOn < '2023-01-01') deaths++
    }
    const rate = deaths / exposure
    expect(rate).toBeGreaterThan(0.02)
    expect(rate).toBeLessThan(0.08)
  })
})

describe('the demo congresses', () => {
  it('R17: most term congresses are notified to the authority with its opinion before; a few show each lapse', () => {
    const term = commands.filter((c) => c.type === 'HoldCongress' && c.data.kind === 'term')
    const notified = new Set(commands.filter((c) => c.type === 'NotifyAuthorityOfCongress').map((c) => `${String(c.data.associationId)}/${String(c.data.congressNumber)}`))
    const unnotified = term.filter((c) => !notified.has(`${String(c.data.associationId)}/${String(c.data.number)}`))
    expect(unnotified.length).toBeGreaterThan(0)
    expect(unnotified.length * 10).toBeLessThan(term.length)
  })
})
