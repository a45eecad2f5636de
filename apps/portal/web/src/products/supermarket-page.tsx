import { problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useOptionalAccount } from '../auth.ts';
import { fetchProducts, PRODUCTS_KEY } from './api.ts';
import { CompareBar } from './compare-bar.tsx';
import { useComparePicks } from './compare-store.ts';
import { FilterBar } from './filter-bar.tsx';
import { type CatalogueFilter, filterFromParams, paramsFromFilter } from './filters.ts';
import { ProductCard } from './product-card.tsx';

/** Refusals that block every investment product, in the order the customer clears them. */
const FIRST_STEPS = [
  { reason: 'kyc_incomplete', path: '/profile' },
  { reason: 'assessment_missing', path: '/risk-assessment' },
  { reason: 'assessment_expired', path: '/risk-assessment' },
] as const;

/**
 * 一站式金融超市: every product kind in one place, public. Signed-in customers also see whether each
 * product suits them (the API's suitability field).
 */
export function SupermarketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useOptionalAccount();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const picks = useComparePicks();
  const pickedIds = new Set(picks.map((p) => p.id));
  const products = useInfiniteQuery({
    queryKey: [...PRODUCTS_KEY, 'list', filter],
    queryFn: ({ pageParam }) => fetchProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  // What the customer must do before buying at all (KYC first, then the questionnaire), if anything.
  const todo = FIRST_STEPS.find((step) => items.some((p) => p.suitability?.reason === step.reason));
  const change = (next: CatalogueFilter) => setParams(paramsFromFilter(next), { replace: true });
  return (
    <Flex vertical gap={16} className="supermarket">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="supermarket-title">
          {t('products.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('products.subtitle')}</Typography.Text>
      </div>
      {account === null ? (
        <Alert
          type="info"
          showIcon
          title={t('products.guestHint')}
          action={
            <Button size="small" type="primary" onClick={() => navigate('/login?next=%2Fproducts')}>
              {t('login.submit')}
            </Button>
          }
          data-testid="guest-hint"
        />
      ) : null}
      {todo ? (
        <Alert
          type="warning"
          showIcon
          title={t(`products.firstSteps.${todo.reason}`)}
          action={
            <Button size="small" type="primary" onClick={() => navigate(todo.path)} data-testid="first-step">
              {t(`suitability.fix.${todo.reason}`)}
            </Button>
          }
          data-testid="first-step-hint"
          data-reason={todo.reason}
        />
      ) : null}
      <FilterBar filter={filter} onChange={change} />
      {products.isError ? <Alert type="error" showIcon title={problemText(t, products.error)} /> : null}
      {products.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {products.isSuccess && items.length === 0 ? (
        <Empty description={t('products.empty')} data-testid="products-empty" />
      ) : null}
      <Row gutter={[12, 12]} data-testid="product-list">
        {items.map((product) => (
          <Col key={product.id} xs={24} md={12} xl={8}>
            <ProductCard product={product} isPicked={pickedIds.has(product.id)} />
          </Col>
        ))}
      </Row>
      {products.hasNextPage ? (
        <Flex justify="center">
          <Button
            onClick={() => void products.fetchNextPage()}
            loading={products.isFetchingNextPage}
            data-testid="load-more"
          >
            {t('products.loadMore')}
          </Button>
        </Flex>
      ) : null}
      {products.isSuccess && items.length > 0 && !products.hasNextPage ? (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('products.end')}
        </Typography.Text>
      ) : null}
      <CompareBar />
    </Flex>
  );
}
