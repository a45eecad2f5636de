/** The API client: `createApiClient`, the typed `ApiError` carrying the server's problem+json. */
export {
  type ApiClient,
  type ApiClientOptions,
  ApiError,
  createApiClient,
  isApiError,
  type Problem,
  type ProblemFieldError,
  type QueryParams,
} from './src/api-client.ts';
/** Decimal strings shifted exactly: API fractions ("0.0325") to typed percentages ("3.25") and back. */
export {
  compareDecimals,
  fractionToPercent,
  isDecimalString,
  percentToFraction,
  shiftDecimal,
} from './src/decimal.ts';
/**
 * Dates, money, decimals and percentages formatted for the current language, exact from decimal strings
 * (never through a float); `testId` for props without data attributes.
 */
export {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatTimestamp,
  type PercentOptions,
  relativeChange,
  roundDecimal,
  testId,
} from './src/format.ts';
/** i18next set up with zh-CN by default and en, the language remembered in localStorage. */
export {
  createI18n,
  currentLanguage,
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
} from './src/i18n.ts';
/** The header language switch (`data-testid="language-switch"`). */
export { LanguageSwitch } from './src/language-switch.tsx';
/** After log-in: the `?next=` path, only if it stays on this site. */
export { safeNextPath } from './src/navigation.ts';
/** Showing server problems: field errors onto antd forms, the rest as translated messages. */
export {
  applyProblemToForm,
  formFieldPath,
  problemDetail,
  problemText,
  useShowProblem,
} from './src/problems.ts';
/** i18n + antd ConfigProvider (locale, theme) + TanStack Query around an app. */
export { createQueryClient, ONEFIN_THEME, OneFinProviders } from './src/providers.tsx';
export type { MessageTree } from './src/shared-messages.ts';
