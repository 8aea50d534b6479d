import { ExportArgumentError, parseExportArguments } from './statistics-export-command';

describe('stats:export arguments', () => {
  it('reads a month, a body, a format and a file', () => {
    expect(
      parseExportArguments([
        '--month',
        '2024-05',
        '--agency',
        'LPFY',
        '--format',
        'xlsx',
        '--out',
        'a.xlsx',
      ]),
    ).toMatchObject({
      period: { kind: 'month', from: '2024-05-01', to: '2024-05-31' },
      agencyCode: 'LPFY',
      format: 'xlsx',
      out: 'a.xlsx',
    });
    expect(parseExportArguments(['--year=2024', '--out=b.json'])).toMatchObject({
      period: { kind: 'year', label: '2024' },
      agencyCode: null,
      format: 'json',
    });
  });

  it.each([
    [['--out', 'x']],
    [['--month', '2024-05', '--year', '2024', '--out', 'x']],
    [['--month', '2024-13', '--out', 'x']],
    [['--month', '2024-05']],
    [['--month', '2024-05', '--out', 'x', '--format', 'pdf']],
    [['--month', '2024-05', '--out', 'x', '--colour', 'red']],
    [['--month', '--out', 'x']],
    [['2024-05']],
  ])('refuses %j', (argv) => {
    expect(() => parseExportArguments(argv)).toThrow(ExportArgumentError);
  });
});
