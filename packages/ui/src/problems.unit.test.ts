import { describe, expect, it } from 'vitest';
import { formFieldPath } from './problems.ts';

describe('mapping server field names onto form fields', () => {
  it('drops the request part the server names the field by', () => {
    expect(formFieldPath('body.mobile')).toEqual(['mobile']);
    expect(formFieldPath('query.limit')).toEqual(['limit']);
  });

  it('keeps nested paths and array indexes', () => {
    expect(formFieldPath('body.roles.1')).toEqual(['roles', 1]);
    expect(formFieldPath('body.address.city')).toEqual(['address', 'city']);
  });

  it('leaves a bare field name alone', () => {
    expect(formFieldPath('displayName')).toEqual(['displayName']);
  });
});
