import { createI18n, OneFinProviders } from '@onefin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api.ts';
import { PortalApp } from './app.tsx';
import { portalEn } from './messages/en.ts';
import { portalZhCN } from './messages/zh-CN.ts';
import './styles.css';

const i18n = createI18n({ 'zh-CN': portalZhCN, en: portalEn });
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <OneFinProviders i18n={i18n} queryClient={queryClient}>
      <PortalApp />
    </OneFinProviders>
  </StrictMode>,
);
