import { redactPersonalIds } from './redact';

describe('redactPersonalIds', () => {
  it('drops ID-number keys at any depth and masks numbers in text', () => {
    expect(
      redactPersonalIds({
        caseId: 'c1',
        applicants: [{ name: '张三', idNumber: '360281199001011230', idNumberHash: 'h' }],
        note: '身份证 360281199001011230',
        count: 2,
        flag: null,
      }),
    ).toEqual({
      caseId: 'c1',
      applicants: [{ name: '张三' }],
      note: '身份证 3602**********1230',
      count: 2,
      flag: null,
    });
  });
});
