import { describe, expect, it } from 'vitest';
import { maskPiiInText } from './observability.ts';

describe('PII in log lines', () => {
  it('masks mobile and resident ID numbers wherever they appear in a URL', () => {
    expect(maskPiiInText('/api/v1/customers?mobile=13812348000&x=1')).toBe(
      '/api/v1/customers?mobile=138****8000&x=1',
    );
    expect(maskPiiInText('/api/v1/customers/11010519900101123X')).toBe(
      '/api/v1/customers/110105********123X',
    );
  });
  it('leaves other numbers alone', () => {
    expect(maskPiiInText('/api/v1/audit?before=12345&limit=50')).toBe('/api/v1/audit?before=12345&limit=50');
  });
});
