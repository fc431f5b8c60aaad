import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { Id, Name, Text, decodeWith } from './codecs.js'
import { DomainCommand } from './commands.js'
import { AreaCode } from './association/events.js'
import { IndicatorCode, Indicators } from './report/indicators.js'

const issues = (r: E.Either<{ issues: ReadonlyArray<{ field: string; message: string }> }, unknown>) => (E.isLeft(r) ? r.left.issues : [])
const decodeCommand = decodeWith(DomainCommand)

describe('names refuse invisible and formatting characters by their Unicode properties', () => {
  // the characters a probe slipped into names: default-ignorable, format, fillers, tags, selectors, a blank pattern
  const hidden: ReadonlyArray<[string, string]> = [
    ['U+2061 function application', '\u2061'],
    ['U+2062 invisible times', '\u2062'],
    ['U+2063 invisible separator', '\u2063'],
    ['U+2064 invisible plus', '\u2064'],
    ['U+180E Mongolian vowel separator', '\u180E'],
    ['U+034F combining grapheme joiner', '\u034F'],
    ['U+FFF9 interlinear annotation anchor', '\uFFF9'],
    ['U+206A inhibit symmetric swapping', '\u206A'],
    ['U+17B4 Khmer vowel inherent aq', '\u17B4'],
    ['U+115F Hangul choseong filler', '\u115F'],
    ['U+3164 Hangul filler', '\u3164'],
    ['U+FFA0 halfwidth Hangul filler', '\uFFA0'],
    ['U+E0001 language tag', '\u{E0001}'],
    ['U+E0061 tag latin small a', '\u{E0061}'],
    ['U+FE0F variation selector 16', '\uFE0F'],
    ['U+1D173 musical symbol begin beam', '\u{1D173}'],
    ['U+2800 Braille pattern blank', '\u2800'],
  ]
  it('has the seventeen characters of the probe', () => expect(hidden).toHaveLength(17))
  it.each(hidden)('refuses %s inside a name', (_, ch) => {
    const r = Name.decode(`Lê${ch}Văn Ba`)
    expect(E.isLeft(r)).toBe(true)
    expect(Name.is(`Lê${ch}Văn Ba`)).toBe(false)
  })
  it.each([
    ['U+2028 line separator (Zl)', '\u2028'],
    ['U+2029 paragraph separator (Zp)', '\u2029'],
    ['U+E000 private use (Co)', '\uE000'],
    ['U+F0000 supplementary private use', '\u{F0000}'],
    ['U+0600 Arabic number sign (Cf)', '\u0600'],
    ['U+200B zero width space', '\u200B'],
    ['U+0085 next line (Cc)', '\u0085'],
    ['U+00AD soft hyphen', '\u00AD'],
  ])('refuses %s too, naming the code point', (_, ch) => {
    const r = decodeCommand({ type: 'RenameAssociation', data: { associationId: 'a-1', name: `Hội${ch} Người cao tuổi`, renamedOn: '2020-01-01' } })
    const found = issues(r)
    expect(found.map((i) => i.field)).toEqual(['data.name'])
    expect(found[0]!.message).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
  })
  it('refuses the same characters in free text, which keeps its line breaks', () => {
    expect(E.isLeft(Text.decode('Báo cáo\u2063 quý III'))).toBe(true)
    expect(Text.decode('Báo cáo quý III\nđã duyệt')).toEqual(E.right('Báo cáo quý III\nđã duyệt'))
  })
  it.each([
    ['NFC', 'Nguyễn Thị Huệ Đặng Phùng Lò Thị Mai Giàng A Páo'],
    ['NFD', 'Nguyễn Thị Huệ Đặng Phùng Lò Thị Mai Giàng A Páo'.normalize('NFD')],
  ])('accepts ordinary Vietnamese in %s and stores it in NFC', (_, input) => {
    expect(Name.decode(input)).toEqual(E.right('Nguyễn Thị Huệ Đặng Phùng Lò Thị Mai Giàng A Páo'.normalize('NFC')))
  })
})

describe('names of the object prototype are never keys', () => {
  const reserved = ['constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']
  it.each(reserved.filter((k) => /^[a-z][a-z0-9-]{1,60}$/u.test(k)))('refuses the indicator code %s', (k) => {
    expect(E.isLeft(IndicatorCode.decode(k))).toBe(true)
    expect(IndicatorCode.is(k)).toBe(false)
  })
  it('refuses a target counting the indicator "constructor", naming the field', () => {
    const r = decodeCommand({
      type: 'SetTarget',
      data: {
        targetId: 't-1',
        ownerAssociationId: 'a-1',
        title: 'Chỉ tiêu',
        metric: { kind: 'report-indicator', associationId: 'a-1', indicator: 'constructor' },
        counting: 'cumulative',
        goal: 5,
        startOn: '2021-01-01',
        dueOn: '2025-12-31',
        milestones: [],
        setOn: '2021-01-01',
      },
    })
    expect(issues(r)).toEqual([{ field: 'data.metric.indicator', message: 'is a reserved name (constructor) and cannot be used' }])
  })
  it('refuses a report with an indicator "constructor" or "prototype", naming the key', () => {
    const r = decodeCommand({ type: 'SubmitReport', data: { associationId: 'a-1', period: '2023Q3', submittedOn: '2023-10-10', indicators: { constructor: 3, prototype: 1, activities: 2 } } })
    expect(issues(r)).toEqual([
      { field: 'data.indicators.constructor', message: 'is a reserved name (constructor) and cannot be used' },
      { field: 'data.indicators.prototype', message: 'is a reserved name (prototype) and cannot be used' },
    ])
    expect(Indicators.is({ constructor: 3 })).toBe(false)
  })
  it.each(reserved)('refuses %s as an id and an area code', (k) => {
    expect(Id.is(k)).toBe(false)
    expect(E.isLeft(Id.decode(k))).toBe(true)
    expect(AreaCode.is(k)).toBe(false)
  })
  it('keeps accepting ordinary codes and ids', () => {
    expect(IndicatorCode.is('propaganda-sessions')).toBe(true)
    expect(Id.is('constructor-2')).toBe(true)
    expect(Id.is('lc-109.04-nct')).toBe(true)
    expect(AreaCode.is('12.105.03')).toBe(true)
  })
})
