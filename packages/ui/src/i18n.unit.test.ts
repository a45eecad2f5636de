import { describe, expect, it } from 'vitest';
import { createI18n, mergeMessages } from './i18n.ts';

describe("an app's messages on top of the shared ones", () => {
  it("adds the app's problem codes to the shared ones rather than replacing them", () => {
    const i18n = createI18n({
      'zh-CN': { problems: { code_taken: '产品代码已被占用' } },
      en: { problems: { code_taken: 'Another product has this code' } },
    });
    expect(i18n.t('problems.code_taken')).toBe('产品代码已被占用');
    expect(i18n.t('problems.version_conflict')).toBe('记录已被他人修改，请刷新后重试');
  });

  it('lets an app override a shared problem and keeps its other namespaces whole', () => {
    const merged = mergeMessages(
      { common: { ok: 'OK', cancel: 'Cancel' }, problems: { a: 'shared a', b: 'shared b' } },
      { common: { ok: 'Fine' }, problems: { b: 'app b' } },
    );
    expect(merged.problems).toEqual({ a: 'shared a', b: 'app b' });
    expect(merged.common).toEqual({ ok: 'Fine' });
  });
});
