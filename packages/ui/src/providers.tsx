import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';
import { currentLanguage, type Language } from './i18n.ts';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } satisfies Record<Language, typeof zhCN>;

/** OneFin's look: a calm finance blue, slightly rounded, system CJK fonts first. */
export const ONEFIN_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
};

/** Queries retry network hiccups and 5xx, never a 4xx: asking again will not change the answer. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={ONEFIN_THEME}>
      <App>{children}</App>
    </ConfigProvider>
  );
}

/** Everything a OneFin page needs around it: i18n, antd in the same language, and TanStack Query. */
export function OneFinProviders(props: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <QueryClientProvider client={props.queryClient}>
        <LocalizedAntd>{props.children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
