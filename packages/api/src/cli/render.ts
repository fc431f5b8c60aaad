import type * as P from '@hoi/projections'
import type { ViewInput } from '../views/view-defs.js'
import { formatNumber, table } from './table.js'
import { reportingRenderers } from './reporting-views.js'

type Render = (result: unknown, input: ViewInput) => string
// each renderer is looked up by the name of the view whose result it prints
const as = <R>(f: (result: R, input: ViewInput) => string): Render => f as Render

const scopes = ['national', 'province', 'district', 'commune'] as const
const SHOWN = 200
const more = (n: number, noun: string) => `\n${formatNumber(n)} ${noun}${n > SHOWN ? ` (first ${SHOWN} shown; --json for all)` : ''}`

const associationRows = (rows: ReadonlyArray<P.AssociationRow>) =>
  table(['id', 'name', 'kind', 'scope', 'area', 'status', 'special', 'members'], rows.slice(0, SHOWN).map((r) => [r.associationId, r.name, r.kind, r.scope, r.areaCode, r.status, r.special ? 'yes' : '', r.members]))

/** What a statistics count covers (R1): said on every table, with the option that changes it. */
const regimeLine: Readonly<Record<P.RegimeFilter, string>> = {
  decree: 'Phạm vi: các hội theo Nghị định 45/2010 và 126/2024, không gồm các tổ chức chính trị - xã hội theo điều lệ riêng (--regime all để gồm cả) — counts decree-regime associations only',
  'own-charter': 'Phạm vi: chỉ các tổ chức chính trị - xã hội theo điều lệ riêng — counts only the socio-political bodies under their own charter',
  all: 'Phạm vi: tất cả, gồm cả các tổ chức chính trị - xã hội — counts every association, socio-political bodies included',
}
const geographyLine = 'Địa bàn: theo mã địa bàn ghi nhận khi thành lập hội — areas are the codes recorded at founding'

/** How each view reads on a terminal; `--json` prints the value itself. */
export const renderers: ReadonlyMap<string, Render> = new Map<string, Render>([
  ['statistics', as<P.Statistics>((s) => {
    const row = (label: string, x: { total: number; byScope: Record<string, number> }) => [label, x.total, ...scopes.map((k) => x.byScope[k] ?? 0)]
    return [
      `Thống kê năm ${s.year} — statistics for ${s.year}`,
      regimeLine[s.regime],
      geographyLine,
      table(['', 'total', ...scopes], [row('associations (hội)', s.associations), row('special (hội đặc thù)', s.special), row(`founded in ${s.year}`, s.foundedInYear)]),
      '',
      `members (hội viên): ${formatNumber(s.members.total)}   admitted in ${s.year}: ${formatNumber(s.members.admittedInYear)}   left in ${s.year}: ${formatNumber(s.members.leftInYear)}`,
      `clubs: ${formatNumber(s.clubs.total)} (ISHC ${formatNumber(s.clubs.ishc)}), launched in ${s.year}: ${formatNumber(s.clubs.launchedInYear)}`,
    ].join('\n')
  })],
  ['registry', as<P.AssociationRow[]>((rows) => `${associationRows(rows)}${more(rows.length, 'associations')}\n${geographyLine}`)],
  ['association', as<P.AssociationRow>((a) => [
    associationRows([a]),
    a.term === undefined ? 'no recorded term' : `term: congress ${a.term.congressNumber}, ${a.term.start} – ${a.term.end}`,
    ...a.officers.map((o) => `  ${o.role}: ${o.fullName} [${o.memberId}]`),
  ].join('\n'))],
  ['roster', as<P.MemberRow[]>((rows) =>
    table(['member', 'name', 'born', 'gender', 'category', 'admitted'], rows.slice(0, SHOWN).map((r) => [r.memberId, r.fullName, r.birthDate, r.gender, r.category, r.admittedOn])) + more(rows.length, 'members'))],
  ['clubs', as<P.ClubRow[]>((rows) =>
    table(['club', 'name', 'programme', 'launched', 'status', 'members', 'flags'], rows.slice(0, SHOWN).map((r) => [r.clubId, r.name, r.programme, r.launchedOn, r.status, r.roster.total, r.flags.map((f) => f.code).join(' ')])) + more(rows.length, 'clubs'))],
  ['clubs-by-area', as<P.ClubsByAreaRow[]>((rows) => table(['area', 'active', 'ishc', 'members'], rows.map((r) => [r.areaCode, r.active, r.ishc, r.members])))],
  ['commendations', as<P.CommendationsRow[]>((rows) =>
    table(['movement', 'title', 'cycle', 'status', 'collectives', 'individuals'], rows.map((r) => [r.movementId, r.title, `${r.cycleStart}–${r.cycleEnd}`, r.status, r.collectives, r.individuals])))],
  ['congress-watch', as<P.CongressWatch>((w) => {
    const rows = [...w.overdue.map((r) => ['overdue', r] as const), ...w.endingSoon.map((r) => ['ending soon', r] as const)]
    const first = w.firstCongressDue.map((r) => `  ${r.name} (${r.origin.how}): first congress due by ${r.dueOn}${r.overdue ? ' — overdue (R22)' : ''}`)
    return table(['', 'association', 'term ends', 'stage'], rows.map(([k, r]) => [k, r.name, r.termEnd ?? '', r.stage ?? ''])) + `\n${formatNumber(w.noTerm.length)} associations have no recorded term` +
      (first.length === 0 ? '' : `\nnew bodies of a reorganisation, first congress within 30 working days (Đại hội lần đầu trong 30 ngày làm việc):\n${first.join('\n')}`)
  })],
  ['conferences', as<P.ConferenceRow[]>((rows) =>
    table(['held', 'association', 'kind', 'title', 'attendees'], rows.slice(0, SHOWN).map((r) => [r.heldOn, r.associationName, r.kind, r.title, r.attendees])) + more(rows.length, 'conferences'))],
  ['resolutions', as<P.ResolutionRow[]>((rows) =>
    rows.map((r) => [`${r.adoptedOn}  ${r.associationName}: ${r.title} (congress ${r.congressNumber})`, ...r.targets.map((t) => `  target: ${t}`), ...r.keyTasks.map((t) => `  key task: ${t}`), ...r.programmes.map((t) => `  programme: ${t}`)].join('\n')).join('\n\n') || 'no resolutions')],
  // the reporting views in Vietnamese (cli/reporting-views.ts)
  ...reportingRenderers,
])
