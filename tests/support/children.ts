import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const childScript = (name: string): string => fileURLToPath(new URL(`./children/${name}`, import.meta.url))

/** Runs a child script with `node`, calling `onLine` for every stdout line; resolves with its exit. */
export const runChild = (name: string, args: ReadonlyArray<string>, onLine: (line: string) => void = () => undefined) => {
  const child: ChildProcess = spawn(process.execPath, [childScript(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  createInterface({ input: child.stdout! }).on('line', onLine)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    // 'close' comes after the last stdout line has been read
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  )
  return { child, exited }
}

/** A whole number from the environment, or the default. */
export const envInt = (name: string, fallback: number): number => {
  const v = process.env[name]
  const n = v === undefined ? NaN : Number(v)
  return Number.isInteger(n) && n > 0 ? n : fallback
}
