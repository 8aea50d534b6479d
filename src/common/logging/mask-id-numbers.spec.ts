import { maskIdNumbers } from './mask-id-numbers';

describe('maskIdNumbers', () => {
  it.each([
    [
      '/api/v1/reconsideration-cases?q=360281199001011230',
      '/api/v1/reconsideration-cases?q=3602**********1230',
    ],
    ['applicant 11010519491231002X filed', 'applicant 1101**********002X filed'],
    ['two: 360281199001011230,440304198511204516', 'two: 3602**********1230,4403**********4516'],
    [
      '/api/v1/reconsideration-cases?q=%33%36%30%32%38%31199001011230',
      '/api/v1/reconsideration-cases?q=3602**********1230',
    ],
    ['/api/v1/x?q=36028119900101123%30&y=%E4%B8%AD', '/api/v1/x?q=3602**********1230&y=中'],
  ])('masks %s', (text, masked) => {
    expect(maskIdNumbers(text)).toBe(masked);
  });

  it('leaves other numbers alone', () => {
    expect(maskIdNumbers('case 2024 no. 12345678901234567890123')).toBe(
      'case 2024 no. 12345678901234567890123',
    );
    expect(maskIdNumbers('phone 13800000000')).toBe('phone 13800000000');
  });
});
