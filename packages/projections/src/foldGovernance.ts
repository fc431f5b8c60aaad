import { occurredOn } from '@hoi/domain'
import type { GovernanceRecord, ReadModel, Recorded } from './model.js'
import { pushDated } from './model.js'

/** Keeps a governance event under its association, by its business date; false for any other event. */
export const applyGovernance = (m: ReadModel, e: Recorded): boolean => {
  switch (e.type) {
    case 'ExtraordinaryCongressRequested':
    case 'CongressNotified':
    case 'AuthorityOpinionRecorded':
    case 'HeadquartersChanged':
    case 'CharterApproved':
    case 'ComplaintLodged':
    case 'ComplaintResolved':
    case 'BranchEstablished':
    case 'BranchClosed':
    case 'LeaderRemunerationRecorded':
    case 'MemberPlacedInBranch': {
      // the recorded event is itself the record (its type and data are what the view reads)
      const record: GovernanceRecord = e
      let list = m.governance.get(e.data.associationId)
      if (list === undefined) {
        list = []
        m.governance.set(e.data.associationId, list)
      }
      pushDated(list, occurredOn(e), record)
      return true
    }
    default:
      return false
  }
}
