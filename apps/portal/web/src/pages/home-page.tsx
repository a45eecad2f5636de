import { RightOutlined, SafetyCertificateOutlined, WalletOutlined } from '@ant-design/icons';
import { currentLanguage, formatDateTime, formatMoney } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASH_ACCOUNT_KEY, fetchCashAccount } from '../account/api.ts';
import { useAccount } from '../auth.ts';
import { ASSETS_KEY, fetchAssets } from '../investing/api.ts';

/** The customer's landing page: greeting, and the asset overview (for now: the cash account). */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const account = useAccount();
  const cash = useQuery({ queryKey: CASH_ACCOUNT_KEY, queryFn: fetchCashAccount });
  const assets = useQuery({ queryKey: ASSETS_KEY, queryFn: fetchAssets });
  const balance = cash.data?.balance.amount ?? '0.00';
  const holdings = assets.data?.holdings ?? [];
  return (
    <Flex vertical gap={16}>
      <Card className="home-greeting-card">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
          {t('home.greeting', { name: account.displayName })}
        </Typography.Title>
        <Space wrap size={[16, 4]} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="home-mobile">
            {t('home.mobile', { mobile: account.mobileMasked })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('home.memberSince', { date: formatDateTime(account.createdAt, language) })}
          </Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title={
              <Space>
                <WalletOutlined />
                {t('home.assetsTitle')}
              </Space>
            }
            data-testid="assets-card"
          >
            <Typography.Text type="secondary">{t('home.totalAssets')}</Typography.Text>
            <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="assets-total">
              {formatMoney(assets.data?.total.amount ?? balance, 'CNY', language)}
            </Typography.Title>
            <Link to="/account" className="home-cash-row" data-testid="home-account-link">
              <span>
                <Typography.Text>{t('home.cashBalance')}</Typography.Text>{' '}
                <Typography.Text strong data-testid="home-cash-balance">
                  {formatMoney(balance, 'CNY', language)}
                </Typography.Text>
                {cash.data ? (
                  <Typography.Text type="secondary">
                    {' · '}
                    {t('home.cashAvailable', {
                      amount: formatMoney(cash.data.available.amount, 'CNY', language),
                    })}
                  </Typography.Text>
                ) : null}
              </span>
              <span>
                {t('home.accountLink')} <RightOutlined />
              </span>
            </Link>
            {holdings.length > 0 ? (
              <Link to="/assets" className="home-cash-row" data-testid="home-assets-link">
                <span>
                  <Typography.Text>{t('assets.holdings')}</Typography.Text>{' '}
                  <Typography.Text strong>{holdings.length}</Typography.Text>
                </span>
                <span>
                  {t('assets.title')} <RightOutlined />
                </span>
              </Link>
            ) : (
              <Empty description={t('home.noHoldings')} data-testid="assets-empty">
                <Typography.Text type="secondary">{t('home.noHoldingsHint')}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <Link to="/products" data-testid="home-products-link">
                    {t('home.productsLink')} <RightOutlined />
                  </Link>
                </div>
              </Empty>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={
              <Space>
                <SafetyCertificateOutlined />
                {t('home.securityTitle')}
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">{t('home.securityHint')}</Typography.Paragraph>
            <Link to="/security" data-testid="home-security-link">
              {t('home.securityLink')} <RightOutlined />
            </Link>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
