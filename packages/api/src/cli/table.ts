/** Plain-text tables for the terminal: columns padded by display width (Vietnamese diacritics count once). */
const width = (s: string): number => [...s.normalize('NFC')].length

export const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>, align?: ReadonlyArray<'l' | 'r'>): string => {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(c)))
        return (align?.[i] ?? (typeof rows[0]?.[i] === 'number' ? 'r' : 'l')) === 'r' ? pad + c : c + pad
      })
      .join('  ')
      .trimEnd()
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/**
 * The one number style of the CLI's text, Vietnamese: 180.455 and 12,5. Counts go through it;
 * identifiers that are typed back (positions, revisions, line numbers) stay plain.
 */
export const formatNumber = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('vi-VN') : n.toLocaleString('vi-VN', { maximumFractionDigits: 1 }))

/** A calendar date in Vietnamese text: 2023-09-30 → 30/09/2023 (anything else as it is). */
export const dateVi = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso)
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`
}
