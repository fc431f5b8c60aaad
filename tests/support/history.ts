import { join } from 'node:path'
import type { BatchItem } from '@hoi/adapters'
import { root } from './cli.js'

/**
 * The first `n` commands of the golden scenario (a prefix of a causal order is itself valid:
 * associations first, then their members), from the built demo generator.
 */
export const demoPrefix = async (n: number): Promise<BatchItem[]> => {
  const { demoCommands } = (await import(join(root, 'packages/api/dist/demo/index.js'))) as { demoCommands: () => Iterable<BatchItem> }
  const out: BatchItem[] = []
  for (const c of demoCommands()) {
    if (out.length >= n) break
    out.push(c)
  }
  return out
}
