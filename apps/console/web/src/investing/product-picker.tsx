import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProduct, fetchProducts, type Product, type ProductKind, productKeys } from '../products/api.ts';
import { useProductName } from '../products/labels.tsx';

/** The product kinds orders are placed for here. */
export const INVESTABLE_KINDS: readonly ProductKind[] = ['fund', 'wealth', 'deposit'];

/**
 * Picks a fund, wealth product or time deposit through the product factory's search (name or code);
 * `onSale` keeps to products on sale, `kind` to one kind, and `exclude` leaves one product out (a
 * conversion's source fund). `onPick` hands over the whole product (kind, channels, minimum).
 */
export function ProductPicker(props: {
  id?: string;
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  onPick?: (product: Product | undefined) => void;
  onSale?: boolean;
  kind?: ProductKind;
  exclude?: string | undefined;
  /** Extra words after a product's name in its option, e.g. its fund company. */
  describe?: (product: Product) => string | undefined;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const nameOf = useProductName();
  const [text, setText] = useState('');
  const filter = {
    q: text.trim() || undefined,
    status: props.onSale ? ('on_sale' as const) : undefined,
    kind: props.kind,
  };
  const found = useQuery({
    queryKey: [...productKeys.list(filter), 'picker'],
    queryFn: () => fetchProducts(filter),
    staleTime: 30_000,
  });
  const products = (found.data?.items ?? []).filter(
    (p) => INVESTABLE_KINDS.includes(p.kind) && p.id !== props.exclude,
  );
  // A product chosen earlier (from the URL) that this search did not bring back still shows its name.
  const chosen = useQuery({
    queryKey: productKeys.detail(props.value ?? ''),
    queryFn: () => fetchProduct(props.value ?? ''),
    enabled: Boolean(props.value) && !products.some((p) => p.id === props.value),
    staleTime: 60_000,
  });
  const all =
    chosen.data && !products.some((p) => p.id === chosen.data.id) ? [chosen.data, ...products] : products;
  const options = all.map((p) => {
    const extra = props.describe?.(p);
    return {
      value: p.id,
      label: `${p.code} · ${nameOf(p)} · ${t(`investing.kinds.${p.kind}`, { defaultValue: p.kind })} · ${p.riskLevel}${extra ? ` · ${extra}` : ''}`,
    };
  });
  return (
    <Select<string>
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={props.value}
      onChange={(value) => {
        props.onChange?.(value);
        props.onPick?.(all.find((p) => p.id === value));
      }}
      placeholder={props.placeholder ?? t('investing.assist.productPlaceholder')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      style={props.style}
      popupMatchSelectWidth={false}
      data-testid={props.testId}
    />
  );
}
