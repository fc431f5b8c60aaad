import { Id, Period } from './codecs.js'

/**
 * The stream of an aggregate named by one id: `<prefix>-<id>`. Each aggregate builds and parses its
 * stream ids with its own pair (never a template string elsewhere), so the format has one owner.
 */
export const idStream = (prefix: string) => {
  const head = `${prefix}-`
  return {
    format: (id: string): string => head + id,
    parse: (streamId: string): Id | undefined => {
      if (!streamId.startsWith(head)) return undefined
      const id = streamId.slice(head.length)
      return Id.is(id) ? id : undefined
    },
  }
}

/** `report-<associationId>-<period>`: the period is taken from the end, since ids may contain "-". */
export const reportStream = {
  format: (associationId: string, period: string): string => `report-${associationId}-${period}`,
  parse: (streamId: string): { readonly associationId: Id; readonly period: Period } | undefined => {
    if (!streamId.startsWith('report-')) return undefined
    const dash = streamId.lastIndexOf('-')
    const associationId = streamId.slice('report-'.length, dash)
    const period = streamId.slice(dash + 1)
    return dash > 'report-'.length && Id.is(associationId) && Period.is(period) ? { associationId, period } : undefined
  },
}
