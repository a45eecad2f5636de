import { describe, expect, it } from 'vitest';
import { safeNextPath } from './navigation.ts';

describe('the page to return to after log-in', () => {
  it('keeps a path on this site, query included', () => {
    expect(safeNextPath('/security?tab=sessions')).toBe('/security?tab=sessions');
  });

  it('refuses anything that could leave the site, going home instead', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      null,
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
