import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sharedEn, sharedZhCN } from './shared-messages.ts';

/** The languages OneFin's web apps speak; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'onefin.language';

/** A message tree: the Chinese one fixes the shape, and the English one must have exactly the same keys. */

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: string): void {
  if (!isLanguage(language)) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice simply lasts for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * The shared messages under the app's own. The app's `problems` add to the shared ones instead of
 * replacing them, so a module's error codes (`invalid_id_number`, `code_taken`) read well next to the
 * common ones; every other namespace of the app wins whole.
 */
export function mergeMessages(shared: object, app: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...shared, ...app };
  const problems = (tree: object) => (tree as { problems?: object }).problems ?? {};
  merged.problems = { ...problems(shared), ...problems(app) };
  return merged;
}

/**
 * Sets up one i18next instance with the shared messages plus the app's own, in the stored language.
 * @example const i18n = createI18n({ 'zh-CN': portalZhCN, en: portalEn });
 */
export function createI18n(app: Record<Language, object>): I18n {
  const instance = i18next.createInstance();
  const language = storedLanguage();
  instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    resources: {
      'zh-CN': { translation: mergeMessages(sharedZhCN, app['zh-CN']) },
      en: { translation: mergeMessages(sharedEn, app.en) },
    },
  });
  rememberLanguage(language);
  instance.on('languageChanged', rememberLanguage);
  return instance;
}

/** The language i18next is in, narrowed to ours. */
export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
}
