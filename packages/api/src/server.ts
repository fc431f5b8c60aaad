import type { AddressInfo } from 'node:net'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import type { FastifyInstance } from 'fastify'
import { createApp } from './app.js'
import type { AppOptions } from './options.js'

export type Server = { readonly app: NestFastifyApplication; readonly address: string; readonly close: () => Promise<void> }

/** Starts the API on host:port (port 0 picks a free one) and returns the address to open. */
export const startServer = async (opts: AppOptions & { readonly host: string; readonly port: number }): Promise<Server> => {
  const app = await createApp(opts)
  await app.init()
  // Fastify listens itself rather than through app.listen, which would also log a failure (port taken,
  // no permission) that the caller reports: the error is printed once, by whoever handles it
  await (app.getHttpAdapter().getInstance() as unknown as FastifyInstance).listen({ port: opts.port, host: opts.host })
  const info = app.getHttpServer().address() as AddressInfo
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
  return { app, address: `http://${host}:${info.port}`, close: () => app.close() }
}
