import * as E from 'fp-ts/lib/Either.js'
import type { DomainCommand } from './commands.js'
import type { DomainEvent } from './events.js'

/** A command refused by a hard rule: stable code, the rule's number, and a message in Vietnamese and English. */
export type Rejection = {
  readonly _tag: 'Rejection'
  readonly code: string
  readonly rule: string
  readonly en: string
  readonly vi: string
  readonly field?: string
}

export const reject = (code: string, rule: string, en: string, vi: string, field?: string): E.Either<Rejection, never> =>
  E.left(field === undefined ? { _tag: 'Rejection', code, rule, en, vi } : { _tag: 'Rejection', code, rule, en, vi, field })

/** A soft rule that did not hold: recorded on the event, never a refusal. */
export type Flag = { readonly rule: string; readonly code: string; readonly message: string }

/**
 * The decider of an aggregate. `decide` is pure: time, ids and actor arrive in the command, and
 * what it needs from other streams arrives in `context` (loaded by the caller from `needs`).
 * A command that is already satisfied returns no events.
 */
export type Decider<C, Ev, S, X> = {
  readonly decide: (command: C, state: S, context: X) => E.Either<Rejection, ReadonlyArray<Ev>>
  readonly evolve: (state: S, event: Ev) => S
  readonly initialState: S
  readonly isTerminal: (state: S) => boolean
}

/** Another stream whose folded state `decide` needs, under `key` in the context. */
export type Need = { readonly key: string; readonly aggregate: AggregateName; readonly streamId: string }

export type AggregateName = 'association' | 'member' | 'club' | 'target' | 'report' | 'movement' | 'unit' | 'claim'

export const fold = <Ev, S>(evolve: (s: S, e: Ev) => S, initial: S, events: Iterable<Ev>): S => {
  let s = initial
  for (const e of events) s = evolve(s, e)
  return s
}

export const accept = <Ev>(...events: ReadonlyArray<Ev>): E.Either<Rejection, ReadonlyArray<Ev>> => E.right(events)
export const nothing: E.Either<Rejection, ReadonlyArray<never>> = E.right([])

/**
 * What every aggregate module exports (`import * as Member from '@hoi/domain/member'`):
 * its decider, the stream a command goes to, and the other streams `decide` needs in its context.
 */
export type AggregateModule<C extends { type: string }, Ev extends { type: string }, S, X> = {
  readonly name: AggregateName
  readonly decider: Decider<C, Ev, S, X>
  readonly streamOf: (command: C) => string
  readonly needs: (command: C) => ReadonlyArray<Need>
  /**
   * Streams `decide` needs that only the first needs can name (the claims of the associations an
   * heir carries, R10, R21): asked once the context of `needs` is loaded, and loaded into it too.
   */
  readonly laterNeeds?: (command: C, context: X) => ReadonlyArray<Need>
  /**
   * Commands other streams must decide because these events were stored (an officer who leaves the
   * association leaves office; a membership claims its person's seat). Pure: the caller runs them
   * with the command id extended by `key`, so running them again stores nothing new.
   */
  readonly followUps?: (command: C, events: ReadonlyArray<Ev>, state: S, context: X) => ReadonlyArray<FollowUp>
}

/**
 * Any aggregate module, as the command handler sees it: it routes each command to the module of its
 * aggregate (`aggregateOfCommand`) and folds that module's own streams, so the module only ever
 * receives its own commands, events and states. Method signatures let every typed module be one.
 */
/** A public command or one only follow-ups send (internal commands have no public codec). */
export type AnyCommand = DomainCommand | { readonly type: string; readonly data: unknown }

export interface SomeAggregate {
  readonly name: AggregateName
  readonly decider: {
    decide(command: AnyCommand, state: unknown, context: Record<string, unknown>): E.Either<Rejection, ReadonlyArray<DomainEvent>>
    evolve(this: void, state: unknown, event: DomainEvent): unknown
    readonly initialState: unknown
    isTerminal(state: unknown): boolean
  }
  streamOf(command: AnyCommand): string
  needs(command: AnyCommand): ReadonlyArray<Need>
  laterNeeds?(command: AnyCommand, context: Record<string, unknown>): ReadonlyArray<Need>
  followUps?(command: AnyCommand, events: ReadonlyArray<DomainEvent>, state: unknown, context: Record<string, unknown>): ReadonlyArray<FollowUp>
}
/** A command for another aggregate, decided after the events that caused it; `key` is unique per causing command. */
export type FollowUp = { readonly key: string; readonly aggregate: AggregateName; readonly command: { readonly type: string; readonly data: unknown } }
