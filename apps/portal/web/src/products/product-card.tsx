import { currentLanguage, formatMoney } from '@onefin/ui';
import { App, Card, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MAX_COMPARE, setPicked } from './compare-store.ts';
import { headlineOf, kindText, minimumLabel, productName } from './figures.ts';
import { RiskTag } from './risk.tsx';
import { SuitabilityMarker } from './suitability.tsx';
import type { ProductSummary } from './types.ts';

/** One product in the supermarket: what it is, its headline figure, its minimum, 适合我, and 对比. */
export function ProductCard(props: { product: ProductSummary; isPicked: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const language = currentLanguage(i18n);
  const p = props.product;
  const name = productName(p, language);
  const headline = headlineOf(p, t, language);
  const open = () => navigate(`/products/${encodeURIComponent(p.id)}`);
  return (
    <Card
      hoverable
      size="small"
      className="product-card"
      data-testid="product-card"
      data-product-id={p.id}
      data-product-code={p.code}
      data-risk={p.riskLevel}
      data-category={p.category ?? undefined}
      onClick={open}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text
            strong
            ellipsis={{ tooltip: name }}
            className="product-card__name"
            data-testid="product-name"
          >
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            <span data-testid="product-code">{p.code}</span> · {kindText(p, t)}
          </Typography.Text>
        </Flex>
        <RiskTag level={p.riskLevel} />
      </Flex>
      <div className="product-card__figure">
        <div className={`figure-value figure-value--${headline.main.tone}`} data-testid="product-headline">
          {headline.main.value}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {headline.main.label}
        </Typography.Text>
      </div>
      <Flex justify="space-between" gap={8} className="product-card__facts">
        {headline.secondary ? (
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {headline.secondary.label}
            </Typography.Text>
            <Typography.Text className={`figure-value--${headline.secondary.tone}`}>
              {headline.secondary.value}
            </Typography.Text>
          </Flex>
        ) : (
          <span />
        )}
        {p.minimumAmount ? (
          <Flex vertical align="end" style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {minimumLabel(p.kind, t)}
            </Typography.Text>
            <Typography.Text data-testid="product-minimum">
              {formatMoney(p.minimumAmount.amount, p.minimumAmount.currency, language)}
            </Typography.Text>
          </Flex>
        ) : null}
      </Flex>
      <Flex justify="space-between" align="center" className="product-card__footer">
        <SuitabilityMarker suitability={p.suitability} />
        {/* Picking for comparison must not open the product. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: stops the card's click, the checkbox stays the control */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
        <span onClick={(e) => e.stopPropagation()} style={{ marginInlineStart: 'auto' }}>
          <Checkbox
            checked={props.isPicked}
            data-testid="compare-checkbox"
            onChange={(e) => {
              if (setPicked({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn }, e.target.checked) === 'full') {
                message.warning(t('compare.full', { max: MAX_COMPARE }));
              }
            }}
          >
            {t('compare.add')}
          </Checkbox>
        </span>
      </Flex>
    </Card>
  );
}
