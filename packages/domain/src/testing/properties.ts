import { expect } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { fold, type Decider } from '../decider.js'

// Only spec files import this module, and the package build excludes it (see tsconfig.json), so it may use vitest and fast-check.

type Guard = { readonly is: (u: unknown) => boolean }

export type IdempotencyOptions<C extends { readonly type: string }, Ev extends { readonly data: object }, S, X> = {
  readonly decider: Decider<C, Ev, S, X>
  /** One command; the property decides arrays of them in order. */
  readonly command: fc.Arbitrary<C>
  readonly context: (command: C) => X
  /** Commands decided before every generated sequence, e.g. the founding. */
  readonly start?: ReadonlyArray<C>
  /** Every command decided, generated or from `start`, must satisfy this codec. */
  readonly commandCodec?: Guard
  /** Every event emitted must satisfy this codec and carry no `undefined` data value. */
  readonly eventCodec?: Guard
  /** Each of these command types must be accepted at least once over all runs, or the property proved little. */
  readonly expectTypes?: ReadonlyArray<C['type']>
  readonly maxLength: number
  readonly numRuns?: number
}

/**
 * Folds arbitrary command sequences through the decider and asserts that a command which produced
 * events produces none when decided again on the state those events lead to.
 */
export const idempotencyProperty = <C extends { readonly type: string }, Ev extends { readonly data: object }, S, X>(options: IdempotencyOptions<C, Ev, S, X>): void => {
  const { decider, context, start = [], commandCodec, eventCodec, expectTypes } = options
  const accepted = new Set<string>()
  fc.assert(
    fc.property(fc.array(options.command, { maxLength: options.maxLength }), (commands) => {
      let state = decider.initialState
      for (const c of [...start, ...commands]) {
        if (commandCodec !== undefined) expect(commandCodec.is(c)).toBe(true)
        const first = decider.decide(c, state, context(c))
        if (E.isLeft(first) || first.right.length === 0) continue
        accepted.add(c.type)
        if (eventCodec !== undefined) {
          for (const e of first.right) {
            expect(eventCodec.is(e)).toBe(true)
            expect(Object.values(e.data)).not.toContain(undefined)
          }
        }
        state = fold(decider.evolve, state, first.right)
        expect(decider.decide(c, state, context(c))).toEqual(E.right([]))
      }
    }),
    options.numRuns === undefined ? {} : { numRuns: options.numRuns },
  )
  if (expectTypes !== undefined) expect([...accepted].sort()).toEqual([...expectTypes].sort())
}
