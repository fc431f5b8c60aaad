import { createRequire } from 'node:module'
import { join } from 'node:path'
import { benchRoot } from './env.js'

type Reply = { header(name: string, value: string): Reply; send(body: Buffer): Reply }
type Bare = {
  get(path: string, handler: (req: unknown, reply: Reply) => Reply): void
  listen(opts: { host: string; port: number }): Promise<string>
  close(): Promise<void>
}

/**
 * The fastify that @nestjs/platform-fastify itself depends on (not whichever one is hoisted), so the
 * baseline differs from hoi only by what hoi does per request.
 */
const nestFastify = (): { create: (opts: { logger: boolean }) => Bare; version: string } => {
  const fromApi = createRequire(join(benchRoot, 'node_modules', '@hoi', 'api', 'package.json'))
  const fromNest = createRequire(fromApi.resolve('@nestjs/platform-fastify'))
  const version = (fromNest('fastify/package.json') as { version: string }).version
  return { create: fromNest('fastify') as (opts: { logger: boolean }) => Bare, version }
}

export const fastifyVersion = (): string => nestFastify().version

/** A bare fastify answering each path with fixed, already serialised bytes and the same headers hoi sent (security headers, ETag…). */
export const startBare = async (
  routes: ReadonlyArray<{ readonly path: string; readonly body: Buffer; readonly headers: Readonly<Record<string, string>> }>,
): Promise<{ address: string; close(): Promise<void> }> => {
  const app = nestFastify().create({ logger: false })
  for (const r of routes)
    app.get(r.path, (_req, reply) => {
      for (const [k, v] of Object.entries(r.headers)) reply.header(k, v)
      return reply.send(r.body)
    })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  return { address, close: () => app.close() }
}
