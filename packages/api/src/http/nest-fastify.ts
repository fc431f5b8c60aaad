import { createRequire } from 'node:module'

type LogControllerClass = new (o: { disableRequestLogging: boolean }) => object

/**
 * Fastify's LogController from the copy of fastify that Nest's adapter loads (it may differ from
 * the api's own fastify, and fastify checks the class with instanceof). The bundle
 * (scripts/bundle.mjs) replaces this module by a static import of that same copy.
 */
export const nestFastifyLogController = (): LogControllerClass => {
  const local = createRequire(import.meta.url)
  return (createRequire(local.resolve('@nestjs/platform-fastify'))('fastify') as { LogController: LogControllerClass }).LogController
}
