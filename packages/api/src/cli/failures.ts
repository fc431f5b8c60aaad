import type { CommandFailure } from '@hoi/adapters'

/** A failed command in one line of text, with the rule and field when a rule refused it. */
export const describeFailure = (f: CommandFailure): { error: string; code?: string; rule?: string; field?: string } => {
  switch (f._tag) {
    case 'Rejection':
      return { error: `${f.rule} ${f.code}: ${f.en} / ${f.vi}`, code: f.code, rule: f.rule, ...(f.field === undefined ? {} : { field: f.field }) }
    case 'RevisionConflict':
      return { error: `revision conflict on ${f.streamId}: expected ${String(f.expected)}, found ${f.actual}`, code: f._tag }
    case 'RetriesExhausted':
      return { error: `gave up on ${f.streamId} after ${f.attempts} conflicting attempts`, code: f._tag }
    default:
      return { error: `${f._tag}: ${'message' in f ? f.message : ''}`, code: f._tag }
  }
}
