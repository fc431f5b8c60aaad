import { nestFastifyLogController } from '../http/nest-fastify.js'
import type { LoggerService } from '@nestjs/common'
import { pino, type Bindings, type ChildLoggerOptions, type DestinationStream, type Level, type Logger } from 'pino'

export type LogLevel = Level | 'silent'
export type LogOptions = {
  /** default 'info' (one line per request); 'warn' keeps warnings and errors only */
  readonly level?: LogLevel
  /** default: standard output, written asynchronously (lines written meanwhile go together) */
  readonly destination?: DestinationStream
}

const LEVELS: ReadonlySet<string> = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** HOI_LOG_LEVEL, checked: a wrong value is named rather than silently ignored. */
export const logLevelFromEnv = (env: NodeJS.ProcessEnv): LogLevel | undefined => {
  const v = env['HOI_LOG_LEVEL']
  if (v === undefined || v === '') return undefined
  if (!LEVELS.has(v)) throw new Error(`HOI_LOG_LEVEL must be one of ${[...LEVELS].join(', ')}, not ${JSON.stringify(v)}`)
  return v as LogLevel
}

/**
 * One JSON object per line: time (ISO), level (name), msg, and for a request its id (`reqId`).
 * Nothing of a request's content is logged: no URL or query (a search may be a name), no headers,
 * no body; a request line names the route pattern, the status, the time and the caller's role.
 */
export const createLogger = (o: LogOptions): Logger =>
  pino(
    {
      level: o.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    o.destination ?? pino.destination({ dest: 1, sync: false }),
  )

/** Nest's start-up chatter (a line per module and route) is debug, not a line per start at info. */
const BOOTSTRAP: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication'])

const text = (m: unknown): string => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))

/** Nest's own messages (start-up, the view's warnings, errors the exception filter logs) as the same JSON lines. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return
    // Nest passes the context (a class name) last; an error may bring its stack before it
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length === 2 ? rest[0] : message instanceof Error ? message.stack : undefined
    this.logger[level]({ ...(context === undefined ? {} : { context }), ...(stack === undefined ? {} : { stack }) }, text(message))
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write(BOOTSTRAP.has(String(rest[rest.length - 1])) ? 'debug' : 'info', message, rest)
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest)
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest)
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest)
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest)
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest)
  }
}

/**
 * Fastify's own request lines (two per request, with the URL) turned off: the request line is
 * ours (request-log.ts). Made by the fastify Nest's adapter runs, which checks the class.
 */
export const quietRequestLogs = (): object => new (nestFastifyLogController())({ disableRequestLogging: true })

/**
 * Fastify's childLoggerFactory: a request's logger with its id. When request lines are off (level
 * above info) the child is made only if the request logs a warning or an error, so that a cached
 * answer does not pay for a logger it never uses.
 */
export const requestLoggers =
  (requestLines: boolean) =>
  (logger: Logger, bindings: Bindings, opts: ChildLoggerOptions): Logger => {
    if (requestLines) return logger.child(bindings, opts)
    let real: Logger | undefined
    const child = (): Logger => (real ??= logger.child(bindings, opts))
    const lazy = Object.create(logger) as Logger
    lazy.fatal = (...args: Parameters<Logger['fatal']>) => child().fatal(...args)
    lazy.error = (...args: Parameters<Logger['error']>) => child().error(...args)
    lazy.warn = (...args: Parameters<Logger['warn']>) => child().warn(...args)
    lazy.child = (b, o) => child().child(b, o)
    return lazy
  }
