import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerType, customerKeys, fetchProfile, searchCustomers } from './api.ts';

/** Picks a customer through the same search as the search page (name, customer number, mobile…). */
export function CustomerPicker(props: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  type?: CustomerType;
  excludeId?: string;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const filter = { q: text.trim() || undefined, type: props.type };
  const found = useQuery({
    queryKey: [...customerKeys.all, 'picker', filter],
    queryFn: () => searchCustomers(filter),
    enabled: text.trim().length > 0,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== props.excludeId)
    .map((c) => ({
      value: c.id,
      label: `${c.name} · ${c.customerNo} · ${c.type === 'corporate' ? (c.uscc ?? '') : (c.mobileMasked ?? '')}`,
    }));
  // A customer chosen elsewhere (a link, the URL) shows by name, not by id.
  const isUnlisted = Boolean(props.value) && !options.some((o) => o.value === props.value);
  const chosen = useQuery({
    queryKey: customerKeys.profile(props.value ?? ''),
    queryFn: () => fetchProfile(props.value ?? ''),
    enabled: isUnlisted,
    staleTime: 60_000,
  });
  if (isUnlisted && chosen.data) {
    const c = chosen.data.customer;
    options.unshift({ value: c.id, label: `${c.name} · ${c.customerNo}` });
  }
  return (
    <Select<string>
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      placeholder={t('customers.searchPlaceholder')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
      style={props.style}
      data-testid={props.testId}
    />
  );
}
