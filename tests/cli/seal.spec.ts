import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runSetup } from '../api/support/cases.js'
import { openSqlite } from '@hoi/adapters/sqlite'
import { hoi } from '../support/cli.js'

const NAME = 'Điêu Thị Sương'
const found = {
  type: 'FoundAssociation',
  data: { associationId: 'nct-s', name: 'Hội Người cao tuổi xã Sơn Bình', kind: 'elderly', scope: 'commune', areaCode: '12.106.03', foundedOn: '2015-04-01', foundingMembers: 15 },
}
const admit = (n: number, fullName: string) => ({
  type: 'AdmitMember',
  data: { memberId: `s${n}`, associationId: 'nct-s', personId: `ps${n}`, fullName, birthDate: '1950-05-06', gender: 'female', category: 'official', admittedOn: '2020-05-01' },
})

describe('H1: a store written in clear text before encryption', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-seal-'))
  const path = join(dir, 'old.sqlite')
  // written by the store alone, as hoi did before personal fields were encrypted
  const raw = openSqlite(path)
  await runSetup(raw, [found, admit(1, NAME)])
  await raw.close()
  const store = `sqlite:${path}`
  const file = join(dir, 'more.jsonl')
  writeFileSync(file, `${JSON.stringify(admit(2, 'Lò Văn Pọm'))}\n`)
  const refused = hoi(['exec', file, '--store', store])
  const sealed = hoi(['seal', '--store', store])

  it('H1: is never half-encrypted: a new member is refused, naming hoi seal', () => {
    expect(refused.code).toBe(2)
    expect(refused.stdout).toMatch(/hoi seal/)
  })
  it('H1: hoi seal encrypts every personal field once, re-chains, and the store then works', () => {
    expect(sealed.code, sealed.stderr).toBe(0)
    expect(sealed.stdout).toMatch(/sealed 3 personal fields of 1 persons in 4 events/)
    const db = new Database(path, { readonly: true })
    try {
      expect(JSON.stringify(db.prepare('SELECT data FROM events').pluck().all())).not.toContain(NAME)
    } finally {
      db.close()
    }
    expect(hoi(['verify', '--store', store]).code).toBe(0)
    expect(hoi(['exec', file, '--store', store]).code).toBe(0)
    expect(hoi(['query', 'roster', 'nct-s', '--store', store, '--json']).stdout).toContain(NAME)
    expect(hoi(['seal', '--store', store]).stdout).toMatch(/already sealed/)
  })
})
