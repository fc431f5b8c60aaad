import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '@hoi/adapters'
import { cliPath, hoi, root } from '../support/cli.js'
import { demoDatabase } from '../support/demo.js'

/** Start-up and store defects an adversarial probe found (issue 11, security 1, 9 and 10). */
const fresh = () => mkdtempSync(join(tmpdir(), 'hoi-startup-'))
const SECRET = 'a-deployment-secret-of-more-than-32-bytes'
const { HOI_JWT_SECRET: _secret, HOI_API_KEYS: _keys, HOI_STORE: _store, ...envWithout } = process.env
const mode = (file: string) => statSync(file).mode & 0o777

type Serving = { readonly proc: ChildProcess; readonly out: string; readonly base: string; readonly admin: string }
const started: ChildProcess[] = []

/** `hoi serve …` until it prints its summary; the test stops it. */
const serve = (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Serving> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cliPath, 'serve', ...args], { cwd: root, env: { ...envWithout, ...env } })
    started.push(proc)
    let out = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 300_000)
    const read = (d: Buffer) => {
      out += d.toString()
      if (out.includes('Ctrl+C')) {
        clearTimeout(timer)
        resolve({ proc, out, base: /dashboard\s+(http:\/\/\S+?)\/\s/u.exec(out)![1]!, admin: /^\s+admin\s+(\S+)$/mu.exec(out)![1]! })
      }
    }
    proc.stdout.on('data', read)
    proc.stderr.on('data', read)
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
  })
const stop = async (p: ChildProcess) => {
  if (p.exitCode !== null || p.signalCode !== null) return
  const exited = new Promise((r) => p.once('exit', r))
  p.kill('SIGTERM')
  await exited
}
afterAll(async () => {
  for (const p of started) await stop(p)
})

describe('1. serve --demo signs with a secret of its own store', () => {
  let dir = ''
  let file = ''
  beforeAll(async () => {
    const demo = (await demoDatabase()).slice('sqlite:'.length)
    dir = fresh()
    file = join(dir, 'hoi.sqlite')
    copyFileSync(demo, file)
  }, 1_800_000)

  it('generates it on the first start (mode 0600 beside the data), never the old constant, and reuses it on restart', async () => {
    const first = await serve(['--demo', '--port', '0', '--store', `sqlite:${file}`])
    // the summary's figures come from a worker thread of their own (no fallback to the server's thread)
    expect(first.out).toContain('2020 in Lai Châu (area 12): 179 associations (province 24, district 56, commune 99), 180.455 members, 18 special, 11 founded in 2020')
    expect(first.out).not.toContain("summary's worker failed")
    const secretFile = `${file}.jwt-secret`
    expect(existsSync(secretFile)).toBe(true)
    expect(mode(secretFile)).toBe(0o600)
    const secret = readFileSync(secretFile, 'utf8').trim()
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32)
    const [h, p, sig] = first.admin.split('.')
    expect(createHmac('sha256', 'hoi-demo-secret-change-me').update(`${h}.${p}`).digest('base64url')).not.toBe(sig)
    expect(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')).toBe(sig)
    expect((await fetch(`${first.base}/audit/log?limit=1`, { headers: { authorization: `Bearer ${first.admin}` } })).status).toBe(200)
    await stop(first.proc)
    const second = await serve(['--demo', '--port', '0', '--store', `sqlite:${file}`])
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(secret)
    expect((await fetch(`${second.base}/audit/log?limit=1`, { headers: { authorization: `Bearer ${first.admin}` } })).status).toBe(200)
    await stop(second.proc)
  }, 1_800_000)

  it('refuses a secret file others can read', () => {
    const secretFile = `${file}.jwt-secret`
    const other = join(fresh(), 'x.sqlite')
    writeFileSync(`${other}.jwt-secret`, readFileSync(secretFile), { mode: 0o644 })
    const r = hoi(['serve', '--demo', '--port', '0', '--store', `sqlite:${other}`], {}, 60_000)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/jwt-secret.*(readable|0600|chmod)/u)
  })

  it('holds a demo HOI_JWT_SECRET to the same minimum length, before writing anything', () => {
    const file2 = join(fresh(), 'short.sqlite')
    const r = hoi(['serve', '--demo', '--port', '0', '--store', `sqlite:${file2}`], { HOI_JWT_SECRET: 'short-secret' }, 60_000)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/HOI_JWT_SECRET must be at least 32 bytes/u)
    expect(r.stderr).not.toMatch(/\n\s+at /u)
    expect(existsSync(file2)).toBe(false)
  })
})

describe('9. start-up checks come before anything is written', () => {
  it.each([['99999'], ['abc'], ['-1'], ['80.5'], ['']])('refuses --port %j with a usage error and no store', (port) => {
    const file = join(fresh(), 'p.sqlite')
    const r = hoi(['serve', '--demo', `--port=${port}`, '--store', `sqlite:${file}`], {}, 30_000)
    expect(r.code).toBe(64)
    expect(r.stderr).toMatch(/--port must be a whole number from 0 to 65535/u)
    expect(r.stderr).not.toMatch(/\n\s+at /u)
    expect(existsSync(file)).toBe(false)
  })
  it.each([['not a host'], ['http://x'], ['a'.repeat(300)]])('refuses --host %j', (host) => {
    const file = join(fresh(), 'h.sqlite')
    const r = hoi(['serve', '--demo', '--host', host, '--store', `sqlite:${file}`], {}, 30_000)
    expect(r.code).toBe(64)
    expect(r.stderr).toMatch(/--host must be/u)
    expect(existsSync(file)).toBe(false)
  })
  it.each([
    ['[{"sub":"bot","role":"clerk"}]', /HOI_API_KEYS\[0\]\.hash/u],
    ['[{"hash":"' + 'a'.repeat(64) + '","sub":"bot","role":"root"}]', /HOI_API_KEYS\[0\]\.role must be one of admin, clerk, auditor/u],
    ['[null]', /HOI_API_KEYS\[0\] must be an object/u],
    ['{"hash":1}', /HOI_API_KEYS must be a JSON array.*not an array/u],
    ['[{', /HOI_API_KEYS must be a JSON array.*not JSON/u],
  ])('refuses HOI_API_KEYS=%s naming the entry and field', (keys, message) => {
    const file = join(fresh(), 'k.sqlite')
    const r = hoi(['serve', '--port', '0', '--store', `sqlite:${file}`], { HOI_JWT_SECRET: SECRET, HOI_API_KEYS: keys }, 30_000)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /u)
    expect(existsSync(file)).toBe(false)
  })
  it.each([['/proc/self/hoi.sqlite'], ['/sys/hoi.sqlite'], ['/proc/hoi.sqlite']])('refuses a store at %s', (path) => {
    const r = hoi(['query', 'registry', '--store', `sqlite:${path}`], {}, 20_000)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/\/proc or \/sys/u)
  })
  it('refuses a store reached through a link into /proc', () => {
    const dir = fresh()
    symlinkSync('/proc/self', join(dir, 'link'))
    const r = hoi(['query', 'registry', '--store', `sqlite:${join(dir, 'link', 'hoi.sqlite')}`], {}, 20_000)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/\/proc or \/sys/u)
  })
  it('names the file when the store cannot be opened', () => {
    const dir = fresh()
    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'these are notes, not a database\n'.repeat(100))
    const a = hoi(['query', 'registry', '--store', `sqlite:${text}`], {}, 20_000)
    expect(a.code).not.toBe(0)
    expect(a.stderr).toContain(text)
    mkdirSync(join(dir, 'folder.sqlite'))
    const b = hoi(['query', 'registry', '--store', `sqlite:${join(dir, 'folder.sqlite')}`], {}, 20_000)
    expect(b.code).not.toBe(0)
    expect(b.stderr).toContain(join(dir, 'folder.sqlite'))
  })
})

describe('10. the store files are private, and a file run twice stores nothing new', () => {
  it('creates the SQLite file, its WAL and shared memory with mode 0600', async () => {
    const file = join(fresh(), 'private.sqlite')
    const store = await openStore(`sqlite:${file}`)
    try {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true)
        expect(mode(f), f).toBe(0o600)
      }
    } finally {
      await store.close()
    }
  })

  const admit = (memberId: string, fullName: string) => ({
    type: 'AdmitMember',
    data: { memberId, associationId: 'nct-y', personId: `p-${memberId}`, fullName, birthDate: '1950-02-03', gender: 'female', category: 'official', admittedOn: '2020-05-01' },
  })
  const correct = (memberId: string, fullName: string) => ({ type: 'CorrectMemberDetails', data: { memberId, associationId: 'nct-y', correctedOn: '2021-01-01', reason: 'Sai tên', fullName } })
  const lines = [
    {
      type: 'FoundAssociation',
      data: { associationId: 'nct-y', name: 'Hội Người cao tuổi xã Bản Lang', kind: 'elderly', scope: 'commune', areaCode: '12.106.03', foundedOn: '2015-04-01', foundingMembers: 15 },
    },
    correct('m2', 'Tòng Văn Hùng'), // refused: m2 is admitted only two lines below
    admit('m1', 'Lò Thị Mai'),
    admit('m2', 'Tòng Thị Hùng'),
    correct('m1', 'Lò Thị Mai'), // nothing to do: the name is already this
    correct('m1', 'Lò Thị Hoa'),
    correct('m9', 'Không Có'), // refused: no such member, ever
  ]
  it('answers every line as the first run did, even lines refused or idle then that later lines would now allow', () => {
    const dir = fresh()
    const file = join(dir, 'commands.jsonl')
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    const store = `sqlite:${join(dir, 'hoi.sqlite')}`
    const run = () => {
      const r = hoi(['exec', file, '--store', store, '--json'])
      return {
        code: r.code,
        results: r.stdout
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { line: number; ok: boolean; error?: string; events?: number }),
      }
    }
    const history = () => ['member-m1', 'member-m2'].map((s) => hoi(['history', s, '--store', store, '--json']).stdout)
    const first = run()
    expect(first.code).toBe(2)
    expect(first.results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
      [7, false],
    ])
    expect(first.results[4]!.events).toBe(0)
    const stored = history()
    for (const again of [run(), run()]) {
      expect(again.code).toBe(2)
      expect(again.results.map((r) => [r.line, r.ok, r.ok ? undefined : r.error])).toEqual(first.results.map((r) => [r.line, r.ok, r.ok ? undefined : r.error]))
      expect(history()).toEqual(stored)
    }
    expect(JSON.parse(stored[0]!.trim().split('\n').at(-1)!).data.fullName).toBe('Lò Thị Hoa')
    expect(stored[1]!.trim().split('\n')).toHaveLength(1)
  })
})
