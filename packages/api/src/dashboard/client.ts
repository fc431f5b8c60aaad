/// <reference lib="dom" />
/**
 * The dashboard's browser code. It is type-checked here and served as the text of this function
 * (`dashboardScript`), so it must not use anything from outside its own body: no imports, no
 * captured variables. It reads only public views; personal data is never asked for.
 */
import type { Charts } from './charts.js'

export type ClientConfig = {
  readonly defaultYear: number
  readonly indicators: Readonly<Record<string, { readonly vi: string; readonly en: string }>>
}

export function dashboardClient(config: ClientConfig, charts: Charts): void {
  type Lang = 'vi' | 'en'
  type Dict = Record<string, string>
  const words: Record<Lang, Dict> = {
    vi: {
      title: 'Bảng điều hành các hội tỉnh',
      subtitle: 'Số liệu tổng hợp từ sổ sự kiện của các hội',
      year: 'Năm',
      toggle: 'English',
      stats: 'Thống kê theo cấp',
      associations: 'Số hội',
      members: 'Hội viên',
      special: 'Hội đặc thù',
      founded: 'Thành lập trong năm',
      province: 'Cấp tỉnh',
      district: 'Cấp huyện',
      commune: 'Cấp xã',
      total: 'Tổng',
      admitted: 'Kết nạp trong năm',
      targets: 'Chỉ tiêu nhiệm kỳ',
      goal: 'Mục tiêu',
      current: 'Hiện tại',
      due: 'Hạn',
      actual: 'Thực hiện',
      goalLine: 'Đường mục tiêu',
      milestone: 'Mốc',
      met: 'đạt',
      missed: 'không đạt',
      pending: 'chưa đến hạn',
      noTargets: 'Chưa có chỉ tiêu',
      achieved: 'Đã đạt',
      'achieved-late': 'Đạt muộn',
      'on-track': 'Đúng tiến độ',
      'at-risk': 'Có nguy cơ chậm',
      behind: 'Chậm tiến độ',
      withdrawn: 'Đã rút',
      clubs: 'Câu lạc bộ theo huyện',
      clubsTotal: 'Tổng số câu lạc bộ đang hoạt động',
      ishc: 'CLB Liên thế hệ tự giúp nhau',
      reports: 'Báo cáo kỳ mới nhất',
      period: 'Kỳ',
      completeness: 'Đã nộp',
      late: 'Nộp muộn',
      noReports: 'Chưa có báo cáo',
      commendations: 'Phong trào thi đua',
      collectives: 'Tập thể được khen',
      individuals: 'Cá nhân được khen',
      error: 'Không tải được dữ liệu',
      loading: 'Đang tải…',
      docs: 'Tài liệu API',
    },
    en: {
      title: 'Province associations dashboard',
      subtitle: 'Figures folded from the associations\u2019 event log',
      year: 'Year',
      toggle: 'Tiếng Việt',
      stats: 'Statistics by scope',
      associations: 'Associations',
      members: 'Members',
      special: 'Special associations',
      founded: 'Founded in the year',
      province: 'Province',
      district: 'District',
      commune: 'Commune',
      total: 'Total',
      admitted: 'Admitted in the year',
      targets: 'Congress targets',
      goal: 'Goal',
      current: 'Current',
      due: 'Due',
      actual: 'Actual',
      goalLine: 'Goal line',
      milestone: 'Milestone',
      met: 'met',
      missed: 'missed',
      pending: 'not yet due',
      noTargets: 'No targets yet',
      achieved: 'Achieved',
      'achieved-late': 'Achieved late',
      'on-track': 'On track',
      'at-risk': 'At risk',
      behind: 'Behind',
      withdrawn: 'Withdrawn',
      clubs: 'Clubs by district',
      clubsTotal: 'Active clubs in all',
      ishc: 'Intergenerational Self-Help Clubs',
      reports: 'Latest reports',
      period: 'Period',
      completeness: 'Submitted',
      late: 'Late',
      noReports: 'No reports yet',
      commendations: 'Emulation movements',
      collectives: 'Collectives commended',
      individuals: 'Individuals commended',
      error: 'Could not load the data',
      loading: 'Loading…',
      docs: 'API docs',
    },
  }
  const { statusColour } = charts
  const scopes = ['province', 'district', 'commune'] as const

  let lang: Lang = localStorage.getItem('hoi.lang') === 'en' ? 'en' : 'vi'
  const params = new URLSearchParams(location.search)
  const asked = Number(params.get('year'))
  let year = Number.isInteger(asked) && asked >= 1900 && asked <= 2199 ? asked : config.defaultYear
  // a store may hold several provinces: ?area=12 shows one area's statistics and clubs (kept in the address like the year)
  const area = params.get('area')
  const inArea = area !== null && /^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10}){0,3}$/u.test(area) ? '&areaCode=' + area : ''
  type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any
  let data: Json = undefined

  const w = (key: string): string => words[lang][key] ?? key
  const locale = (): string => (lang === 'vi' ? 'vi-VN' : 'en-GB')
  /** Whole numbers in the reader's format: 185.549 in Vietnamese, 185,549 in English. */
  const fmt = (n: number): string => new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Math.round(n))
  /** A percentage with at most one decimal: 95,6 in Vietnamese. */
  const fmtDecimal = (n: number): string => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n)
  /** An ISO date as Vietnamese and British readers write it: dd/mm/yyyy. */
  const fmtDate = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/u.test(iso) ? iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4) : iso)
  const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement
  const el = (tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement => {
    const e = document.createElement(tag)
    for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]!)
    if (text !== undefined) e.textContent = text
    return e
  }
  const getJson = async (url: string): Promise<Json> => {
    const res = await fetch(url, { headers: { accept: 'application/json' } })
    if (!res.ok) throw new Error(url + ' → ' + res.status)
    return res.json()
  }
  const getAll = async (url: string): Promise<Json[]> => {
    const out: Json[] = []
    for (let offset = 0; ; offset += 500) {
      const page = await getJson(url + (url.includes('?') ? '&' : '?') + 'limit=500&offset=' + offset)
      out.push(...page.items)
      if (out.length >= page.total || page.items.length === 0) return out
    }
  }
  const periodEnd = (p: string): string => {
    const y = p.slice(0, 4)
    if (p.length === 4) return y + '-12-31'
    if (p[4] === 'K') return p.slice(5) + '-12-31'
    const n = Number(p.slice(5))
    const month = p[4] === 'Q' ? n * 3 : p[4] === 'S' ? n * 6 : p[4] === 'N' ? 9 : n
    return y + '-' + String(month).padStart(2, '0') + '-28'
  }

  const load = async (): Promise<void> => {
    const [stats, targets, byArea, districts, registry, reports, commendations] = await Promise.all([
      getJson('/views/statistics?year=' + year + inArea),
      getAll('/views/targets'),
      getJson('/views/clubs-by-area?depth=2' + inArea),
      getAll('/views/registry?scope=district'),
      getAll('/views/registry'),
      getAll('/views/reports'),
      getAll('/views/commendations'),
    ])
    const periods = [...new Set(reports.map((r: Json) => r.period as string))].sort((a, b) => (periodEnd(a) < periodEnd(b) ? 1 : -1))
    const parents = new Map<string, string | undefined>(registry.map((a: Json) => [a.associationId, a.parentId]))
    const rootOf = (id: string): string => {
      let at = id
      for (let i = 0; i < 20 && parents.get(at) !== undefined; i++) at = parents.get(at)!
      return at
    }
    // the latest period of each reporting tree: the Front reports by quarter, the Hội NCT by year
    const latestOf = new Map<string, string>()
    for (const p of periods) for (const r of reports) if (r.period === p && !latestOf.has(rootOf(r.associationId))) latestOf.set(rootOf(r.associationId), p)
    const latest = latestOf.size === 0 ? undefined : [...new Set(latestOf.values())].join(', ')
    const rollups = await Promise.all([...latestOf].map(([id, p]) => getJson('/views/reports/' + encodeURIComponent(id) + '/' + p + '/rollup')))
    data = { stats, targets, byArea, districts, registry, latest, rollups, commendations }
  }

  const renderStats = (): void => {
    const s = data.stats
    const box = byId('stats-cards')
    box.replaceChildren()
    const card = (key: string, total: number, parts: Record<string, number> | undefined, id: string): void => {
      const c = el('div', { class: 'card', 'data-testid': 'card-' + id })
      c.append(el('div', { class: 'card-label' }, w(key)), el('div', { class: 'card-value', id: 'stat-' + id + '-total', 'data-testid': 'stat-' + id + '-total' }, fmt(total)))
      if (parts !== undefined) {
        const ul = el('ul', { class: 'parts' })
        for (const sc of scopes) {
          const li = el('li')
          li.append(el('span', {}, w(sc) + ': '), el('strong', { 'data-testid': 'stat-' + id + '-' + sc }, fmt(parts[sc] ?? 0)))
          ul.append(li)
        }
        c.append(ul)
      }
      box.append(c)
    }
    byId('stats-year').textContent = w('year') + ' ' + String(year)
    card('associations', s.associations.total, s.associations.byScope, 'associations')
    card('members', s.members.total, undefined, 'members')
    card('special', s.special.total, s.special.byScope, 'special')
    card('founded', s.foundedInYear.total, s.foundedInYear.byScope, 'founded')
    const rows = scopes.map((sc) => ({ label: w(sc), value: s.associations.byScope[sc] as number }))
    byId('stats-chart').replaceChildren(charts.bars(rows, fmt, { labelWidth: 90, rowHeight: 38, attrs: { 'aria-label': w('associations') } }))
  }

  const milestoneTitle = (m: Json): string => w('milestone') + ': ' + m.label + ' — ' + fmt(m.goal) + ' (' + fmtDate(m.dueOn) + ', ' + w(m.met ? 'met' : m.missed ? 'missed' : 'pending') + ')'

  const renderTargets = (): void => {
    const box = byId('targets-list')
    box.replaceChildren()
    if (data.targets.length === 0) box.append(el('p', { class: 'empty' }, w('noTargets')))
    for (const t of data.targets) {
      const a = el('article', { class: 'target', id: 'target-' + t.targetId, 'data-testid': 'target-' + t.targetId, 'data-goal': String(t.goal), 'data-status': t.status })
      const head = el('header')
      head.append(el('h3', {}, t.title), el('span', { class: 'badge', style: 'background:' + (statusColour[t.status] ?? '#333') }, w(t.status)))
      const figures = el('p', { class: 'figures' })
      figures.append(
        el('span', {}, w('current') + ': '),
        el('strong', { 'data-testid': 'target-current-' + t.targetId }, t.aggregation === 'ratio' ? fmtDecimal(t.current) : fmt(t.current)),
        el('span', {}, ' / ' + w('goal') + ': '),
        el('strong', { 'data-testid': 'target-goal-' + t.targetId }, fmt(t.goal)),
        el('span', { 'data-testid': 'target-percent-' + t.targetId }, ' (' + fmtDecimal(t.percent) + ' %) · ' + w('due') + ' ' + fmtDate(t.dueOn)),
      )
      const legend = el('p', { class: 'legend' })
      legend.append(
        el('span', { class: 'key actual-key', style: 'border-color:' + (statusColour[t.status] ?? '#333') }, w('actual')),
        el('span', { class: 'key goal-key' }, w('goalLine')),
        el('span', { class: 'key ms-key' }, w('milestone')),
      )
      a.append(head, figures, charts.targetChart(t, fmt, milestoneTitle), legend)
      box.append(a)
    }
  }

  const districtName = (code: string): string => {
    for (const a of data.districts) {
      if (a.areaCode !== code) continue
      const m = /(?:huyện|thành phố|thị xã)\s+(.+)$/iu.exec(a.name as string)
      if (m !== null) return m[1]!
    }
    return code
  }

  const renderClubs = (): void => {
    const rows = data.byArea as Json[]
    const total = rows.reduce((n: number, r: Json) => n + (r.active as number), 0)
    const ishc = rows.reduce((n: number, r: Json) => n + (r.ishc as number), 0)
    byId('clubs-total').textContent = fmt(total)
    byId('clubs-ishc').textContent = fmt(ishc)
    const bars = rows.map((r: Json) => ({ label: districtName(r.areaCode), value: r.active as number, attrs: { 'data-area': r.areaCode } }))
    byId('clubs-chart').replaceChildren(charts.bars(bars, fmt, { labelWidth: 170, rowHeight: 28, attrs: { 'aria-label': w('clubs'), 'data-testid': 'clubs-by-area-chart', 'data-total': total } }))
  }

  const renderReports = (): void => {
    const box = byId('reports-body')
    box.replaceChildren()
    if (data.latest === undefined) {
      box.append(el('p', { class: 'empty' }, w('noReports')))
      return
    }
    byId('report-period').textContent = data.latest
    for (const r of data.rollups) {
      const root = data.registry.find((a: Json) => a.associationId === r.associationId)
      const section = el('section', { class: 'rollup', 'data-testid': 'rollup-' + r.associationId })
      section.append(el('h3', {}, (root === undefined ? r.associationId : root.name) + ' · ' + r.period))
      section.append(el('p', { class: 'figures' }, w('completeness') + ': ' + fmt(r.submitted) + '/' + fmt(r.expected) + ' · ' + w('late') + ': ' + fmt(r.late.length)))
      const table = el('table')
      for (const x of r.totals) {
        const tr = el('tr')
        tr.append(el('th', {}, lang === 'vi' ? x.vi : x.en), el('td', { 'data-testid': 'report-total-' + x.code }, fmt(x.value) + (x.aggregation === 'ratio' ? ' %' : '')))
        table.append(tr)
      }
      section.append(table)
      box.append(section)
    }
  }

  const renderCommendations = (): void => {
    const box = byId('commendations-body')
    box.replaceChildren()
    for (const m of data.commendations) {
      const p = el('p', { 'data-testid': 'movement-' + m.movementId })
      p.append(
        el('strong', {}, m.title + ' (' + m.cycleStart + '–' + m.cycleEnd + ')'),
        el('span', {}, ' · ' + w('collectives') + ': ' + fmt(m.collectives) + ' · ' + w('individuals') + ': ' + fmt(m.individuals)),
      )
      box.append(p)
    }
  }

  const renderWords = (): void => {
    document.documentElement.lang = lang
    document.querySelectorAll('[data-i18n]').forEach((e) => {
      e.textContent = w(e.getAttribute('data-i18n')!)
    })
    byId('lang-toggle').textContent = w('toggle')
  }

  const render = (): void => {
    renderWords()
    if (data === undefined) return
    renderStats()
    renderTargets()
    renderClubs()
    renderReports()
    renderCommendations()
  }

  const refresh = async (): Promise<void> => {
    document.body.dataset.ready = 'false'
    byId('status').textContent = w('loading')
    try {
      await load()
      byId('status').textContent = ''
      render()
      document.body.dataset.ready = 'true'
    } catch (e) {
      byId('status').textContent = w('error') + ': ' + (e instanceof Error ? e.message : String(e))
      document.body.dataset.ready = 'error'
    }
  }

  const yearInput = byId('year') as HTMLInputElement
  const showYear = (): void => {
    yearInput.value = String(year)
    byId('year-shown').textContent = String(year)
  }
  showYear()
  // the year is kept in the address, so a reload or a shared link shows the same year
  yearInput.addEventListener('change', () => {
    const y = Number(yearInput.value)
    if (Number.isInteger(y) && y >= 1900 && y <= 2199) {
      year = y
      const url = new URL(location.href)
      url.searchParams.set('year', String(y))
      history.replaceState(null, '', url)
      showYear()
      void refresh()
    }
  })
  byId('lang-toggle').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi'
    localStorage.setItem('hoi.lang', lang)
    render()
  })
  renderWords()
  void refresh()
}
