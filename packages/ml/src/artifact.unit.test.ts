import { describe, expect, it } from 'vitest';
import { artifactFromJson, artifactToJson } from './artifact.ts';

describe('artifact JSON', () => {
  it('keeps the open ends of the first and last bins through a round trip', () => {
    const bins = [
      { lower: Number.NEGATIVE_INFINITY, upper: 3 },
      { lower: 3, upper: Number.POSITIVE_INFINITY },
    ];
    const text = artifactToJson({ bins });
    expect(text).toBe('{"bins":[{"lower":"-inf","upper":3},{"lower":3,"upper":"+inf"}]}');
    expect(artifactFromJson(text)).toEqual({ bins });
  });
});
