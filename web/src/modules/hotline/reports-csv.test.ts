import { describe, expect, it } from 'vitest';
import { byDayCsv, CSV_BOM, csvCell, toCsv } from './reports-csv.ts';

describe('CSV for the report', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF, so Excel opens Korean headers correctly', () => {
    const csv = byDayCsv(
      [
        { day: '2026-03-01', sms: 2, voice: 1, web: 0 },
        { day: '2026-03-02', sms: 0, voice: 0, web: 3 },
      ],
      { day: '날짜', sms: '문자', voice: '전화', web: '웹 양식', total: '합계' },
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe(`${CSV_BOM}날짜,문자,전화,웹 양식,합계\r\n2026-03-01,2,1,0,3\r\n2026-03-02,0,0,3,3\r\n`);
    // As bytes: EF BB BF, then Hangul in UTF-8.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('Día, total')).toBe('"Día, total"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1 312')).toBe("'+1 312");
    expect(csvCell('@SUM')).toBe("'@SUM");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv([])).toBe(`${CSV_BOM}\r\n`);
  });
});
