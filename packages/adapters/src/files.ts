import { closeSync, existsSync, mkdirSync, openSync, realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** The real place a path leads to: its nearest existing folder resolved through links, and the rest. */
const realPlace = (file: string): string => {
  let dir = file
  const rest: string[] = []
  while (!existsSync(dir) && dirname(dir) !== dir) {
    rest.unshift(dir.slice(dirname(dir).length).replace(/^\//u, ''))
    dir = dirname(dir)
  }
  return resolve(realpathSync(dir), ...rest)
}

/** /proc and /sys are the kernel's, not files: SQLite there loops or fails obscurely, so they are refused first. */
export const refuseKernelFiles = (file: string): void => {
  const real = realPlace(file)
  if (/^\/(proc|sys)(\/|$)/u.test(real) || /^\/(proc|sys)(\/|$)/u.test(file))
    throw new Error(`The store ${file}${real === file ? '' : ` (${real})`} is under /proc or /sys, which hold the kernel's files, not data: choose a folder on a disk`)
}

/**
 * A new store file is created readable by its owner only (0600), with any new folders 0700; SQLite
 * gives the WAL and shared-memory files the database file's mode.
 */
export const createPrivately = (file: string): void => {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  try {
    closeSync(openSync(file, 'wx', 0o600))
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'EEXIST') throw e
  }
}
