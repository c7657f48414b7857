import { describe, expect, it } from 'vitest'
import { neutraliseFormula, restoreNeutralisedText } from '@/io/schedule-table/formula-text'

describe('formula text', () => {
  it('neutralises text a spreadsheet would run as a formula, and only that', () => {
    for (const text of ['=SUM(A1:A2)', '+84 912', '-1', '@cmd', '\tx', '\rx', "'=x", "''+x"]) {
      expect(neutraliseFormula(text)).toBe(`'${text}`)
      expect(restoreNeutralisedText(neutraliseFormula(text))).toBe(text)
    }
    for (const text of ['Họp báo', '', ' =not a formula', "'quoted", 'a=b', '1-2', '😀=']) {
      expect(neutraliseFormula(text)).toBe(text)
      expect(restoreNeutralisedText(text)).toBe(text)
    }
  })
})
