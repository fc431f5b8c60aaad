import { describe, expect, it } from 'vitest'
import { applyAll, descendants, emptyModel, registry } from './index.js'
import { ev, log } from './testing/recorded.js'

// The events of the organisation rules (R10, R30): re-parenting is applied, the bookkeeping ones are read safely.
const history = () =>
  log(
    ev.founded('nct', { scope: 'province', areaCode: '12', foundedOn: '2000-03-01' }),
    ev.founded('nct-b', { scope: 'province', areaCode: '12', foundedOn: '2001-03-01' }),
    ev.founded('nct-tp', { scope: 'district', areaCode: '12.105', parentId: 'nct', foundedOn: '2005-06-01' }),
    ['ChildAttached', { associationId: 'nct', childId: 'nct-tp', attachedOn: '2005-06-01' }],
    ['ClaimTaken', { claimId: 'area~elderly~12.105', owner: 'nct-tp', takenOn: '2005-06-01' }],
    ['AssociationReparented', { associationId: 'nct-tp', parentId: 'nct-b', previousParentId: 'nct', reparentedOn: '2025-07-01' }],
    ['ChildDetached', { associationId: 'nct', childId: 'nct-tp', detachedOn: '2025-07-01' }],
    ['ClaimReleased', { claimId: 'area~elderly~12.105', owner: 'nct-tp', releasedOn: '2025-08-01' }],
  )

describe('fold: hierarchy events', () => {
  it('R30: a re-parented association moves to its new parent in the registry and the tree', () => {
    const m = applyAll(emptyModel(), history())
    expect(registry(m, {}).find((a) => a.associationId === 'nct-tp')).toMatchObject({ parentId: 'nct-b' })
    expect(descendants(m, 'nct-b')).toContain('nct-tp')
    expect(descendants(m, 'nct')).not.toContain('nct-tp')
  })
  it("claims and the parent's child list change no view, and a redelivered re-parenting changes nothing", () => {
    const events = history()
    const once = applyAll(emptyModel(), events)
    const twice = applyAll(emptyModel(), [...events, events[5]!])
    expect(registry(twice, {})).toEqual(registry(once, {}))
    expect(descendants(twice, 'nct-b')).toEqual(descendants(once, 'nct-b'))
  })
})
