import { LanguageSwitch } from '@onefin/ui';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './brand-mark.tsx';

/** The frame of the log-in and register pages: brand, language switch, one centred card. */
export function AuthShell(props: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical className="auth-shell">
      <Flex justify="space-between" align="center" className="auth-shell__top">
        <BrandMark />
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" className="auth-shell__body">
        <Card className="auth-shell__card">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {props.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{props.subtitle}</Typography.Paragraph>
          {props.children}
        </Card>
      </Flex>
      <Typography.Text type="secondary" className="auth-shell__footer">
        {t('brand.tagline')}
      </Typography.Text>
    </Flex>
  );
}
