import { FilterOutlined } from '@ant-design/icons';
import { currentLanguage, formatDecimal, formatPercent } from '@onefin/ui';
import { Badge, Button, Drawer, Flex, Grid, Input, Select, Tabs, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activeFilterCount,
  type CatalogueFilter,
  MINIMUM_CAPS,
  SORTS,
  TERM_BUCKETS,
  type TermBucket,
  YIELD_FLOORS,
} from './filters.ts';
import { PRODUCT_RISK_LEVELS } from './risk.tsx';
import { RETAIL_KINDS } from './types.ts';

interface Props {
  filter: CatalogueFilter;
  onChange: (next: CatalogueFilter) => void;
}

/** Options whose dropdown entries carry `data-testid="<prefix>-<value>"` for browser journeys. */
function options<T extends string>(prefix: string, values: readonly T[], label: (value: T) => string) {
  return values.map((value) => ({ value, label: label(value), testId: `${prefix}-${value}` }));
}

function FilterSelect<T extends string>(props: {
  testId: string;
  label: string;
  value: T | undefined;
  placeholder: string;
  items: { value: T; label: string; testId: string }[];
  onChange: (value: T | undefined) => void;
  isBlock?: boolean;
}) {
  return (
    <Flex vertical gap={4} style={props.isBlock ? { width: '100%' } : { flex: '1 1 150px', minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.label}
      </Typography.Text>
      <Select<T>
        allowClear
        value={props.value}
        placeholder={props.placeholder}
        options={props.items}
        onChange={(value) => props.onChange(value ?? undefined)}
        optionRender={(option) => <span data-testid={option.data.testId}>{option.label}</span>}
        data-testid={props.testId}
        aria-label={props.label}
        style={{ width: '100%' }}
      />
    </Flex>
  );
}

/** Risk, term, yield and minimum amount: inline on a desktop, in a drawer on a phone. */
function NarrowingFilters(props: Props & { isBlock?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { filter, onChange, isBlock } = props;
  return (
    <>
      <FilterSelect
        testId="filter-risk"
        label={t('products.filters.risk')}
        placeholder={t('products.filters.any')}
        value={filter.maxRisk}
        items={options('filter-risk', PRODUCT_RISK_LEVELS, (level) =>
          t('products.filters.riskUpTo', { level }),
        )}
        onChange={(maxRisk) => onChange({ ...filter, maxRisk })}
        isBlock={isBlock}
      />
      <FilterSelect<TermBucket>
        testId="filter-term"
        label={t('products.filters.term')}
        placeholder={t('products.filters.any')}
        value={filter.term}
        items={options('filter-term', Object.keys(TERM_BUCKETS) as TermBucket[], (bucket) =>
          t(`products.filters.terms.${bucket}`),
        )}
        onChange={(term) => onChange({ ...filter, term })}
        isBlock={isBlock}
      />
      <FilterSelect
        testId="filter-yield"
        label={t('products.filters.yield')}
        placeholder={t('products.filters.any')}
        value={filter.minYield}
        items={options('filter-yield', YIELD_FLOORS, (floor) =>
          t('products.filters.yieldAtLeast', { pct: formatPercent(floor, language, { digits: 0 }) }),
        )}
        onChange={(minYield) => onChange({ ...filter, minYield })}
        isBlock={isBlock}
      />
      <FilterSelect
        testId="filter-minimum"
        label={t('products.filters.minimum')}
        placeholder={t('products.filters.any')}
        value={filter.maxMinimum}
        items={options('filter-minimum', MINIMUM_CAPS, (cap) =>
          t('products.filters.minimumAtMost', { amount: formatDecimal(cap, language, 0) }),
        )}
        onChange={(maxMinimum) => onChange({ ...filter, maxMinimum })}
        isBlock={isBlock}
      />
    </>
  );
}

/** The supermarket's controls: kind tabs, search, filters, sort. */
export function FilterBar(props: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const { filter, onChange } = props;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [search, setSearch] = useState(filter.q ?? '');
  // The address can change under the box (reset, back): show what is searched for.
  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);
  const count = activeFilterCount(filter);
  const kindTabs = [
    { key: 'all', label: <span data-testid="kind-tab-all">{t('products.kinds.all')}</span> },
    ...RETAIL_KINDS.map((kind) => ({
      key: kind,
      label: <span data-testid={`kind-tab-${kind}`}>{t(`products.kinds.${kind}`)}</span>,
    })),
  ];
  const sort: ReactNode = (
    <Select
      value={filter.sort}
      options={SORTS.map((value) => ({ value, label: t(`products.sort.${value}`), testId: `sort-${value}` }))}
      optionRender={(option) => <span data-testid={option.data.testId}>{option.label}</span>}
      onChange={(value) => onChange({ ...filter, sort: value })}
      data-testid="sort-select"
      aria-label={t('products.sort.label')}
      style={{ width: isPhone ? 120 : 160 }}
    />
  );
  const reset = () => onChange({ sort: filter.sort, ...(filter.kind ? { kind: filter.kind } : {}) });
  return (
    <div className="catalogue-filters" data-testid="catalogue-filters">
      <Tabs
        activeKey={filter.kind ?? 'all'}
        items={kindTabs}
        onChange={(key) => {
          const { kind: _ignored, ...rest } = filter;
          onChange(key === 'all' ? rest : { ...rest, kind: key as CatalogueFilter['kind'] & string });
        }}
        data-testid="kind-tabs"
        tabBarGutter={isPhone ? 18 : undefined}
        style={{ marginBottom: 8 }}
      />
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) onChange({ ...filter, q: undefined });
          }}
          onSearch={(value) => onChange({ ...filter, q: value.trim() || undefined })}
          placeholder={t('products.filters.searchPlaceholder')}
          enterButton
          data-testid="product-search"
          style={{ flex: '1 1 220px', minWidth: 0, maxWidth: isPhone ? undefined : 360 }}
        />
        {isPhone ? (
          <Flex gap={8} style={{ width: '100%' }} justify="space-between">
            <Badge count={count} size="small">
              <Button
                icon={<FilterOutlined />}
                onClick={() => setDrawerOpen(true)}
                data-testid="open-filters"
              >
                {t('products.filters.title')}
              </Button>
            </Badge>
            {sort}
          </Flex>
        ) : (
          <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
            <Typography.Text type="secondary">{t('products.sort.label')}</Typography.Text>
            {sort}
          </Flex>
        )}
      </Flex>
      {isPhone ? (
        <Drawer
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="bottom"
          size="auto"
          title={t('products.filters.title')}
          extra={
            <Button type="link" onClick={reset} data-testid="reset-filters">
              {t('products.filters.reset')}
            </Button>
          }
          footer={
            <Button type="primary" block onClick={() => setDrawerOpen(false)} data-testid="apply-filters">
              {t('products.filters.done')}
            </Button>
          }
        >
          <Flex vertical gap={12}>
            <NarrowingFilters filter={filter} onChange={onChange} isBlock />
          </Flex>
        </Drawer>
      ) : (
        <Flex gap={12} wrap align="end" style={{ marginTop: 12 }}>
          <NarrowingFilters filter={filter} onChange={onChange} />
          <Button onClick={reset} disabled={count === 0} data-testid="reset-filters">
            {t('products.filters.reset')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
