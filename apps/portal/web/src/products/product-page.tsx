import { ArrowLeftOutlined } from '@ant-design/icons';
import { currentLanguage, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Grid,
  Result,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useOptionalAccount } from '../auth.ts';
import { OrderModal, type OrderTarget } from '../investing/order-modal.tsx';
import { fetchProduct, PRODUCTS_KEY } from './api.ts';
import { attributeRows, FeeTiers, PremiumTable } from './attributes.tsx';
import { CompareBar } from './compare-bar.tsx';
import { MAX_COMPARE, setPicked, useComparePicks } from './compare-store.ts';
import { headlineOf, kindText, productName } from './figures.ts';
import { NavHistoryCard } from './nav-history.tsx';
import { RiskTag } from './risk.tsx';
import { SuitabilityResult } from './suitability.tsx';

/** One product: headline, suitability, NAV chart (funds), terms by kind, fees, the risk disclosure. */
export function ProductPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = currentLanguage(i18n);
  const screens = Grid.useBreakpoint();
  const { productId = '' } = useParams();
  const account = useOptionalAccount();
  const navigate = useNavigate();
  const [buying, setBuying] = useState<OrderTarget | undefined>(undefined);
  const picks = useComparePicks();
  const product = useQuery({
    queryKey: [...PRODUCTS_KEY, 'detail', productId],
    queryFn: () => fetchProduct(productId),
  });
  const back = (
    <Link to="/products" data-testid="back-to-supermarket">
      <ArrowLeftOutlined /> {t('products.back')}
    </Link>
  );
  if (product.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (product.isError) {
    const isMissing = isApiError(product.error) && product.error.status === 404;
    return (
      <Result
        status={isMissing ? '404' : 'error'}
        title={isMissing ? t('products.notFound') : t('common.loadFailed')}
        subTitle={isMissing ? undefined : problemText(t, product.error)}
        extra={back}
      />
    );
  }
  const p = product.data;
  const name = productName(p, language);
  const headline = headlineOf(p, t, language);
  const isPicked = picks.some((pick) => pick.id === p.id);
  const disclosure = language === 'en' ? p.disclosure.en : p.disclosure.zh;
  return (
    <Flex vertical gap={16} data-testid="product-page" data-product-id={p.id}>
      {back}
      <Card className="product-hero">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="product-title">
              {name}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <RiskTag level={p.riskLevel} />
              <Typography.Text type="secondary">
                {p.code} · {kindText(p, t)}
              </Typography.Text>
            </Flex>
          </Flex>
          <Checkbox
            checked={isPicked}
            data-testid="compare-checkbox"
            onChange={(e) => {
              if (setPicked({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn }, e.target.checked) === 'full') {
                message.warning(t('compare.full', { max: MAX_COMPARE }));
              }
            }}
          >
            {t('compare.add')}
          </Checkbox>
        </Flex>
        <Flex gap={screens.md ? 48 : 24} wrap style={{ marginTop: 16 }}>
          <div>
            <div
              className={`figure-value figure-value--${headline.main.tone} figure-value--large`}
              data-testid="product-headline"
            >
              {headline.main.value}
            </div>
            <Typography.Text type="secondary">{headline.main.label}</Typography.Text>
          </div>
          {headline.secondary ? (
            <div>
              <div className={`figure-value figure-value--${headline.secondary.tone}`}>
                {headline.secondary.value}
              </div>
              <Typography.Text type="secondary">{headline.secondary.label}</Typography.Text>
            </div>
          ) : null}
        </Flex>
        <div style={{ marginTop: 16 }}>
          <SuitabilityResult suitability={p.suitability} isGuest={account === null} />
        </div>
        {account && (p.kind === 'fund' || p.kind === 'wealth' || p.kind === 'deposit') ? (
          <Button
            type="primary"
            size="large"
            style={{ marginTop: 16, minWidth: 160 }}
            disabled={p.status !== 'on_sale' || p.suitability?.allowed === false}
            onClick={() => setBuying({ productId: p.id, kind: p.kind, name })}
            data-testid="product-buy"
          >
            {t(`order.buy.${p.kind === 'wealth' ? 'wealth' : p.kind === 'deposit' ? 'deposit' : 'fund'}`)}
          </Button>
        ) : null}
        {account && p.kind === 'fund' ? (
          <Button
            size="large"
            style={{ marginTop: 16, marginInlineStart: 12, minWidth: 120 }}
            disabled={p.status !== 'on_sale' || p.suitability?.allowed === false}
            onClick={() => navigate(`/plans?fund=${encodeURIComponent(p.id)}`)}
            data-testid="product-plan"
          >
            {t('plans.fromProduct')}
          </Button>
        ) : null}
        <OrderModal target={buying} mode="buy" onClose={() => setBuying(undefined)} />
      </Card>
      {p.kind === 'fund' ? <NavHistoryCard product={p} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={p.kind === 'fund' || p.kind === 'insurance' ? 14 : 24}>
          <Card title={t('products.termsTitle')}>
            <Descriptions
              column={screens.md ? 2 : 1}
              size="small"
              items={attributeRows(p, t, language)
                .filter((row) => row.key !== 'headline' && row.key !== 'headline2')
                .map((row) => ({
                  key: row.key,
                  label: row.label,
                  children: <span data-testid={`attr-${row.key}`}>{row.value}</span>,
                }))}
            />
          </Card>
        </Col>
        {p.kind === 'fund' ? (
          <Col xs={24} lg={10}>
            <Card title={t('products.fees.title')}>
              <FeeTiers attributes={p.attributes} />
            </Card>
          </Col>
        ) : null}
        {p.kind === 'insurance' ? (
          <Col xs={24} lg={10}>
            <Card title={t('products.premium.title')}>
              <PremiumTable attributes={p.attributes} />
            </Card>
          </Col>
        ) : null}
      </Row>
      <Card title={t('products.disclosureTitle')} data-testid="risk-disclosure">
        <Alert
          type="warning"
          showIcon
          title={t('products.disclosureLead', { level: p.riskLevel })}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {disclosure}
        </Typography.Paragraph>
      </Card>
      <CompareBar />
    </Flex>
  );
}
