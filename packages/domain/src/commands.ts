import * as t from 'io-ts'
import { taggedUnion } from './codecs.js'
import type { AggregateName } from './decider.js'
import * as A from './association/commands.js'
import * as M from './member/commands.js'
import * as C from './club/commands.js'
import * as T from './target/commands.js'
import * as R from './report/commands.js'
import * as V from './movement/commands.js'
import * as U from './unit/commands.js'

export type DomainCommand = A.Command | M.Command | C.Command | T.Command | R.Command | V.Command | U.Command
export type CommandType = DomainCommand['type']

const byAggregate = {
  association: A.commandCodecs,
  member: M.commandCodecs,
  club: C.commandCodecs,
  target: T.commandCodecs,
  report: R.commandCodecs,
  movement: V.commandCodecs,
  unit: U.commandCodecs,
} as const satisfies Record<Exclude<AggregateName, 'claim'>, Record<string, t.Mixed>>

export const commandCodecs = Object.assign({}, ...Object.values(byAggregate)) as Readonly<Record<CommandType, t.Mixed>>
/** Decodes any command `{ type, data }`; a bad field is named with its path (`data.fullName`). */
export const DomainCommand: t.Type<DomainCommand, unknown, unknown> = taggedUnion('DomainCommand', 'type', commandCodecs) as t.Type<DomainCommand, unknown, unknown>
export const commandTypes = Object.keys(commandCodecs) as ReadonlyArray<CommandType>

export const aggregateOfCommand: Readonly<Record<CommandType, AggregateName>> = Object.fromEntries(
  Object.entries(byAggregate).flatMap(([aggregate, codecs]) => Object.keys(codecs).map((k) => [k, aggregate])),
) as Record<CommandType, AggregateName>

export const commandsByAggregate: Readonly<Record<Exclude<AggregateName, 'claim'>, ReadonlyArray<CommandType>>> = Object.fromEntries(
  Object.entries(byAggregate).map(([aggregate, codecs]) => [aggregate, Object.keys(codecs)]),
) as unknown as Record<Exclude<AggregateName, 'claim'>, ReadonlyArray<CommandType>>
