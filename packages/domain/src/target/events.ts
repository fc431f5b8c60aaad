import * as t from 'io-ts'
import { Count, Id, IsoDate, Name, Text, boundedArray, message, oneOf, strict, strictPartial, taggedUnion } from '../codecs.js'
import { AreaCode } from '../association/events.js'
import { IndicatorCode } from '../report/indicators.js'

export const Counting = oneOf('Counting', ['cumulative', 'new-since-start'] as const)
export type Counting = t.TypeOf<typeof Counting>

/** What a target counts. Clubs are counted in an area (code prefix); members and indicators over an association and its descendants. */
export const Metric = taggedUnion('Metric', 'kind', {
  'clubs-launched': strict({ kind: t.literal('clubs-launched'), model: oneOf('ClubModelFilter', ['ishc', 'any'] as const), areaCode: AreaCode }, 'ClubsLaunched'),
  'members-admitted': strict({ kind: t.literal('members-admitted'), associationId: Id }, 'MembersAdmitted'),
  'report-indicator': strict({ kind: t.literal('report-indicator'), associationId: Id, indicator: IndicatorCode }, 'ReportIndicator'),
})
export type Metric = t.TypeOf<typeof Metric>

export const Milestone = strictPartial({ label: Name, goal: Count, dueOn: IsoDate }, { counting: Counting }, 'Milestone')
export type Milestone = t.TypeOf<typeof Milestone>
export const Milestones = boundedArray(Milestone, 50, 'Milestones')

const id = { targetId: Id }

export const TargetSet = message(
  'TargetSet',
  {
    ...id,
    ownerAssociationId: Id,
    title: Name,
    metric: Metric,
    counting: Counting,
    goal: Count,
    startOn: IsoDate,
    dueOn: IsoDate,
    milestones: Milestones,
    setOn: IsoDate,
  },
  { sourceResolutionId: Id },
)
export const TargetRevised = message('TargetRevised', { ...id, revisedOn: IsoDate, reason: Text }, { goal: Count, dueOn: IsoDate, milestones: Milestones })
export const TargetWithdrawn = message('TargetWithdrawn', { ...id, withdrawnOn: IsoDate, reason: Text })

const members = { TargetSet, TargetRevised, TargetWithdrawn }
export const Event = taggedUnion('TargetEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
