import { formatNumber } from './table.js'

const WIDTH = 30
const PLAIN_EVERY_MS = 2000
const DRAW_EVERY_MS = 100

const duration = (s: number): string => {
  if (!Number.isFinite(s)) return '?'
  const t = Math.round(s)
  return t >= 3600 ? `${Math.floor(t / 3600)} h ${Math.floor((t % 3600) / 60)} min` : t >= 60 ? `${Math.floor(t / 60)} min ${t % 60} s` : `${t} s`
}

/** Where progress goes: a terminal (redrawn in place) or anything else (plain lines). */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean }

/**
 * Progress of long work (done and total count `unit`: events of the log, commands, lines): a bar
 * with rate and ETA redrawn in place on a terminal, a plain line every two seconds otherwise.
 */
export const progressBar = (label: string, stream: ProgressStream = process.stderr, now: () => number = () => performance.now(), unit = 'events') => {
  const started = now()
  let lastLine = -Infinity
  let lastDraw = -Infinity
  let first: number | undefined
  let drawn = ''
  let finished = false
  const line = (done: number, total: number): string => {
    first ??= done
    const seconds = (now() - started) / 1000
    const rate = seconds > 0 ? (done - first) / seconds : 0
    const share = total > 0 ? Math.min(1, done / total) : 1
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY
    return `${label} ${Math.floor(share * 100)} % (${formatNumber(done)} of ${formatNumber(total)}), ${formatNumber(Math.round(rate))} ${unit}/s, ETA ${share >= 1 ? '0 s' : duration(eta)}`
  }
  return {
    update: (done: number, total: number): void => {
      if (stream.isTTY === true) {
        if (done < total && now() - lastDraw < DRAW_EVERY_MS) return
        lastDraw = now()
        const share = total > 0 ? Math.min(1, done / total) : 1
        const filled = Math.round(share * WIDTH)
        drawn = `\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${line(done, total)}\u001b[K`
        stream.write(drawn)
      } else if (!finished && (now() - lastLine >= PLAIN_EVERY_MS || done >= total)) {
        finished = done >= total
        lastLine = now()
        stream.write(line(done, total) + '\n')
      }
    },
    /** Writes other output (through `write`) without tearing the bar: it is cleared, then drawn again below. */
    around: (write: () => void): void => {
      if (drawn !== '') stream.write('\r\u001b[K')
      write()
      if (drawn !== '') stream.write(drawn)
    },
    done: (): void => {
      if (drawn !== '') stream.write('\n')
      drawn = ''
    },
  }
}

/**
 * Progress of opening a store's views, on stderr: the tables built (a store without them, or a
 * projection whose version changed), then the log events caught up since their checkpoint. Nothing
 * is printed when the views are current.
 */
export const viewsProgress = (stream: NodeJS.WriteStream = process.stderr) => {
  const build = progressBar('building views', stream)
  const follow = progressBar('catching up views', stream)
  let built = false
  const endBuild = (): void => {
    if (!built) build.done()
    built = true
  }
  // an engine with nothing to do reports 0 of 0: that prints nothing
  return {
    build: (done: number, total: number): void => {
      if (total > 0) build.update(done, total)
    },
    catchUp: (done: number, total: number): void => {
      endBuild()
      if (total > 0) follow.update(done, total)
    },
    done: (): void => {
      endBuild()
      follow.done()
    },
  }
}
