import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliPath, hoi, root } from '../support/cli.js'

/** issue 11: long work prints progress with rate and ETA — a bar on a terminal, plain lines otherwise. */
type Bar = { update(done: number, total: number): void; around(write: () => void): void; done(): void }
type Stream = { isTTY?: boolean; write(s: string): boolean }
const { progressBar } = (await import(join(root, 'packages/api/dist/cli/progress.js'))) as {
  progressBar: (label: string, stream: Stream, now: () => number, unit?: string) => Bar
}

const recorder = (isTTY: boolean) => {
  const writes: string[] = []
  return { stream: { isTTY, write: (s: string) => writes.push(s) > 0 }, writes }
}

describe('the progress bar', () => {
  it('off a terminal: a plain line at the start, then at most one every two seconds, and the last; no control codes', () => {
    let t = 0
    const { stream, writes } = recorder(false)
    const bar = progressBar('demo', stream, () => t, 'commands')
    bar.update(0, 10_000)
    for (let done = 500; done <= 10_000; done += 500) {
      t += 500
      bar.update(done, 10_000)
    }
    bar.done()
    expect(writes).toEqual([
      'demo 0 % (0 of 10.000), 0 commands/s, ETA ?\n',
      'demo 20 % (2.000 of 10.000), 1.000 commands/s, ETA 8 s\n',
      'demo 40 % (4.000 of 10.000), 1.000 commands/s, ETA 6 s\n',
      'demo 60 % (6.000 of 10.000), 1.000 commands/s, ETA 4 s\n',
      'demo 80 % (8.000 of 10.000), 1.000 commands/s, ETA 2 s\n',
      'demo 100 % (10.000 of 10.000), 1.000 commands/s, ETA 0 s\n',
    ])
  })

  it('on a terminal: redrawn in place, other output written above it without tearing it', () => {
    let t = 0
    const { stream, writes } = recorder(true)
    const bar = progressBar('exec', stream, () => t, 'lines')
    bar.update(1, 4)
    t += 1000
    bar.update(2, 4)
    bar.around(() => writes.push('<line 2>'))
    t += 1000
    bar.update(4, 4)
    bar.done()
    expect(writes[0]).toBe(`\r[${'#'.repeat(8)}${'-'.repeat(22)}] exec 25 % (1 of 4), 0 lines/s, ETA ?\u001b[K`)
    expect(writes.slice(2, 5)).toEqual(['\r\u001b[K', '<line 2>', writes[1]])
    expect(writes.at(-2)).toBe(`\r[${'#'.repeat(30)}] exec 100 % (4 of 4), 2 lines/s, ETA 0 s\u001b[K`)
    expect(writes.at(-1)).toBe('\n')
  })
})

describe('hoi exec and hoi demo print progress on stderr', () => {
  it('exec: plain lines in lines per second, ending at 100 %, apart from the results on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoi-progress-'))
    const file = join(dir, 'many.jsonl')
    const found = {
      type: 'FoundAssociation',
      data: { associationId: 'nct-p', name: 'Hội Người cao tuổi xã Bản Bo', kind: 'elderly', scope: 'commune', areaCode: '12.106.02', foundedOn: '2015-04-01', foundingMembers: 15 },
    }
    const admit = (i: number) => ({
      type: 'AdmitMember',
      data: { memberId: `m${i}`, associationId: 'nct-p', personId: `p${i}`, fullName: 'Lò Thị Mai', birthDate: '1950-02-03', gender: 'female', category: 'official', admittedOn: '2020-05-01' },
    })
    writeFileSync(file, [found, ...Array.from({ length: 1_199 }, (_, i) => admit(i))].map((l) => JSON.stringify(l)).join('\n') + '\n')
    const r = hoi(['exec', file, '--store', `sqlite:${join(dir, 'hoi.sqlite')}`])
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1.200 ok, 0 failed')
    expect(r.stdout).not.toContain('%')
    expect(r.stderr).toMatch(/^exec 100 % \(1\.200 of 1\.200\), [\d.]+ lines\/s, ETA 0 s$/mu)
    expect(r.stderr).not.toContain('\u001b')
  })

  it('demo: plain lines in commands per second long before it ends', async () => {
    const proc = spawn(process.execPath, [cliPath, 'demo', '--store', 'memory:'], { cwd: root })
    let err = ''
    const line = await new Promise<string>((resolve, reject) => {
      proc.stderr.on('data', (d: Buffer) => {
        err += d.toString()
        const m = /^demo \d+ % \([\d.]+ of [\d.]+\), [\d.]+ commands\/s, ETA .+$/mu.exec(err)
        if (m !== null) resolve(m[0])
      })
      proc.on('exit', (code) => reject(new Error(`demo exited ${code} before any progress: ${err}`)))
    }).finally(() => proc.kill('SIGTERM'))
    expect(line).toMatch(/of \d{1,3}(\.\d{3})+\)/u) // the total, grouped the vi-VN way
  }, 300_000)
})
