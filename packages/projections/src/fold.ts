import type { Award, EventData, LeaveKind, MemberChange, MemberState, ReadModel, Recorded, TargetShape } from './model.js'
import { pushDated, reportKey } from './model.js'
import { applyAssociation } from './foldAssociation.js'
import { applyReorganisation } from './foldReorganisation.js'
import { applyGovernance } from './foldGovernance.js'
import { applyUnit } from './foldUnits.js'

type D<T extends Recorded['type']> = EventData<T>

const changeOf = (m: ReadModel, memberId: string): MemberChange => {
  let c = m.memberChanges.get(memberId)
  if (c === undefined) {
    c = { leftOn: undefined, leftBy: undefined, categoryChanges: undefined, referredOn: undefined, fullName: undefined, birthDate: undefined, gender: undefined, cardNo: undefined }
    m.memberChanges.set(memberId, c)
  }
  return c
}

const leave = (m: ReadModel, memberId: string, on: string, by: LeaveKind): void => {
  const c = changeOf(m, memberId)
  // a later leaving event cannot un-leave; the first one recorded stands (R11)
  if (c.leftOn === undefined) {
    c.leftOn = on
    c.leftBy = by
  }
}

const admit = (m: ReadModel, d: D<'MemberAdmitted'> | D<'MemberTransferredIn'>, admittedOn: string, via: 'admitted' | 'transferred-in', from: string | undefined): void => {
  const member: MemberState = {
    memberId: d.memberId,
    associationId: d.associationId,
    personId: d.personId,
    fullName: d.fullName,
    birthDate: d.birthDate,
    gender: d.gender,
    category: d.category,
    admittedOn,
    via,
    fromAssociationId: from,
    cardNo: d.cardNo,
    flags: d.flags,
  }
  // one admission per member stream (the decider refuses a second), so nothing to look up first
  const list = m.membersOf.get(d.associationId)
  if (list === undefined) m.membersOf.set(d.associationId, [member])
  else list.push(member)
  m.members.added(member)
}

const applyReport = (m: ReadModel, e: Recorded): void => {
  switch (e.type) {
    case 'ReportSubmitted': {
      const d = e.data
      const key = reportKey(d.associationId, d.period)
      const r = m.reports.get(key)
      if (r === undefined) {
        m.reports.set(key, {
          associationId: d.associationId,
          period: d.period,
          submittedOn: d.submittedOn,
          dueOn: d.dueOn,
          late: d.late,
          narrative: d.narrative,
          values: [{ on: d.submittedOn, value: d.indicators }],
          statuses: [{ on: d.submittedOn, value: 'submitted' }],
          returns: [],
        })
      } else {
        r.submittedOn = d.submittedOn
        r.dueOn = d.dueOn
        r.late = d.late
        if (d.narrative !== undefined) r.narrative = d.narrative
        pushDated(r.values, d.submittedOn, d.indicators)
        pushDated(r.statuses, d.submittedOn, 'submitted')
      }
      return
    }
    case 'ReportCorrected': {
      const d = e.data
      const r = m.reports.get(reportKey(d.associationId, d.period))
      if (r === undefined) return
      pushDated(r.values, d.correctedOn, d.indicators)
      if (d.narrative !== undefined) r.narrative = d.narrative
      // a corrected returned report goes back for review
      pushDated(r.statuses, d.correctedOn, 'submitted')
      return
    }
    case 'ReportApproved': {
      const d = e.data
      const r = m.reports.get(reportKey(d.associationId, d.period))
      if (r !== undefined) pushDated(r.statuses, d.approvedOn, 'approved')
      return
    }
    // an unapproved report is open again, as submitted (R33)
    case 'ReportUnapproved': {
      const d = e.data
      const r = m.reports.get(reportKey(d.associationId, d.period))
      if (r !== undefined) pushDated(r.statuses, d.unapprovedOn, 'submitted')
      return
    }
    case 'ReportReturned': {
      const d = e.data
      const r = m.reports.get(reportKey(d.associationId, d.period))
      if (r === undefined) return
      pushDated(r.statuses, d.returnedOn, 'returned')
      pushDated(r.returns, d.returnedOn, d.reason)
      return
    }
    default:
  }
}

const applyOther = (m: ReadModel, e: Recorded): void => {
  switch (e.type) {
    case 'ClubLaunched': {
      const d = e.data
      m.clubs.set(d.clubId, {
        clubId: d.clubId,
        name: d.name,
        model: d.model,
        hostAssociationId: d.hostAssociationId,
        areaCode: d.areaCode,
        launchedOn: d.launchedOn,
        programme: d.programme,
        rosters: [{ on: d.launchedOn, value: { roster: d.roster, flags: d.flags } }],
        activityOn: [],
        activityArea: [],
        closedOn: undefined,
      })
      return
    }
    case 'ClubRosterReported': {
      const d = e.data
      const c = m.clubs.get(d.clubId)
      if (c !== undefined) pushDated(c.rosters, d.reportedOn, { roster: d.roster, flags: d.flags })
      return
    }
    case 'ClubClosed': {
      const d = e.data
      const c = m.clubs.get(d.clubId)
      if (c !== undefined && c.closedOn === undefined) c.closedOn = d.closedOn
      return
    }
    case 'TargetSet': {
      const d = e.data
      m.targets.set(d.targetId, {
        targetId: d.targetId,
        ownerAssociationId: d.ownerAssociationId,
        title: d.title,
        metric: d.metric,
        counting: d.counting,
        startOn: d.startOn,
        setOn: d.setOn,
        sourceResolutionId: d.sourceResolutionId,
        initial: { goal: d.goal, dueOn: d.dueOn, milestones: d.milestones },
        revisions: [],
        withdrawnOn: undefined,
      })
      return
    }
    case 'TargetRevised': {
      const d = e.data
      const t = m.targets.get(d.targetId)
      if (t === undefined) return
      const change: { -readonly [K in keyof TargetShape]?: TargetShape[K] } = {}
      if (d.goal !== undefined) change.goal = d.goal
      if (d.dueOn !== undefined) change.dueOn = d.dueOn
      if (d.milestones !== undefined) change.milestones = d.milestones
      pushDated(t.revisions, d.revisedOn, change)
      return
    }
    case 'TargetWithdrawn': {
      const d = e.data
      const t = m.targets.get(d.targetId)
      if (t !== undefined && t.withdrawnOn === undefined) t.withdrawnOn = d.withdrawnOn
      return
    }
    case 'EmulationMovementLaunched': {
      const d = e.data
      m.movements.set(d.movementId, {
        movementId: d.movementId,
        ownerAssociationId: d.ownerAssociationId,
        title: d.title,
        cycleStart: d.cycleStart,
        cycleEnd: d.cycleEnd,
        launchedOn: d.launchedOn,
        concludedOn: undefined,
        awards: [],
      })
      return
    }
    case 'CommendationAwarded': {
      const d = e.data
      const v = m.movements.get(d.movementId)
      if (v === undefined) return
      const award: Award = { commendationId: d.commendationId, recipient: d.recipient, form: d.form, awardedOn: d.awardedOn }
      let i = v.awards.length
      while (i > 0 && v.awards[i - 1]!.awardedOn > d.awardedOn) i--
      v.awards.splice(i, 0, award)
      return
    }
    case 'EmulationMovementConcluded': {
      const d = e.data
      const v = m.movements.get(d.movementId)
      if (v !== undefined && v.concludedOn === undefined) v.concludedOn = d.concludedOn
      return
    }
    default:
      applyReport(m, e)
  }
}

/**
 * Folds one recorded event into the model, in place, and returns it. An event at or below the
 * model's position was already applied (at-least-once delivery) and changes nothing.
 */
export const apply = (m: ReadModel, e: Recorded): ReadModel => {
  if (e.position <= m.position) return m
  m.position = e.position
  m.lastRecordedAt = e.metadata.recordedAt
  // the most frequent events first: members and club activities dominate a province's log
  switch (e.type) {
    case 'MemberAdmitted': {
      const d = e.data
      admit(m, d, d.admittedOn, 'admitted', undefined)
      return m
    }
    case 'ClubActivityRecorded': {
      const d = e.data
      const c = m.clubs.get(d.clubId)
      // kept in log order: sorting thousands of backdated activities would make the fold quadratic
      if (c !== undefined) {
        c.activityOn.push(d.heldOn)
        c.activityArea.push(d.area)
      }
      return m
    }
    case 'MemberTransferredIn': {
      const d = e.data
      admit(m, d, d.transferredOn, 'transferred-in', d.fromAssociationId)
      return m
    }
    case 'MemberCategoryChanged': {
      const d = e.data
      pushDated((changeOf(m, d.memberId).categoryChanges ??= []), d.changedOn, d.category)
      return m
    }
    case 'MemberDetailsCorrected': {
      const d = e.data
      const s = changeOf(m, d.memberId)
      if (d.fullName !== undefined) s.fullName = d.fullName
      if (d.birthDate !== undefined) s.birthDate = d.birthDate
      if (d.gender !== undefined) s.gender = d.gender
      if (d.cardNo !== undefined) s.cardNo = d.cardNo
      return m
    }
    case 'MemberTransferredOut': {
      const d = e.data
      leave(m, d.memberId, d.transferredOn, 'transferred-out')
      return m
    }
    case 'MemberResigned':
      leave(m, e.data.memberId, e.data.resignedOn, 'resigned')
      return m
    case 'MemberExpelled':
      leave(m, e.data.memberId, e.data.expelledOn, 'expelled')
      return m
    case 'MemberStruckOff':
      leave(m, e.data.memberId, e.data.struckOffOn, 'struck-off')
      return m
    case 'MemberDeceased':
      leave(m, e.data.memberId, e.data.diedOn, 'deceased')
      return m
    case 'MemberReferredToParty': {
      const d = e.data
      const s = changeOf(m, d.memberId)
      if (s.referredOn === undefined) s.referredOn = d.referredOn
      return m
    }
    default:
      if (!applyReorganisation(m, e) && !applyAssociation(m, e) && !applyGovernance(m, e) && !applyUnit(m, e)) applyOther(m, e)
      return m
  }
}

export const applyAll = (m: ReadModel, events: Iterable<Recorded>): ReadModel => {
  for (const e of events) apply(m, e)
  return m
}
