import { fieldChanges } from './field-changes';

describe('fieldChanges', () => {
  it('records each changed field with its old and new value, and nothing unchanged', () => {
    const before = { name: '乐平市司法局', code: 'LP', act: { title: 'x', field: '公安' } };
    expect(
      fieldChanges(before, {
        name: '乐平市人民政府',
        code: 'LP',
        act: { title: 'x', field: '公安' },
      }),
    ).toEqual({ name: { from: '乐平市司法局', to: '乐平市人民政府' } });
  });

  it('compares nested values and skips undefined', () => {
    expect(
      fieldChanges({ act: { title: 'x' }, n: 1 }, { act: { title: 'y' }, n: undefined }),
    ).toEqual({
      act: { from: { title: 'x' }, to: { title: 'y' } },
    });
  });

  it('masks what the caller masks, on both sides', () => {
    const mask = (value: unknown) => (typeof value === 'string' ? `${value.slice(0, 2)}**` : value);
    expect(fieldChanges({ id: '360281' }, { id: '440304' }, mask)).toEqual({
      id: { from: '36**', to: '44**' },
    });
  });
});
