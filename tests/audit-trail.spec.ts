import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { DomainCommand } from '@hoi/domain'
import { handleCommand, openMemory } from '@hoi/adapters'
import { collect } from '@hoi/adapters/testing'

const cmd = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as DomainCommand

describe('the audit trail (R38)', () => {
  it('R38: every state change is an appended event with actor, time and reason; a correction is a new event, never an edit', async () => {
    const store = openMemory()
    const run = async (c: DomainCommand, commandId: string, reason?: string) => handleCommand(store, c, { commandId, actor: `clerk-${commandId}`, ...(reason === undefined ? {} : { reason }) })
    expect(
      E.isRight(
        await run(
          cmd('FoundAssociation', { associationId: 'nct', name: 'Hội NCT tỉnh Lai Châu', kind: 'elderly', scope: 'province', areaCode: '12', foundedOn: '2015-05-01', foundingMembers: 120 }),
          'c1',
        ),
      ),
    ).toBe(true)
    expect(
      E.isRight(
        await run(
          cmd('AdmitMember', { memberId: 'm1', associationId: 'nct', personId: 'p1', fullName: 'Lò Văn Hặc', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn: '2016-01-01' }),
          'c2',
        ),
      ),
    ).toBe(true)
    const before = await collect(store.readStream('member-m1'))
    expect(
      E.isRight(
        await run(cmd('CorrectMemberDetails', { memberId: 'm1', associationId: 'nct', correctedOn: '2017-01-01', reason: 'Sai chính tả', fullName: 'Lò Văn Hặt' }), 'c3', 'Sổ hội viên ghi sai'),
      ),
    ).toBe(true)
    const after = await collect(store.readStream('member-m1'))
    // append-only: the admission is still there as recorded, and the correction follows it
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.map((e) => e.type)).toEqual(['MemberAdmitted', 'MemberDetailsCorrected'])
    const correction = after[1]!
    expect(correction.metadata).toMatchObject({ actor: 'clerk-c3', commandId: 'c3', reason: 'Sổ hội viên ghi sai', occurredOn: '2017-01-01' })
    expect(Date.parse(correction.metadata.recordedAt)).not.toBeNaN()
    for (const e of await collect(store.readAll())) expect(e.metadata.actor).toMatch(/^clerk-c[123]$|^system/u)
  })
})
