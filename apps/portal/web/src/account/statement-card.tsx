import { currentLanguage, formatDateTime, formatMoney, problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchStatement, STATEMENT_KEY, type StatementLine } from './api.ts';
import { codeLabel, signedAmount } from './labels.tsx';

interface Range {
  from?: string;
  to?: string;
}

/** The account's lines, newest first, with a business-date range and "load more". */
export function StatementCard() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [draft, setDraft] = useState<Range>({});
  const [range, setRange] = useState<Range>({});
  const isRangeInvalid = Boolean(draft.from && draft.to && draft.from > draft.to);
  const statement = useInfiniteQuery({
    queryKey: [...STATEMENT_KEY, range],
    queryFn: ({ pageParam }) => fetchStatement(range, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const lines = statement.data?.pages.flatMap((page) => page.items) ?? [];
  const money = (amount: string) => formatMoney(amount, 'CNY', language).replace('¥', '');
  return (
    <Card title={t('account.statement')} data-testid="statement-card">
      <Flex wrap gap={8} align="end" style={{ marginBottom: 12 }}>
        <div className="date-field">
          <Typography.Text type="secondary">{t('account.from')}</Typography.Text>
          <Input
            type="date"
            aria-label={t('account.from')}
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
            data-testid="statement-from"
          />
        </div>
        <div className="date-field">
          <Typography.Text type="secondary">{t('account.to')}</Typography.Text>
          <Input
            type="date"
            aria-label={t('account.to')}
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
            data-testid="statement-to"
          />
        </div>
        <Flex gap={8}>
          <Button
            type="primary"
            disabled={isRangeInvalid}
            onClick={() => setRange(draft)}
            data-testid="statement-search"
          >
            {t('account.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft({});
              setRange({});
            }}
          >
            {t('account.reset')}
          </Button>
        </Flex>
      </Flex>
      {isRangeInvalid ? (
        <Alert type="warning" showIcon title={t('account.rangeInvalid')} style={{ marginBottom: 12 }} />
      ) : null}
      {statement.isError ? <Alert type="error" showIcon title={problemText(t, statement.error)} /> : null}
      <List<StatementLine>
        loading={statement.isPending}
        dataSource={lines}
        locale={{ emptyText: t('account.noLines') }}
        data-testid="statement-list"
        renderItem={(line) => {
          const isIn = line.side === 'credit';
          return (
            <List.Item data-testid="statement-line" key={line.transferId}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong>{codeLabel(t, line.code)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(line.postedAt, language)}
                </Typography.Text>
              </Flex>
              <Flex vertical align="end">
                <Typography.Text
                  strong
                  className={isIn ? 'amount-in' : 'amount-out'}
                  data-testid="statement-amount"
                >
                  {signedAmount(line.amount.amount, isIn, money)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('account.balanceAfter', { amount: money(line.balanceAfter.amount) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
      {statement.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button
            onClick={() => void statement.fetchNextPage()}
            loading={statement.isFetchingNextPage}
            data-testid="statement-load-more"
          >
            {t('account.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
