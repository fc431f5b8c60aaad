import type { EventStore, Progress, ViewEngine } from '@hoi/adapters'
import type { Policy } from '@hoi/domain'
import type { AuthConfig } from './auth/auth-config.js'
import type { LogOptions } from './observability/logging.js'
import type { SpanExporter } from './observability/tracing-types.js'

export type RateLimitOptions = {
  /** requests per window and caller */
  readonly max: number
  readonly timeWindowMs: number
  /** server time per window for a caller without a token, ms (default 10,000: a cached view costs well under 1 ms, a cache miss tens) */
  readonly anonymousCostMs?: number
  /** server time per window for an authenticated caller, ms (default 60,000) */
  readonly userCostMs?: number
  /** requests of one caller being answered at once (default 16) */
  readonly concurrent?: number
  /** requests per window for the dashboard's page and files and the docs, counted apart (default 600) */
  readonly staticMax?: number
}

export type AppOptions = {
  readonly store: EventStore
  readonly auth: AuthConfig
  readonly policy?: Policy
  /** today's date for views that default to it (targets, congress watch) and token expiry */
  readonly clock?: () => Date
  /** bytes; default 256 KiB */
  readonly bodyLimit?: number
  /** per principal (or per IP without a token); `false` turns it off, e.g. for a benchmark */
  readonly rateLimit?: RateLimitOptions | false
  /** how often the view checks the store's head for events written by other processes, ms (default 500) */
  readonly pollIntervalMs?: number
  /** the read side; default: `openViews(store)`, opened and closed by the app */
  readonly views?: ViewEngine
  /** where a KurrentDB store's view tables live (`sqlite:PATH` or `postgres://…`); without it, the reference fold in memory */
  readonly viewsAt?: string
  /** progress of building the views and catching them up while the app starts (`hoi serve` draws it) */
  readonly viewsProgress?: { readonly build: Progress; readonly catchUp: Progress }
  /**
   * JSON logs (pino): `true` or options → one line per request at level info; default (off):
   * warnings and errors only. Either way every line of a request carries its id.
   */
  readonly logger?: boolean | LogOptions
  /**
   * OpenTelemetry spans for requests and commands go to this exporter (a test's in-memory one);
   * without it, to OTLP over HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere (nothing loaded)
   */
  readonly traceExporter?: SpanExporter
  /** the year the dashboard's statistics open on (default 2020, the year of the demo's figures) */
  readonly dashboardYear?: number
}

export type ResolvedOptions = Required<Pick<AppOptions, 'store' | 'auth' | 'clock' | 'bodyLimit' | 'pollIntervalMs' | 'dashboardYear'>> &
  Pick<AppOptions, 'policy' | 'views' | 'viewsProgress' | 'viewsAt'> & {
    readonly rateLimit: RateLimitOptions | false
    /** the store as given: the view engine opens this one (SQLite views share its file); `store` is it with every call timed */
    readonly backingStore: EventStore
  }

export const DEFAULT_BODY_LIMIT = 256 * 1024
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 1200, timeWindowMs: 60_000 }

export const resolveOptions = (o: AppOptions, store: EventStore = o.store): ResolvedOptions => ({
  store,
  backingStore: o.store,
  auth: o.auth,
  clock: o.clock ?? (() => new Date()),
  bodyLimit: o.bodyLimit ?? DEFAULT_BODY_LIMIT,
  pollIntervalMs: o.pollIntervalMs ?? 500,
  dashboardYear: o.dashboardYear ?? 2020,
  rateLimit: o.rateLimit === undefined ? DEFAULT_RATE_LIMIT : o.rateLimit,
  ...(o.policy === undefined ? {} : { policy: o.policy }),
  ...(o.views === undefined ? {} : { views: o.views }),
  ...(o.viewsProgress === undefined ? {} : { viewsProgress: o.viewsProgress }),
  ...(o.viewsAt === undefined ? {} : { viewsAt: o.viewsAt }),
})

/** Today's business date from the clock (UTC). */
export const todayOf = (clock: () => Date): string => clock().toISOString().slice(0, 10)
