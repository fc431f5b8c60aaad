import * as t from 'io-ts'
import { Count, Id, IsoDate, Name, Text, message, taggedUnion } from '../codecs.js'
import { Counting, Metric, Milestones } from './events.js'
import { idStream } from '../streams.js'

const id = { targetId: Id }

export const SetTarget = message(
  'SetTarget',
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
export const ReviseTarget = message('ReviseTarget', { ...id, revisedOn: IsoDate, reason: Text }, { goal: Count, dueOn: IsoDate, milestones: Milestones })
export const WithdrawTarget = message('WithdrawTarget', { ...id, withdrawnOn: IsoDate, reason: Text })

const members = { SetTarget, ReviseTarget, WithdrawTarget }
export const Command = taggedUnion('TargetCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
const stream = idStream('target')
export const streamId: (targetId: string) => string = stream.format
/** The targetId id of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId: (streamId: string) => string | undefined = stream.parse
