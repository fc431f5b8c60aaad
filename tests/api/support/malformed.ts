/**
 * A seeded generator of malformed command requests (RELIABILITY F4). Each mutation is chosen so
 * that the request cannot be a valid command whatever it is applied to: wrong types, missing
 * required fields, unknown fields, huge arrays, deep nesting, invalid UTF-8, NaN, 1e309, impossible
 * dates, server-owned fields, hidden characters, bodies that are not objects or not JSON. Field
 * types come from the API's own OpenAPI body schemas (themselves generated from the codecs).
 */
export type Schema = { type?: string; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; oneOf?: unknown[] }
export type Request = { method: string; url: string; payload: string | Buffer; headers: Record<string, string>; mutations: string[] }
type Body = Record<string, unknown>
type Draft = { body: unknown; raw?: string | Buffer; url: string; contentType: string; mutations: string[] }

export const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const typeOf = (s: Schema | undefined): string => (s === undefined ? 'unknown' : (s.type ?? (s.oneOf !== undefined ? 'object' : 'unknown')))

export const malformedRequests = (
  seed: number,
  count: number,
  templates: ReadonlyArray<{ method: string; url: string; route: string; body: Body; schema: Schema }>,
  serverOwned: ReadonlyArray<string>,
): Request[] => {
  const r = rng(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(r() * xs.length)]!
  const fieldsOf = (d: Draft) => (typeof d.body === 'object' && d.body !== null && !Array.isArray(d.body) ? Object.keys(d.body) : [])

  const wrongValue = (s: Schema | undefined): unknown => {
    switch (typeOf(s)) {
      case 'string':
        return pick([123, true, null, [], {}, 1.5])
      case 'integer':
        return pick(['12', true, null, [], {}, 1.5, -1.25])
      case 'object':
        return pick(['x', 5, [], true, null])
      case 'array':
        return pick(['x', 5, {}, true, null])
      default:
        return Symbol.for('skip')
    }
  }

  /** Each returns false when it does not apply to this draft (then another is tried). */
  const mutations: ReadonlyArray<[string, (d: Draft, t: (typeof templates)[number]) => boolean]> = [
    [
      'wrong type',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => typeof wrongValue(t.schema.properties?.[k]) !== 'symbol')
        if (f.length === 0) return false
        const k = pick(f)
        ;(d.body as Body)[k] = wrongValue(t.schema.properties?.[k])
        return true
      },
    ],
    [
      'missing required',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => t.schema.required?.includes(k))
        if (f.length === 0) return false
        delete (d.body as Body)[pick(f)]
        return true
      },
    ],
    [
      'extra field',
      (d) => {
        if (fieldsOf(d).length === 0 && (typeof d.body !== 'object' || d.body === null || Array.isArray(d.body))) return false
        ;(d.body as Body)[`zz${Math.floor(r() * 1e6)}`] = pick([1, 'x', null, { a: 1 }])
        return true
      },
    ],
    [
      'huge array',
      (d) => {
        if (fieldsOf(d).length === 0) return false
        ;(d.body as Body)[pick(fieldsOf(d))] = new Array(10_001).fill(0)
        return true
      },
    ],
    [
      'deep nesting',
      (d) => {
        if (fieldsOf(d).length === 0) return false
        let v: unknown = 1
        for (let i = 0; i < 33 + Math.floor(r() * 60); i++) v = r() < 0.5 ? [v] : { a: v }
        ;(d.body as Body)[pick(fieldsOf(d))] = v
        return true
      },
    ],
    [
      'invalid UTF-8',
      (d) => {
        const text = Buffer.from(JSON.stringify(d.body), 'utf8')
        const quote = text.indexOf(0x22, Math.floor(r() * text.length))
        const at = quote < 0 ? text.indexOf(0x22) : quote
        if (at < 0) return false
        const bad = pick([[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]])
        d.raw = Buffer.concat([text.subarray(0, at + 1), Buffer.from(bad), text.subarray(at + 1)])
        return true
      },
    ],
    [
      'NaN or Infinity',
      (d) => {
        if (fieldsOf(d).length === 0) return false
        const k = pick(fieldsOf(d))
        ;(d.body as Body)[k] = '__TOKEN__'
        d.raw = JSON.stringify(d.body).replace('"__TOKEN__"', pick(['NaN', 'Infinity', '-Infinity', 'undefined', '0x10']))
        return true
      },
    ],
    [
      '1e309',
      (d) => {
        if (fieldsOf(d).length === 0) return false
        ;(d.body as Body)[pick(fieldsOf(d))] = '__BIG__'
        d.raw = JSON.stringify(d.body).replace('"__BIG__"', pick(['1e309', '-1e309', '1e400']))
        return true
      },
    ],
    [
      'impossible date',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => t.schema.properties?.[k]?.format === 'date')
        if (f.length === 0) return false
        ;(d.body as Body)[pick(f)] = pick(['2023-02-30', '2023-13-01', '2021-02-29', '20230101', '2023-1-1', '1899-12-31', '2023-04-31'])
        return true
      },
    ],
    [
      'server-owned field',
      (d) => {
        if (typeof d.body !== 'object' || d.body === null || Array.isArray(d.body)) return false
        const key = pick(serverOwned)
        const objects = fieldsOf(d).filter((k) => typeof (d.body as Body)[k] === 'object' && (d.body as Body)[k] !== null && !Array.isArray((d.body as Body)[k]))
        const holder = objects.length > 0 && r() < 0.4 ? ((d.body as Body)[pick(objects)] as Body) : (d.body as Body)
        // "__proto__" must stay an own key: only JSON text can say that
        holder[key === '__proto__' ? '__PROTO__' : key] = pick([1, 'x', { admin: true }])
        d.raw = JSON.stringify(d.body).replace('"__PROTO__"', '"__proto__"')
        return true
      },
    ],
    [
      'hidden characters',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => typeOf(t.schema.properties?.[k]) === 'string' && typeof (d.body as Body)[k] === 'string')
        if (f.length === 0) return false
        const k = pick(f)
        ;(d.body as Body)[k] = `${String((d.body as Body)[k])}${pick(['\u0000', '\u202E', '\u200B', '\u0007', '\u2066', '\uFEFF', '\uD800'])}x`
        return true
      },
    ],
    [
      'too long',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => typeOf(t.schema.properties?.[k]) === 'string')
        if (f.length === 0) return false
        ;(d.body as Body)[pick(f)] = 'y'.repeat(10_001)
        return true
      },
    ],
    [
      'wrong enum',
      (d, t) => {
        const f = fieldsOf(d).filter((k) => t.schema.properties?.[k]?.enum !== undefined)
        if (f.length === 0) return false
        ;(d.body as Body)[pick(f)] = pick(['zzz', 'ELDERLY', '', 'official '])
        return true
      },
    ],
    [
      'not an object',
      (d) => {
        d.body = pick([[], [d.body], 'text', 42, true, null])
        return true
      },
    ],
    [
      'truncated',
      (d) => {
        const text = JSON.stringify(d.body)
        d.raw = text.slice(0, Math.max(1, Math.floor(r() * (text.length - 1))))
        return true
      },
    ],
    [
      'empty body',
      (d) => {
        d.raw = ''
        return true
      },
    ],
    [
      'wrong content type',
      (d) => {
        d.contentType = pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'])
        return true
      },
    ],
    [
      'bad path id',
      (d, t) => {
        if (!t.route.includes(':')) return false
        const segments = d.url.split('/')
        const at = t.route.split('/').findIndex((p) => p.startsWith(':'))
        segments[at] = pick(['bad%20id', '%00', '-x', 'a'.repeat(81), '%E2%80%AEx', '..'])
        d.url = segments.join('/')
        return true
      },
    ],
  ]

  const out: Request[] = []
  while (out.length < count) {
    const t = pick(templates)
    const d: Draft = { body: structuredClone(t.body), url: t.url, contentType: 'application/json', mutations: [] }
    const wanted = 1 + Math.floor(r() * 3)
    for (let tries = 0; d.mutations.length < wanted && tries < 20; tries++) {
      const [name, apply] = pick(mutations)
      // raw text is final: later mutations would be lost on it
      if (d.raw !== undefined) break
      if (apply(d, t)) d.mutations.push(name)
    }
    if (d.mutations.length === 0) continue
    const payload = d.raw ?? JSON.stringify(d.body)
    out.push({ method: t.method, url: d.url, payload, headers: { 'content-type': d.contentType }, mutations: d.mutations })
  }
  return out
}
