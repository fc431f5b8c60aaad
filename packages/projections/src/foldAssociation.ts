import type { ReadModel, Recorded } from './model.js'
import { pushDated } from './model.js'

/** Folds an association event; false when the event belongs to another aggregate. */
export const applyAssociation = (m: ReadModel, e: Recorded): boolean => {
  switch (e.type) {
    case 'AssociationFounded': {
      const d = e.data
      if (m.associations.has(d.associationId)) return true
      m.associations.set(d.associationId, {
        associationId: d.associationId,
        kind: d.kind,
        regime: d.regime,
        scope: d.scope,
        areaCode: d.areaCode,
        parentId: d.parentId,
        foundedOn: d.foundedOn,
        foundingMembers: d.foundingMembers,
        names: [{ on: d.foundedOn, value: d.name }],
        statuses: [{ on: d.foundedOn, value: 'active' }],
        special: [],
        staffQuota: [],
        congresses: [],
        officers: [],
        resolutions: [],
        conferences: [],
        dissolvedOn: undefined,
        ...(d.origin === undefined ? {} : { origin: d.origin }),
      })
      if (d.parentId !== undefined) {
        const siblings = m.children.get(d.parentId)
        if (siblings === undefined) m.children.set(d.parentId, [d.associationId])
        else siblings.push(d.associationId)
      }
      return true
    }
    case 'AssociationRenamed': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.names, d.renamedOn, d.name)
      return true
    }
    case 'SpecialStatusGranted': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.special, d.grantedOn, true)
      return true
    }
    case 'SpecialStatusRevoked': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.special, d.revokedOn, false)
      return true
    }
    case 'StaffQuotaAssigned': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.staffQuota, d.assignedOn, d.quota)
      return true
    }
    case 'CongressHeld': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.congresses, d.heldOn, d)
      return true
    }
    case 'OfficerElected': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) a.officers.push({ memberId: d.memberId, fullName: d.fullName, role: d.role, electedOn: d.electedOn, relievedOn: undefined })
      return true
    }
    case 'OfficerRelieved': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a === undefined) return true
      for (let i = a.officers.length - 1; i >= 0; i--) {
        const o = a.officers[i]!
        if (o.memberId === d.memberId && o.role === d.role && o.relievedOn === undefined) {
          o.relievedOn = d.relievedOn
          break
        }
      }
      return true
    }
    case 'ResolutionAdopted': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.resolutions, d.adoptedOn, d)
      return true
    }
    case 'ConferenceHeld': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.conferences, d.heldOn, d)
      return true
    }
    case 'AssociationSuspended': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.statuses, d.suspendedOn, 'suspended')
      return true
    }
    case 'AssociationReinstated': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated(a.statuses, d.reinstatedOn, 'active')
      return true
    }
    case 'AssociationDissolved': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) {
        pushDated(a.statuses, d.dissolvedOn, 'dissolved')
        if (a.dissolvedOn === undefined || d.dissolvedOn < a.dissolvedOn) a.dissolvedOn = d.dissolvedOn
      }
      return true
    }
    case 'AssociationReparented': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a === undefined || a.parentId === d.parentId) return true
      if (a.parentId !== undefined) {
        const old = m.children.get(a.parentId)
        if (old !== undefined)
          m.children.set(
            a.parentId,
            old.filter((c) => c !== d.associationId),
          )
      }
      a.parentId = d.parentId
      const siblings = m.children.get(d.parentId)
      if (siblings === undefined) m.children.set(d.parentId, [d.associationId])
      else siblings.push(d.associationId)
      return true
    }
    case 'FoundingCommitteeRecognised': {
      const d = e.data
      if (!m.foundings.has(d.associationId))
        m.foundings.set(d.associationId, {
          associationId: d.associationId,
          name: d.name,
          kind: d.kind,
          scope: d.scope,
          areaCode: d.areaCode,
          recognisedOn: d.recognisedOn,
          permittedOn: undefined,
          congressDueBy: undefined,
          extendedOn: undefined,
          extendedDueBy: undefined,
          lapsedOn: undefined,
        })
      return true
    }
    case 'AssociationEstablishmentPermitted': {
      const f = m.foundings.get(e.data.associationId)
      if (f !== undefined && f.permittedOn === undefined) {
        f.permittedOn = e.data.permittedOn
        f.congressDueBy = e.data.congressDueBy
      }
      return true
    }
    case 'EstablishmentPermitExtended': {
      const f = m.foundings.get(e.data.associationId)
      if (f !== undefined && f.extendedOn === undefined) {
        f.extendedOn = e.data.requestedOn
        f.extendedDueBy = e.data.congressDueBy
      }
      return true
    }
    case 'EstablishmentPermitLapsed': {
      const f = m.foundings.get(e.data.associationId)
      if (f !== undefined && f.lapsedOn === undefined) f.lapsedOn = e.data.lapsedOn
      return true
    }
    // an extension leaves the status suspended (the congress watch may show it later); the parent's own
    // list of children mirrors the children's events, which this model already reads
    case 'SuspensionExtended':
    case 'ChildAttached':
    case 'ChildDetached':
      return true
    default:
      return false
  }
}
