import { createI18n, OneFinProviders } from '@onefin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api.ts';
import { ConsoleApp } from './app.tsx';
import { consoleEn } from './messages/en.ts';
import { consoleZhCN } from './messages/zh-CN.ts';
import './styles.css';

const i18n = createI18n({ 'zh-CN': consoleZhCN, en: consoleEn });
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <OneFinProviders i18n={i18n} queryClient={queryClient}>
      <ConsoleApp />
    </OneFinProviders>
  </StrictMode>,
);
