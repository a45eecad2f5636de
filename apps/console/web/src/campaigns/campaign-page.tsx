import { DownloadOutlined } from '@ant-design/icons';
import { currentLanguage, problemText } from '@onefin/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type CampaignFilter,
  type CampaignTarget,
  campaignXlsxUrl,
  fetchCampaignTargets,
  JOBS,
  POUTCOMES,
} from '../models/api.ts';

const PAGE_SIZE = 20;

/** The deposit campaign's target list: customers ranked by propensity, filtered, paged and exported. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [form] = Form.useForm<CampaignFilter>();
  const [filter, setFilter] = useState<CampaignFilter>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['campaigns', 'deposit', filter, page],
    queryFn: () => fetchCampaignTargets(filter, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<CampaignTarget> = [
    { title: t('campaigns.columns.rank'), dataIndex: 'rank', width: 72 },
    {
      title: t('campaigns.columns.customer'),
      key: 'customer',
      render: (_: unknown, r) => (
        <Link to={`/customers/${r.customerId}`}>
          {r.name} <Typography.Text type="secondary">{r.customerNo}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('campaigns.columns.mobile'),
      dataIndex: 'mobileMasked',
      render: (m: string | null) => m ?? '—',
    },
    { title: t('campaigns.columns.age'), dataIndex: 'age', align: 'right', width: 72 },
    {
      title: t('campaigns.columns.job'),
      dataIndex: 'job',
      render: (j: string) => t(`campaigns.jobNames.${j}`, { defaultValue: j }),
    },
    { title: t('campaigns.columns.contacts'), dataIndex: 'contacts', align: 'right', width: 110 },
    {
      title: t('campaigns.columns.previousOutcome'),
      dataIndex: 'previousOutcome',
      render: (o: string) => t(`campaigns.outcomes.${o}`, { defaultValue: o }),
    },
    {
      title: t('campaigns.columns.probability'),
      dataIndex: 'probability',
      align: 'right',
      render: (p: number) => `${(p * 100).toFixed(1)}%`,
    },
    { title: t('campaigns.columns.score'), dataIndex: 'score', align: 'right', width: 90 },
  ];
  const apply = (values: CampaignFilter) => {
    setFilter(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null)));
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('campaigns.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={apply} data-testid="campaign-filters">
          <Row gutter={16}>
            <Col xs={12} md={6} xl={3}>
              <Form.Item name="minScore" label={t('campaigns.minScore')}>
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="filter-minScore"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t('campaigns.age')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="ageMin" noStyle>
                    <InputNumber
                      min={16}
                      max={110}
                      precision={0}
                      style={{ width: '50%' }}
                      data-testid="filter-ageMin"
                    />
                  </Form.Item>
                  <Form.Item name="ageMax" noStyle>
                    <InputNumber
                      min={16}
                      max={110}
                      precision={0}
                      style={{ width: '50%' }}
                      data-testid="filter-ageMax"
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item name="jobs" label={t('campaigns.jobs')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('campaigns.any')}
                  options={JOBS.map((j) => ({ value: j, label: t(`campaigns.jobNames.${j}`) }))}
                  data-testid="filter-jobs"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item name="maxContacts" label={t('campaigns.maxContacts')}>
                <InputNumber
                  min={1}
                  max={100}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="filter-maxContacts"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="previousOutcome" label={t('campaigns.previousOutcome')}>
                <Select
                  allowClear
                  placeholder={t('campaigns.any')}
                  options={POUTCOMES.map((o) => ({ value: o, label: t(`campaigns.outcomes.${o}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={5}>
              <Form.Item label=" ">
                <Space>
                  <Button type="primary" htmlType="submit" data-testid="campaign-search">
                    {t('campaigns.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      apply({});
                    }}
                  >
                    {t('campaigns.reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {list.isError ? <Alert type="error" showIcon title={problemText(t, list.error)} /> : null}
      <Card
        size="small"
        title={
          <Space size={32}>
            <Statistic
              title={t('campaigns.total')}
              value={list.data?.total ?? '—'}
              data-testid="campaign-total"
            />
            <Statistic
              title={t('campaigns.expected')}
              value={list.data ? list.data.expectedSubscriptions.toFixed(1) : '—'}
              data-testid="campaign-expected"
            />
            {list.data ? (
              <Typography.Text type="secondary">
                {t('campaigns.modelVersion', { version: list.data.version })}
              </Typography.Text>
            ) : null}
          </Space>
        }
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={campaignXlsxUrl(filter, lang)}
            disabled={!list.data || list.data.total === 0}
            data-testid="campaign-export"
          >
            {t('campaigns.export')}
          </Button>
        }
      >
        <Table
          size="small"
          rowKey="customerId"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('campaigns.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          data-testid="campaign-table"
        />
      </Card>
    </Flex>
  );
}
