import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseSeed, commandCases, readCases, runSetup } from './support/cases.js'
import { call, settle, startTestServer, type TestServer, type Who } from './support/server.js'

type Doc = {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>
  components: { schemas: Record<string, unknown> }
  info: { description: string }
}

let s: TestServer
let doc: Doc

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, baseSeed)
  // every command route once, so that the views have rows to show
  let n = 7000
  for (const c of commandCases) {
    const b = c.build('A', ++n)
    await runSetup(s.store, b.setup)
    await call(s.base, c.method, b.path, { who: 'admin', ...(b.body === undefined ? {} : { body: b.body }) })
  }
  await settle(s)
  doc = (await call(s.base, 'GET', '/openapi.json')).json as Doc
}, 120_000)
afterAll(async () => s?.close())

const viewPaths = () => Object.entries(doc.paths).filter(([p]) => p.startsWith('/views/'))

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a real validator: 0 errors', async () => {
    // validate() dereferences in place: give it a copy
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined()
  })

  it('describes every view answer, a page with its items for the lists: never a bare object', () => {
    expect(viewPaths().length).toBe(18)
    for (const [path, ops] of viewPaths()) {
      const schema = ops.get!.responses['200']!.content!['application/json']!.schema as Record<string, unknown>
      expect(schema, path).not.toEqual({ type: 'object' })
      if (schema.type === 'object') expect(Object.keys(schema.properties as object), path).toEqual(['total', 'offset', 'limit', 'items'])
    }
  })

  it('shows the <token> placeholder in the docs page as text (a code span, not an HTML tag)', () => {
    // Swagger UI renders descriptions as Markdown: a bare <token> would be an unknown tag and vanish
    const bare = doc.info.description.replace(/`[^`]*`/gu, '')
    expect(bare).not.toMatch(/<[a-z]/iu)
    expect(doc.info.description).toContain('`Authorization: Bearer <token>`')
  })
})

describe('every view answer matches its documented schema', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  const validatorOf = (path: string) => {
    const id = `https://hoi.invalid/openapi`
    if (ajv.getSchema(id) === undefined) ajv.addSchema({ $id: id, components: doc.components, paths: doc.paths })
    const pointer = `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/200/content/application~1json/schema`
    return ajv.compile({
      $ref: `${id}#${pointer
        .split('/')
        .map((x) => encodeURIComponent(x))
        .join('/')}`,
    })
  }
  const toOpenApi = (route: string) => route.replace(/:([A-Za-z0-9_]+)/gu, '{$1}')

  for (const c of readCases.filter((r) => r.route.startsWith('/views/')))
    for (const who of ['admin', 'anonymous'] as const satisfies ReadonlyArray<Who>)
      it(`${c.route} as ${who}`, async () => {
        const b = c.build('A', 1)
        await runSetup(s.store, b.setup)
        if (b.setup.length > 0) await settle(s)
        const r = await call(s.base, 'GET', b.path, { who })
        if (r.status !== 200) {
          // the roster is personal data: never public
          expect([401, 403], r.text).toContain(r.status)
          return
        }
        const validate = validatorOf(toOpenApi(c.route))
        expect(validate(r.json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
      })

  it('the schemas are strict: a field the views do not have is refused', async () => {
    const r = await call(s.base, 'GET', '/views/statistics?year=2020')
    const validate = validatorOf('/views/statistics')
    expect(validate(r.json)).toBe(true)
    expect(validate({ ...r.json, extra: 1 })).toBe(false)
  })
})
