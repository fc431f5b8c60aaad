/** Plain-text tables for the terminal: columns padded by display width (Vietnamese diacritics count once). */
const width = (s: string): number => [...s.normalize('NFC')].length

export const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>, align?: ReadonlyArray<'l' | 'r'>): string => {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))))
  const line = (r: ReadonlyArray<string>) =>
    r.map((c, i) => {
      const pad = ' '.repeat(Math.max(0, widths[i]! - width(c)))
      return (align?.[i] ?? (typeof rows[0]?.[i] === 'number' ? 'r' : 'l')) === 'r' ? pad + c : c + pad
    }).join('  ').trimEnd()
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/** Vietnamese number style: 180.455 */
export const formatNumber = (n: number): string =>
  Number.isInteger(n) ? n.toLocaleString('de-DE') : n.toLocaleString('de-DE', { maximumFractionDigits: 1 })
