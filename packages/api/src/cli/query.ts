import * as P from '@hoi/projections'
import type { ReadModel } from '@hoi/projections'
import { formatNumber, table } from './table.js'
import { UsageError } from './args.js'

export type QueryArgs = { asOf?: string; year?: string; association?: string; period?: string; area?: string; kind?: string; scope?: string; today: string }

const scopes = ['national', 'province', 'district', 'commune'] as const

/** Every view the CLI can print: a JSON value, and the same as a human table. */
export const views: Record<string, { help: string; run: (m: ReadModel, a: QueryArgs, rest: string[]) => { json: unknown; text: string } }> = {
  statistics: {
    help: 'province statistics for a year: associations by scope, special, founded in the year, members (--year, default 2020; --area CODE)',
    run: (m, a) => {
      const s = P.statistics(m, { year: Number(a.year ?? 2020), ...(a.area ? { areaCode: a.area } : {}), ...(a.asOf ? { asOf: a.asOf as never } : {}) })
      const row = (label: string, x: { total: number; byScope: Record<string, number> }) => [label, x.total, ...scopes.map((k) => x.byScope[k] ?? 0)]
      const text = [
        `Thống kê năm ${s.year} — statistics for ${s.year}`,
        table(['', 'total', ...scopes], [row('associations (hội)', s.associations), row('special (hội đặc thù)', s.special), row(`founded in ${s.year}`, s.foundedInYear)]),
        '',
        `members (hội viên): ${formatNumber(s.members.total)}   admitted in ${s.year}: ${formatNumber(s.members.admittedInYear)}   left in ${s.year}: ${formatNumber(s.members.leftInYear)}`,
        `clubs: ${formatNumber(s.clubs.total)} (ISHC ${formatNumber(s.clubs.ishc)}), launched in ${s.year}: ${formatNumber(s.clubs.launchedInYear)}`,
      ].join('\n')
      return { json: s, text }
    },
  },
  targets: {
    help: 'progress of every target as of --as-of (default today)',
    run: (m, a) => {
      const asOf = (a.asOf ?? a.today) as never
      const list = P.targets(m, { asOf, ...(a.association ? { ownerAssociationId: a.association } : {}) })
      const text = list.map((t) => [
        `${t.title}  [${t.targetId}]`,
        `  ${formatNumber(t.current)} / ${formatNumber(t.goal)} (${formatNumber(t.percent)} %) by ${t.dueOn} — status: ${t.status}; expected by ${asOf}: ${formatNumber(t.expectedByNow)}; forecast at due date: ${formatNumber(t.forecast)}`,
        ...t.milestones.map((ms) => `  milestone "${ms.label}": ${formatNumber(ms.current)} / ${formatNumber(ms.goal)} by ${ms.dueOn} — ${ms.met ? `met on ${ms.metOn}` : ms.missed ? 'missed' : 'open'}`),
      ].join('\n')).join('\n\n')
      return { json: list, text: text || 'no targets' }
    },
  },
  registry: {
    help: 'associations (--kind, --scope, --association PARENT)',
    run: (m, a) => {
      const rows = P.registry(m, { ...(a.asOf ? { asOf: a.asOf as never } : {}), ...(a.kind ? { kind: a.kind as never } : {}), ...(a.scope ? { scope: a.scope as never } : {}), ...(a.association ? { parentId: a.association } : {}) })
      return { json: rows, text: table(['id', 'name', 'kind', 'scope', 'area', 'status', 'special', 'members'], rows.map((r) => [r.associationId, r.name, r.kind, r.scope, r.areaCode, r.status, r.special ? 'yes' : '', r.members])) + `\n${rows.length} associations` }
    },
  },
  roster: {
    help: 'active members of an association: roster ASSOCIATION_ID (personal data: for clerks and auditors)',
    run: (m, a, rest) => {
      const id = rest[0] ?? a.association
      if (id === undefined) throw new UsageError('roster needs an association id: hoi query roster lc-nct')
      const rows = P.roster(m, id, { ...(a.asOf ? { asOf: a.asOf as never } : {}) })
      return { json: rows, text: table(['member', 'name', 'born', 'gender', 'category', 'admitted'], rows.slice(0, 200).map((r) => [r.memberId, r.fullName, r.birthDate, r.gender, r.category, r.admittedOn])) + `\n${rows.length} members${rows.length > 200 ? ' (first 200 shown; --json for all)' : ''}` }
    },
  },
  clubs: {
    help: 'clubs (--association HOST, --area CODE)',
    run: (m, a) => {
      const rows = P.clubs(m, { ...(a.asOf ? { asOf: a.asOf as never } : {}), ...(a.association ? { hostAssociationId: a.association } : {}), ...(a.area ? { areaCode: a.area } : {}) })
      return { json: rows, text: table(['club', 'name', 'programme', 'launched', 'status', 'members', 'flags'], rows.map((r) => [r.clubId, r.name, r.programme, r.launchedOn, r.status, r.roster.total, r.flags.map((f) => f.code).join(' ')])) + `\n${rows.length} clubs` }
    },
  },
  'clubs-by-area': {
    help: 'clubs per district (--area CODE)',
    run: (m, a) => {
      const rows = P.clubsByArea(m, { ...(a.asOf ? { asOf: a.asOf as never } : {}), ...(a.area ? { areaCode: a.area } : {}) })
      return { json: rows, text: table(['area', 'active', 'ishc', 'members'], rows.map((r) => [r.areaCode, r.active, r.ishc, r.members])) }
    },
  },
  reports: {
    help: 'report roll-up: reports ASSOCIATION PERIOD (sums over the association and its descendants), or the list (--period)',
    run: (m, a, rest) => {
      const [id, period] = [rest[0] ?? a.association, rest[1] ?? a.period]
      if (id !== undefined && period !== undefined) {
        const r = P.reportRollup(m, { associationId: id, period: period as never, ...(a.asOf ? { asOf: a.asOf as never } : {}) })
        const text = [
          `Report roll-up ${id} ${period}: ${r.submitted}/${r.expected} submitted (${formatNumber(r.completeness)} %), ${r.approved} approved, ${r.late.length} late, ${r.missing.length} missing`,
          table(['indicator', 'total'], Object.entries(r.totals).map(([k, v]) => [k, v as number])),
        ].join('\n')
        return { json: r, text }
      }
      const rows = P.reports(m, { ...(a.period ? { period: a.period as never } : {}), ...(id ? { associationId: id } : {}) })
      return { json: rows, text: table(['association', 'period', 'status', 'submitted', 'due', 'late'], rows.map((r) => [r.associationId, r.period, r.status, r.submittedOn, r.dueOn, r.late ? 'late' : ''])) }
    },
  },
  commendations: {
    help: 'emulation movements and their commendations',
    run: (m, a) => {
      const rows = P.commendations(m, { ...(a.asOf ? { asOf: a.asOf as never } : {}) })
      return { json: rows, text: table(['movement', 'title', 'cycle', 'status', 'collectives', 'individuals'], rows.map((r) => [r.movementId, r.title, `${r.cycleStart}–${r.cycleEnd}`, r.status, r.collectives, r.individuals])) }
    },
  },
  'congress-watch': {
    help: 'terms ending within 6 months and overdue congresses (R14) as of --as-of (default today)',
    run: (m, a) => {
      const w = P.congressWatch(m, { asOf: (a.asOf ?? a.today) as never })
      const rows = [...w.overdue.map((r) => ['overdue', r]), ...w.endingSoon.map((r) => ['ending soon', r])] as Array<[string, Record<string, unknown>]>
      return { json: w, text: table(['', 'association', 'term ends', 'stage'], rows.map(([k, r]) => [k, String(r['name'] ?? r['associationId']), String(r['termEnd'] ?? ''), String(r['stage'] ?? '')])) + `\n${w.noTerm.length} associations have no recorded term` }
    },
  },
}
