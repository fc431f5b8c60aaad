import { progressBar } from './progress.js'

/** progressBar for work whose total is known at the start: `update(done)`, then `finish(done)` once. */
export const progressOf = (label: string, total: number): { update(done: number): void; finish(done: number): void } => {
  const bar = progressBar(label)
  return {
    update: (done) => bar.update(done, total),
    finish: (done) => {
      bar.update(done, total)
      bar.done()
    },
  }
}
