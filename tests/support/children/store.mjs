// The child processes of the multi-process tests use the built adapters, as a deployed hoi would.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dist = new URL('../../../packages/adapters/dist/index.js', import.meta.url)
if (!existsSync(fileURLToPath(dist))) {
  console.error('packages/adapters/dist is missing: run `pnpm exec tsc -b packages/adapters` first')
  process.exit(3)
}
export const { openStore } = await import(dist.href)

/** The event of id `id`: everything derives from the id, so a retry repeats it exactly. */
export const eventOf = (id) => ({
  eventId: id,
  type: 'TestHappened',
  schemaVersion: 1,
  data: { id },
  metadata: { occurredOn: '2024-01-01', actor: 'test', commandId: id, correlationId: id, causationId: id },
})
