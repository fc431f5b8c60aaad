import type * as E from 'fp-ts/lib/Either.js'
import { fold, type Decider, type Rejection } from '../decider.js'

/** `given(decider, events).when(command, context)`: the decision on the state folded from `events`. */
export const given = <C, Ev, S, X>(decider: Decider<C, Ev, S, X>, events: ReadonlyArray<Ev>) => ({
  state: fold(decider.evolve, decider.initialState, events),
  when: (command: C, context: X): E.Either<Rejection, ReadonlyArray<Ev>> => decider.decide(command, fold(decider.evolve, decider.initialState, events), context),
})
