import * as assert from 'node:assert/strict';
import { siblingKeys } from '../../src/core/language/keys';
import { schemaKeys } from '../../src/core/schema';

describe('key completion helpers', () => {
  const text = [
    'id: a', 'company: A', 'rounds:', '  - type: coding', '    date: 2025-01-01', '    ', '    questions:', '      - Two sums',
    '    rating: 2', '  - type: onsite', '    went-well: yes', 'feedback:', '  requested: 2025-01-02', '  ', '',
  ].join('\n');

  it('finds the keys of the mapping around the cursor, and only those', () => {
    assert.deepEqual([...siblingKeys(text, 5, 4)].sort(), ['date', 'questions', 'rating', 'type']);
    assert.deepEqual([...siblingKeys(text, 13, 2)], ['requested']);
    assert.deepEqual([...siblingKeys(text, 14, 0)].sort(), ['company', 'feedback', 'id', 'rounds']);
  });

  it('works the same with CRLF line endings', () => {
    assert.deepEqual([...siblingKeys(text.replace(/\n/g, '\r\n'), 5, 4)].sort(), ['date', 'questions', 'rating', 'type']);
  });

  it('lists the keys the schemas allow at a path, through list items, with required flags', () => {
    const round = schemaKeys('interview', ['rounds']);
    assert.deepEqual(round.map((k) => k.key), ['type', 'date', 'time', 'timezone', 'duration', 'location', 'link', 'interviewers', 'rating', 'questions', 'went-well', 'went-badly', 'invitation', 'cancelled']);
    assert.deepEqual(round.filter((k) => k.required).map((k) => k.key), ['type']);
    assert.ok(round.every((k) => k.description), 'every key has a description');
    assert.ok(schemaKeys('weaknesses', ['weaknesses', 'improvements']).some((k) => k.key === 'done-when'));
    assert.deepEqual(schemaKeys('interview', ['company']), [], 'a scalar has no keys');
    assert.deepEqual(schemaKeys('interview', ['nope']), []);
  });
});
