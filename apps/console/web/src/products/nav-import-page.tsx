import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { useHasPermission } from '../auth.ts';
import {
  fetchProducts,
  importNavCsv,
  type NavImportReport,
  type NavIssue,
  type Product,
  productKeys,
} from './api.ts';
import { useProductName } from './labels.tsx';
import { NavHistory } from './nav-history.tsx';

type ReportLine = NavIssue & { severity: 'error' | 'warning' };

const EXAMPLE = `fund_code,date,nav,acc_nav,per_10k_income,yield_7d
000001,2026-03-02,1.2345,1.5678,,
000001,2026-03-03,1.2401,1.5734,,`;

/**
 * The NAV feed by hand: paste or upload a CSV, validate it (or validate and import), and read the
 * report line by line. One error rejects the whole file; warnings (gaps, unusual moves) do not.
 */
export function NavImportPage() {
  const { t } = useTranslation();
  const canRead = useHasPermission('products.read');
  const [csv, setCsv] = useState('');
  const [fund, setFund] = useState<Pick<Product, 'id' | 'category'> | undefined>(undefined);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => importNavCsv(csv, dryRun),
    onSuccess: (report) => {
      if (report.accepted && !report.dryRun)
        void queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
  const report = run.data;
  const isEmpty = csv.trim() === '';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('products.nav.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('products.nav.subtitle')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('products.nav.importCard')} style={{ height: '100%' }}>
            <Flex vertical gap={12}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('products.nav.format')}
              </Typography.Text>
              <Space wrap>
                <Upload
                  accept=".csv,text/csv,text/plain"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void file.text().then((text) => {
                      setCsv(text);
                      run.reset();
                    });
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} data-testid="nav-upload">
                    {t('products.nav.upload')}
                  </Button>
                </Upload>
                <Button onClick={() => setCsv(EXAMPLE)} data-testid="nav-example">
                  {t('products.nav.example')}
                </Button>
                <Button
                  onClick={() => {
                    setCsv('');
                    run.reset();
                  }}
                  disabled={isEmpty}
                >
                  {t('products.nav.clear')}
                </Button>
              </Space>
              <Input.TextArea
                value={csv}
                onChange={(e) => setCsv(e.target.value)}
                placeholder={EXAMPLE}
                autoSize={{ minRows: 10, maxRows: 20 }}
                spellCheck={false}
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
                data-testid="nav-csv"
              />
              <Flex gap={8} justify="flex-end">
                <Button
                  disabled={isEmpty}
                  loading={run.isPending && run.variables?.dryRun === true}
                  onClick={() => run.mutate({ dryRun: true })}
                  data-testid="nav-validate"
                >
                  {t('products.nav.validate')}
                </Button>
                <Button
                  type="primary"
                  disabled={isEmpty}
                  loading={run.isPending && run.variables?.dryRun === false}
                  onClick={() => run.mutate({ dryRun: false })}
                  data-testid="nav-import-submit"
                >
                  {t('products.nav.submit')}
                </Button>
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('products.nav.report')} style={{ height: '100%' }} data-testid="nav-report">
            {run.isError ? <Alert type="error" showIcon title={problemText(t, run.error)} /> : null}
            {report ? <Report report={report} /> : <Typography.Text type="secondary">—</Typography.Text>}
          </Card>
        </Col>
      </Row>
      {canRead ? (
        <Card
          title={t('products.nav.history')}
          extra={<FundSelect value={fund?.id} onChange={setFund} />}
          data-testid="nav-history-card"
        >
          {fund ? (
            <NavHistory key={fund.id} product={fund} />
          ) : (
            <Typography.Text type="secondary">{t('products.nav.fundPlaceholder')}</Typography.Text>
          )}
        </Card>
      ) : null}
    </Flex>
  );
}

function Report(props: { report: NavImportReport }) {
  const { t } = useTranslation();
  const { report } = props;
  const lines: ReportLine[] = [
    ...report.errors.map((e) => ({ ...e, severity: 'error' as const })),
    ...report.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
  ].sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const columns: TableColumnsType<ReportLine> = [
    { title: t('products.nav.reportColumns.line'), dataIndex: 'line', width: 56 },
    {
      title: t('products.nav.reportColumns.severity'),
      dataIndex: 'severity',
      width: 72,
      render: (v: ReportLine['severity']) => (
        <Tag color={v === 'error' ? 'red' : 'orange'}>{t(`products.nav.severity.${v}`)}</Tag>
      ),
    },
    {
      title: t('products.nav.reportColumns.code'),
      dataIndex: 'code',
      width: 130,
      render: (v: string) => <span title={v}>{t(`products.nav.issues.${v}`, { defaultValue: v })}</span>,
    },
    {
      title: `${t('products.nav.reportColumns.fund')} / ${t('products.nav.reportColumns.date')}`,
      key: 'where',
      width: 110,
      render: (_: unknown, l) => (
        <Flex vertical>
          <span>{l.fundCode ?? '—'}</span>
          <span style={{ fontSize: 12 }}>{l.date ?? ''}</span>
        </Flex>
      ),
    },
    {
      title: t('products.nav.reportColumns.message'),
      key: 'message',
      render: (_: unknown, l) => (l.field ? `${l.field}: ${l.message}` : l.message),
    },
  ];
  const isImported = report.accepted && !report.dryRun;
  return (
    <Flex vertical gap={12}>
      {report.accepted ? (
        <Alert
          type={report.warnings.length > 0 ? 'warning' : 'success'}
          showIcon
          icon={<CheckCircleOutlined />}
          title={
            <span data-testid="nav-report-status">
              {isImported ? t('products.nav.imported') : t('products.nav.wouldImport')}
            </span>
          }
          description={t(isImported ? 'products.nav.counts' : 'products.nav.dryRunCounts', {
            imported: report.inserted,
            funds: report.funds,
            warnings: report.warnings.length,
          })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={<span data-testid="nav-report-status">{t('products.nav.rejected')}</span>}
          description={t('products.nav.errorCount', {
            errors: report.errors.length,
            warnings: report.warnings.length,
          })}
        />
      )}
      <Flex gap={32} wrap>
        <Statistic title={t('products.nav.stats.rows')} value={report.rows} />
        <Statistic
          title={t(isImported ? 'products.nav.stats.inserted' : 'products.nav.stats.toInsert')}
          value={report.accepted ? report.inserted : 0}
          valueRender={(node) => <span data-testid="nav-inserted">{node}</span>}
        />
        <Statistic title={t('products.nav.stats.unchanged')} value={report.unchanged} />
        <Statistic
          title={t('products.nav.stats.errors')}
          value={report.errors.length}
          styles={{ content: { color: report.errors.length ? '#cf1322' : undefined } }}
        />
        <Statistic
          title={t('products.nav.stats.warnings')}
          value={report.warnings.length}
          styles={{ content: { color: report.warnings.length ? '#d48806' : undefined } }}
        />
      </Flex>
      <Table<ReportLine>
        rowKey={(l) => `${l.severity}-${l.line}-${l.code}-${l.field ?? ''}-${l.fundCode ?? ''}`}
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('products.nav.noIssues') }}
        rowClassName={(l) => `nav-report-row nav-report-row--${l.severity}`}
        onRow={(l) => ({ 'data-testid': 'nav-report-row', 'data-severity': l.severity, style: {} }) as object}
      />
    </Flex>
  );
}

/** Picks a fund by name, code or fund code, for its NAV chart. */
function FundSelect(props: { value: string | undefined; onChange: (fund: Product | undefined) => void }) {
  const { t } = useTranslation();
  const nameOf = useProductName();
  const [text, setText] = useState('');
  const funds = useQuery({
    queryKey: productKeys.list({ kind: 'fund', q: text.trim() || undefined }),
    queryFn: () => fetchProducts({ kind: 'fund', q: text.trim() || undefined }),
    staleTime: 30_000,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={props.value}
      onChange={(id) => props.onChange(funds.data?.items.find((f) => f.id === id))}
      placeholder={t('products.nav.fundPlaceholder')}
      style={{ width: 360, maxWidth: '100%' }}
      loading={funds.isFetching}
      options={(funds.data?.items ?? []).map((f) => ({
        value: f.id,
        label: `${f.attributes.kind === 'fund' ? f.attributes.fundCode : f.code} ${nameOf(f)}`,
      }))}
      data-testid="nav-fund-select"
    />
  );
}
