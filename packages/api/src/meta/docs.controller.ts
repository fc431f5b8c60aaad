import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { problems } from '../http/problem.js'
import { Route, type RouteCatalogue } from '../http/route.js'
import { buildOpenApi } from '../openapi/openapi.js'
import { CATALOGUE } from '../tokens.js'
import { docsInit, docsPage } from './docs-page.js'

/** The swagger-ui-dist files the page uses, served from the package's own folder (no CDN: the network may be closed). */
const assets: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}
const swaggerDir = (): string => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

@Controller()
export class DocsController {
  private openapi: Buffer | undefined
  private readonly files = new Map<string, Buffer>()

  constructor(@Inject(CATALOGUE) private readonly catalogue: RouteCatalogue) {}

  @Route('GET', '/openapi.json', { access: 'public', tag: 'Operations', summary: 'This OpenAPI 3.1 document, generated from the codecs' })
  document(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    this.openapi ??= Buffer.from(JSON.stringify(buildOpenApi(this.catalogue)), 'utf8')
    reply.headers({ 'cache-control': 'no-cache' }).type('application/json; charset=utf-8').send(this.openapi)
  }

  @Route('GET', '/docs', { access: 'public', tag: 'Internal', summary: 'Swagger UI', produces: 'text/html' })
  page(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(docsPage)
  }

  @Route('GET', '/docs/init.js', { access: 'public', tag: 'Internal', summary: 'Swagger UI set-up', produces: 'text/javascript' })
  init(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/javascript; charset=utf-8').send(docsInit)
  }

  @Route('GET', '/docs/assets/:file', { access: 'public', tag: 'Internal', summary: 'Swagger UI files', produces: 'application/octet-stream' })
  async asset(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const file = (req.params as { file: string }).file
    const type = Object.prototype.hasOwnProperty.call(assets, file) ? assets[file] : undefined
    if (type === undefined) throw problems.notFound(`No file ${file}`)
    let bytes = this.files.get(file)
    if (bytes === undefined) {
      bytes = await readFile(join(swaggerDir(), file))
      this.files.set(file, bytes)
    }
    reply.headers({ 'cache-control': 'public, max-age=86400' }).type(type).send(bytes)
  }
}
