import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../src/config/suggest.js';

describe('suggestions', () => {
  it('measures edits case-insensitively', () => {
    expect(editDistance('Trainig', 'Training')).toBe(1);
    expect(editDistance('TRAINING', 'training')).toBe(0);
  });

  it('suggests the closest name within reach, and nothing when far', () => {
    const classes = ['Processing', 'Training', 'CreateModel', 'Transform', 'Metrics', 'RegisterModel'];
    expect(closest('Trainig', classes)).toBe('Training');
    expect(closest('preprocessing', classes)).toBe('Processing');
    expect(closest('Register', classes)).toBe('RegisterModel');
    expect(closest('zzzz', classes)).toBeUndefined();
  });
});
