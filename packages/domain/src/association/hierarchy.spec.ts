import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded as foundedEvent } from '../testing/fixtures.js'
import * as Claim from '../claim/claim.js'
import { association, decider, evolve, initialState, type Event, type State } from './index.js'
import type { Command } from './decide.js'

const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const stateOf = (...events: Event[]): State => events.reduce(evolve, initialState)
const province = stateOf(foundedEvent({ associationId: 'nct-12', scope: 'province', areaCode: '12', foundedOn: '2008-01-01' }))
const district = (o: Record<string, unknown> = {}) =>
  cmd('FoundAssociation', {
    associationId: 'nct-12.105',
    name: 'Hội NCT huyện Tam Đường',
    kind: 'elderly',
    scope: 'district',
    areaCode: '12.105',
    foundedOn: '2010-01-01',
    foundingMembers: 25,
    parentId: 'nct-12',
    ...o,
  })
const ctx = { policy: defaultPolicy, parent: province }

describe('association hierarchy (R30)', () => {
  it('R30: founds a district association under its province within the province area', () => {
    expect(E.isRight(given(decider, []).when(district(), ctx))).toBe(true)
  })
  it('R30: refuses a child founded before its parent', () => {
    expect(given(decider, []).when(district({ foundedOn: '2007-12-31' }), ctx)).toMatchObject(E.left({ code: 'BeforeParentFounded', rule: 'R30', field: 'data.foundedOn' }))
  })
  it("R30: refuses an area code outside the parent's area", () => {
    expect(given(decider, []).when(district({ areaCode: '22.105' }), ctx)).toMatchObject(E.left({ code: 'AreaOutsideParent', rule: 'R30', field: 'data.areaCode' }))
  })
  it("R30: refuses a scope that does not match its area code's level", () => {
    expect(given(decider, []).when(district({ areaCode: '12.105.03' }), ctx)).toMatchObject(E.left({ code: 'ScopeDoesNotMatchArea', rule: 'R30', field: 'data.areaCode' }))
    expect(given(decider, []).when(district({ scope: 'province', areaCode: '12.105', parentId: undefined, foundingMembers: 60 }), { policy: defaultPolicy })).toMatchObject(
      E.left({ code: 'ScopeDoesNotMatchArea' }),
    )
  })
  const heldBy = (owner: string) => Claim.evolve(Claim.initialState, { type: 'ClaimTaken', data: { claimId: Claim.areaClaim('elderly', '12.105'), owner, takenOn: '2009-01-01' } } as Claim.Event)
  it('R30: refuses a duplicate: an active association of the same kind already holds the area', () => {
    expect(given(decider, []).when(district(), { ...ctx, area: heldBy('nct-old') })).toMatchObject(E.left({ code: 'DuplicateAssociation', rule: 'R30', field: 'data.areaCode' }))
  })
  it('R30: "other" associations and a same-kind bloc under its parent in the same area are no duplicates', () => {
    expect(E.isRight(given(decider, []).when(district({ kind: 'other' }), { ...ctx, area: heldBy('nct-old') }))).toBe(true)
    const veterans = stateOf(foundedEvent({ associationId: 'ccb', kind: 'veterans', areaCode: '12', foundedOn: '2004-01-01' }))
    const bloc = cmd('FoundAssociation', {
      associationId: 'ccb-khoi',
      name: 'Hội CCB Khối cơ quan',
      kind: 'veterans',
      scope: 'province',
      areaCode: '12',
      foundedOn: '2008-05-19',
      foundingMembers: 0,
      parentId: 'ccb',
    })
    const area = Claim.evolve(Claim.initialState, { type: 'ClaimTaken', data: { claimId: Claim.areaClaim('veterans', '12'), owner: 'ccb', takenOn: '2004-01-01' } } as Claim.Event)
    expect(E.isRight(given(decider, []).when(bloc, { policy: defaultPolicy, parent: veterans, area }))).toBe(true)
  })
  it('R30: founding takes the area claim and tells the parent of its new child', () => {
    const r = given(decider, []).when(district(), ctx)
    if (E.isLeft(r)) throw new Error(r.left.en)
    expect(association.followUps?.(district(), r.right, stateOf(...r.right), ctx)).toEqual([
      { key: 'area', aggregate: 'claim', command: { type: 'TakeClaim', data: { claimId: 'area~elderly~12.105', owner: 'nct-12.105', takenOn: '2010-01-01' } } },
      { key: 'parent', aggregate: 'association', command: { type: 'AttachChild', data: { associationId: 'nct-12', childId: 'nct-12.105', attachedOn: '2010-01-01' } } },
    ])
  })
})

describe('re-parenting (R30)', () => {
  const child = foundedEvent({ associationId: 'nct-12.105', scope: 'district', areaCode: '12.105', foundedOn: '2010-01-01', parentId: 'nct-12' })
  const other = stateOf(foundedEvent({ associationId: 'nct-12b', scope: 'province', areaCode: '12', foundedOn: '2009-01-01' }))
  const move = (o: Record<string, unknown> = {}) => cmd('ReparentAssociation', { associationId: 'nct-12.105', parentId: 'nct-12b', reparentedOn: '2025-07-01', ...o })
  it('R30: moves an association under another parent, recording the previous one', () => {
    expect(given(decider, [child]).when(move(), { policy: defaultPolicy, parent: other })).toEqual(
      E.right([{ type: 'AssociationReparented', data: { associationId: 'nct-12.105', parentId: 'nct-12b', reparentedOn: '2025-07-01', previousParentId: 'nct-12' } }]),
    )
  })
  it('R30: the same parent again is satisfied; a parent outside the area or missing is refused', () => {
    expect(given(decider, [child]).when(move({ parentId: 'nct-12' }), { policy: defaultPolicy, parent: province })).toEqual(E.right([]))
    const far = stateOf(foundedEvent({ associationId: 'nct-22', scope: 'province', areaCode: '22', foundedOn: '2009-01-01' }))
    expect(given(decider, [child]).when(move({ parentId: 'nct-22' }), { policy: defaultPolicy, parent: far })).toMatchObject(E.left({ code: 'AreaOutsideParent', rule: 'R30' }))
    expect(given(decider, [child]).when(move(), { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.parentId' }))
  })
  it('R30: refuses a parent that is its own child', () => {
    const sameLevel = stateOf(foundedEvent({ associationId: 'nct-12b', scope: 'district', areaCode: '12.105', foundedOn: '2011-01-01', parentId: 'nct-12.105' }))
    expect(given(decider, [child]).when(move(), { policy: defaultPolicy, parent: sameLevel })).toMatchObject(E.left({ code: 'ParentCycle', rule: 'R30' }))
  })
})

describe('dissolving a parent (R30)', () => {
  const parentHistory: Event[] = [
    foundedEvent({ associationId: 'nct-12', areaCode: '12', foundedOn: '2008-01-01' }),
    { type: 'ChildAttached', data: { associationId: 'nct-12', childId: 'a', attachedOn: '2010-01-01' } } as Event,
    { type: 'ChildAttached', data: { associationId: 'nct-12', childId: 'b', attachedOn: '2010-01-01' } } as Event,
  ]
  const dissolve = (children?: unknown) =>
    cmd('DissolveAssociation', { associationId: 'nct-12', dissolvedOn: '2025-08-01', dissolution: 'voluntary', ground: 'purpose-achieved', ...(children === undefined ? {} : { children }) })
  it('R30: refuses to dissolve a parent without saying what becomes of each child', () => {
    expect(given(decider, parentHistory).when(dissolve(), { policy: defaultPolicy })).toMatchObject(
      E.left({ code: 'ChildrenFateMissing', rule: 'R30', field: 'data.children', en: expect.stringContaining('a, b') }),
    )
    expect(given(decider, parentHistory).when(dissolve([{ associationId: 'a', fate: 'dissolve' }]), { policy: defaultPolicy })).toMatchObject(E.left({ code: 'ChildrenFateMissing' }))
  })
  it('R30: refuses a fate for an association that is not a child', () => {
    expect(
      given(decider, parentHistory).when(
        dissolve([
          { associationId: 'a', fate: 'dissolve' },
          { associationId: 'b', fate: 'dissolve' },
          { associationId: 'z', fate: 'dissolve' },
        ]),
        { policy: defaultPolicy },
      ),
    ).toMatchObject(E.left({ code: 'NotAChild', rule: 'R30' }))
  })
  it('R30: with every fate listed, the children are re-parented or dissolved by follow-ups on the same date', () => {
    const fates = [
      { associationId: 'a', fate: 'reparent', parentId: 'nct-12b' },
      { associationId: 'b', fate: 'dissolve' },
    ]
    const r = given(decider, parentHistory).when(dissolve(fates), { policy: defaultPolicy })
    if (E.isLeft(r)) throw new Error(r.left.en)
    expect(association.followUps?.(dissolve(fates), r.right, stateOf(...parentHistory, ...r.right), { policy: defaultPolicy })).toEqual([
      { key: 'area', aggregate: 'claim', command: { type: 'ReleaseClaim', data: { claimId: 'area~elderly~12', owner: 'nct-12', releasedOn: '2025-08-01' } } },
      { key: 'child~a', aggregate: 'association', command: { type: 'ReparentAssociation', data: { associationId: 'a', parentId: 'nct-12b', reparentedOn: '2025-08-01' } } },
      { key: 'child~b', aggregate: 'association', command: { type: 'DissolveWithParent', data: { associationId: 'b', parentId: 'nct-12', dissolvedOn: '2025-08-01' } } },
    ])
  })
  it('R30: a child dissolved with its parent takes its own children with it; a parent-dissolved ground cannot be claimed directly', () => {
    const b = [
      foundedEvent({ associationId: 'b', scope: 'district', areaCode: '12.105', foundedOn: '2010-01-01', parentId: 'nct-12' }),
      { type: 'ChildAttached', data: { associationId: 'b', childId: 'c', attachedOn: '2011-01-01' } } as Event,
    ]
    expect(given(decider, b).when(cmd('DissolveWithParent', { associationId: 'b', parentId: 'nct-12', dissolvedOn: '2025-08-01' }), { policy: defaultPolicy })).toMatchObject(
      E.right([{ type: 'AssociationDissolved', data: { ground: 'parent-dissolved', children: [{ associationId: 'c', fate: 'dissolve' }] } }]),
    )
    expect(
      given(decider, b).when(cmd('DissolveAssociation', { associationId: 'b', dissolvedOn: '2025-08-01', dissolution: 'compulsory', ground: 'parent-dissolved' }), { policy: defaultPolicy }),
    ).toMatchObject(E.left({ code: 'GroundOnlyWithParent' }))
  })
})

describe('abolished levels (R37)', () => {
  it('R37: no district association is founded from 2025-07-01; the day before still is', () => {
    expect(given(decider, []).when(district({ foundedOn: '2025-07-01' }), ctx)).toMatchObject(E.left({ code: 'ScopeAbolished', rule: 'R37', field: 'data.foundedOn' }))
    expect(E.isRight(given(decider, []).when(district({ foundedOn: '2025-06-30' }), ctx))).toBe(true)
  })
  it('R37: the abolished levels are policy', () => {
    expect(E.isRight(given(decider, []).when(district({ foundedOn: '2025-07-01' }), { ...ctx, policy: { ...defaultPolicy, abolishedScopes: [] } }))).toBe(true)
  })
})
