import type { BatchItem } from '@hoi/adapters'
import { dayOf, personName, rng } from './gen.js'

export const PROVINCE_NCT = 'lc-nct'
/** The commune Hội NCT W9 admits members into: below lc-nct, in the provincial NCT clerk's scope. */
export const COMMUNE_NCT = 'lc-109.04-nct'

const item = (n: number, type: string, data: Record<string, unknown>): BatchItem => ({ command: { type, data }, meta: { commandId: `seed-${n}`, actor: 'bench-seed' } })

/**
 * A modest province of Hội Người cao tuổi as commands (decoded and decided like a client's):
 * the provincial association, 11 districts with 15 communes each (lc-109.04-nct among them, as in
 * the demo), and `members` admissions spread over the communes between 2012 and 2023.
 */
export const seedCommands = (members: number): BatchItem[] => {
  const r = rng(909)
  const out: BatchItem[] = []
  let n = 0
  const found = (associationId: string, name: string, scope: string, areaCode: string, foundedOn: string, foundingMembers: number, parentId?: string): void => {
    out.push(item(++n, 'FoundAssociation', { associationId, name, kind: 'elderly', scope, areaCode, foundedOn, foundingMembers, ...(parentId === undefined ? {} : { parentId }) }))
  }
  found(PROVINCE_NCT, 'Hội Người cao tuổi tỉnh Lai Châu', 'province', '12', '2005-06-01', 80)
  const communes: string[] = []
  for (let d = 100; d <= 110; d++) {
    const district = `lc-${d}-nct`
    found(district, `Hội Người cao tuổi huyện ${d}`, 'district', `12.${d}`, dayOf(800 + d), 30, PROVINCE_NCT)
    for (let c = 1; c <= 15; c++) {
      const code = `${d}.${String(c).padStart(2, '0')}`
      const id = `lc-${code}-nct`
      communes.push(id)
      found(id, `Hội Người cao tuổi xã ${code}`, 'commune', `12.${code}`, dayOf(1500 + c * 10 + d), 12 + (c % 5), district)
    }
  }
  for (let i = 1; i <= members; i++) {
    const admittedOn = dayOf(2600 + Math.floor((i / members) * 4000))
    const gender = r.next() < 0.55 ? 'female' : 'male'
    const born = `${Number(admittedOn.slice(0, 4)) - r.int(60, 85)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    out.push(
      item(++n, 'AdmitMember', {
        memberId: `seed-m-${i}`,
        associationId: communes[r.int(0, communes.length - 1)]!,
        personId: `seed-p-${i}`,
        fullName: personName(r, gender),
        birthDate: born,
        gender,
        category: 'official',
        admittedOn,
      }),
    )
  }
  return out
}
