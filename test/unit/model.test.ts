import * as assert from 'node:assert/strict';
import interviewSchema from '../../schemas/interview.schema.json';
import weaknessesSchema from '../../schemas/weaknesses.schema.json';
import { CITATION_SOURCES, IMPROVEMENT_STATUSES, OUTCOMES, ROUND_TYPES, STAGES, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES } from '../../src/core/model';
import { addDays, daysBetween, isValidDate } from '../../src/core/dates';

describe('model', () => {
  it('enum constants match the JSON Schemas', () => {
    const p = interviewSchema.properties;
    assert.deepEqual([...STAGES], p.stage.enum);
    assert.deepEqual([...OUTCOMES], p.outcome.enum);
    assert.deepEqual([...ROUND_TYPES], p.rounds.items.properties.type.enum);
    assert.deepEqual([...CITATION_SOURCES], p.weaknesses.items.properties.source.enum);
    const w = weaknessesSchema.properties.weaknesses.items.properties;
    assert.deepEqual([...WEAKNESS_CATEGORIES], w.category.enum);
    assert.deepEqual([...WEAKNESS_STATUSES], w.status.enum);
    assert.deepEqual([...IMPROVEMENT_STATUSES], w.improvements.items.properties.status.enum);
  });

  it('every schema property has a title and a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!v.title || !v.description) missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      if (n.items) walk(n.items, `${path}[]`);
    };
    walk(interviewSchema, 'interview');
    walk(weaknessesSchema, 'weaknesses');
    assert.deepEqual(missing, []);
  });

  it('every object schema forbids additional properties', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.additionalProperties !== false) open.push(path);
      for (const v of Object.values((n.properties ?? {}) as object)) walk(v, path + '.p');
      if (n.items) walk(n.items, path + '[]');
    };
    walk(interviewSchema, 'interview');
    walk(weaknessesSchema, 'weaknesses');
    assert.deepEqual(open, []);
  });

  it('validates calendar dates', () => {
    assert.equal(isValidDate('2024-02-29'), true);
    assert.equal(isValidDate('2025-02-29'), false);
    assert.equal(isValidDate('2025-02-30'), false);
    assert.equal(isValidDate('2025-13-01'), false);
    assert.equal(isValidDate('2025-1-01'), false);
    assert.equal(isValidDate('1900-02-29'), false);
    assert.equal(isValidDate('2000-02-29'), true);
    assert.equal(isValidDate(20250101), false);
  });

  it('computes day differences and offsets', () => {
    assert.equal(daysBetween('2025-02-03', '2025-02-10'), 7);
    assert.equal(daysBetween('2025-03-01', '2025-02-28'), -1);
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  });
});
