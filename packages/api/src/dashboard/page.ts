import { indicatorCatalogue } from '@hoi/domain'
import { dashboardCharts } from './charts.js'
import { dashboardClient, type ClientConfig } from './client.js'
import { dashboardStyle } from './style.js'

/** The page: static HTML whose parts the script fills; Vietnamese first, English on the toggle. */
export const dashboardPage = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>hoi — Bảng điều hành / Dashboard</title>
  <link rel="stylesheet" href="/assets/dashboard.css">
  <link rel="icon" href="data:,">
</head>
<body data-ready="false">
  <header class="top">
    <div>
      <h1 data-i18n="title">Bảng điều hành các hội tỉnh</h1>
      <p class="sub"><span data-i18n="subtitle"></span> · <span data-i18n="year">Năm</span> <strong id="year-shown" data-testid="year-shown"></strong></p>
    </div>
    <nav>
      <label><span data-i18n="year">Năm</span> <input id="year" type="number" min="1900" max="2199" step="1" data-testid="year-input"></label>
      <button id="lang-toggle" type="button" data-testid="lang-toggle">English</button>
      <a href="/docs" data-i18n="docs">Tài liệu API</a>
    </nav>
  </header>
  <p id="status" role="status" data-testid="status"></p>
  <main>
    <section id="stats" data-testid="stats">
      <h2><span data-i18n="stats">Thống kê theo cấp</span> · <span id="stats-year" data-testid="stats-year"></span></h2>
      <div id="stats-cards" class="cards"></div>
      <div id="stats-chart" class="chart"></div>
    </section>
    <section id="targets" data-testid="targets">
      <h2 data-i18n="targets">Chỉ tiêu nhiệm kỳ</h2>
      <div id="targets-list" class="targets"></div>
    </section>
    <section id="clubs" data-testid="clubs">
      <h2 data-i18n="clubs">Câu lạc bộ theo huyện</h2>
      <p class="figures"><span data-i18n="clubsTotal"></span>: <strong id="clubs-total" data-testid="clubs-total"></strong> · <span data-i18n="ishc"></span>: <strong id="clubs-ishc" data-testid="clubs-ishc"></strong></p>
      <div id="clubs-chart" class="chart"></div>
    </section>
    <section id="reports" data-testid="reports">
      <h2><span data-i18n="reports">Báo cáo kỳ mới nhất</span> · <span data-i18n="period">Kỳ</span> <span id="report-period" data-testid="report-period"></span></h2>
      <div id="reports-body"></div>
    </section>
    <section id="commendations" data-testid="commendations">
      <h2 data-i18n="commendations">Phong trào thi đua</h2>
      <div id="commendations-body"></div>
    </section>
  </main>
  <script src="/assets/dashboard.js"></script>
</body>
</html>
`

/** The script: the client and chart functions' own text, called with this deployment's settings. */
export const dashboardScript = (defaultYear: number): string => {
  const config: ClientConfig = {
    defaultYear,
    indicators: Object.fromEntries(Object.entries(indicatorCatalogue).map(([k, v]) => [k, { vi: v.vi, en: v.en }])),
  }
  return `'use strict';\n(${dashboardClient.toString()})(${JSON.stringify(config)}, (${dashboardCharts.toString()})());\n`
}

export { dashboardStyle }
