import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchTrialBalance, type TrialBalance } from './api.ts';
import { ClassTag, SideTag, useAccountName, useMoney } from './labels.tsx';

/** Per currency: total debits against total credits (a clear balanced / out-of-balance tag), by class and by code. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const tb = useQuery({ queryKey: ['ledger', 'trial-balance'], queryFn: fetchTrialBalance });
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ledger.trialBalance.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ledger.trialBalance.subtitle')}</Typography.Text>
      </div>
      {tb.isError ? <Alert type="error" showIcon title={problemText(t, tb.error)} /> : null}
      {tb.data?.length === 0 ? (
        <Card>
          <Empty description={t('ledger.trialBalance.empty')} />
        </Card>
      ) : null}
      {tb.isPending ? <Card loading /> : null}
      {(tb.data ?? []).map((currency) => (
        <CurrencyCard key={currency.currency} tb={currency} />
      ))}
    </Flex>
  );
}

function CurrencyCard(props: { tb: TrialBalance }) {
  const { t } = useTranslation();
  const money = useMoney();
  const nameOf = useAccountName();
  const { tb } = props;
  type ClassRow = TrialBalance['classes'][number];
  type CodeRow = TrialBalance['codes'][number];
  const classColumns: TableColumnsType<ClassRow> = [
    {
      title: t('ledger.chart.class'),
      dataIndex: 'class',
      render: (v: ClassRow['class']) => <ClassTag value={v} />,
    },
    {
      title: t('ledger.chart.normalSide'),
      dataIndex: 'normalSide',
      width: 110,
      render: (v: ClassRow['normalSide']) => <SideTag value={v} />,
    },
    {
      title: t('ledger.trialBalance.debits'),
      key: 'd',
      align: 'right',
      render: (_: unknown, r) => money(r.debits),
    },
    {
      title: t('ledger.trialBalance.credits'),
      key: 'c',
      align: 'right',
      render: (_: unknown, r) => money(r.credits),
    },
    {
      title: t('ledger.trialBalance.balance'),
      key: 'b',
      align: 'right',
      render: (_: unknown, r) => <strong>{money(r.balance)}</strong>,
    },
  ];
  const codeColumns: TableColumnsType<CodeRow> = [
    { title: t('ledger.chart.code'), dataIndex: 'code', width: 90 },
    { title: t('ledger.chart.name'), key: 'name', render: (_: unknown, r) => nameOf(r) },
    {
      title: t('ledger.chart.class'),
      dataIndex: 'class',
      width: 110,
      render: (v: CodeRow['class']) => <ClassTag value={v} />,
    },
    { title: t('ledger.trialBalance.accounts'), dataIndex: 'accounts', width: 90, align: 'right' },
    {
      title: t('ledger.trialBalance.debits'),
      key: 'd',
      align: 'right',
      render: (_: unknown, r) => money(r.debits),
    },
    {
      title: t('ledger.trialBalance.credits'),
      key: 'c',
      align: 'right',
      render: (_: unknown, r) => money(r.credits),
    },
    {
      title: t('ledger.trialBalance.balance'),
      key: 'b',
      align: 'right',
      render: (_: unknown, r) => <strong>{money(r.balance)}</strong>,
    },
  ];
  const summary = (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={2}>
        <strong>{t('ledger.trialBalance.total')}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">
        <strong>{money(tb.debits)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">
        <strong>{money(tb.credits)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={4} align="right">
        {money(tb.difference)}
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
  return (
    <Card
      data-testid={`trial-balance-${tb.currency}`}
      title={
        <Flex gap={12} align="center">
          <span>{tb.currency}</span>
          {tb.isBalanced ? (
            <Tag color="success" icon={<CheckCircleFilled />} data-testid="trial-balance-status">
              {t('ledger.trialBalance.balanced')}
            </Tag>
          ) : (
            <Tag color="error" icon={<CloseCircleFilled />} data-testid="trial-balance-status">
              {t('ledger.trialBalance.unbalanced')}
            </Tag>
          )}
        </Flex>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Statistic title={t('ledger.trialBalance.debits')} value={money(tb.debits)} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t('ledger.trialBalance.credits')} value={money(tb.credits)} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('ledger.trialBalance.difference')}
            value={money(tb.difference)}
            styles={{ content: { color: tb.isBalanced ? '#389e0d' : '#cf1322' } }}
          />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('ledger.trialBalance.byClass')}</Typography.Title>
      <Table<ClassRow>
        rowKey="class"
        size="small"
        columns={classColumns}
        dataSource={tb.classes}
        pagination={false}
        scroll={{ x: 640 }}
        summary={() => summary}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>{t('ledger.trialBalance.byCode')}</Typography.Title>
      <Table<CodeRow>
        rowKey="code"
        size="small"
        columns={codeColumns}
        dataSource={tb.codes}
        pagination={false}
        scroll={{ x: 800 }}
      />
    </Card>
  );
}
