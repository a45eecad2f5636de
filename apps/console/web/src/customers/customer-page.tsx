import { ArrowLeftOutlined, EditOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { currentLanguage, formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useHasPermission, useStaffName } from '../auth.ts';
import { AssistedOrderDrawer } from '../investing/assisted-order-drawer.tsx';
import { CustomerOrdersTab } from '../investing/customer-orders-tab.tsx';
import { HoldingsTab } from '../investing/holdings-tab.tsx';
import { CustomerCreditTab } from '../models/customer-credit-tab.tsx';
import { type CustomerProfile, customerKeys, fetchProfile, type Labelled } from './api.ts';
import { ChangesTab } from './changes-tab.tsx';
import { EditCustomerModal, StatusModal } from './edit-customer-modal.tsx';
import { KycTab } from './kyc-tab.tsx';
import { CustomerStatusTag, CustomerTypeTag, KycTag, RiskLevelTag, ScreeningTag } from './labels.tsx';
import { ContactsTab, RelationshipsTab } from './relationships-tab.tsx';
import { RiskTab } from './risk-tab.tsx';
import { ScreeningTab } from './screening-tab.tsx';

const TABS = [
  'profile',
  'holdings',
  'orders',
  'relationships',
  'contacts',
  'kyc',
  'screening',
  'risk',
  'credit',
  'changes',
] as const;
type TabKey = (typeof TABS)[number];

/** The 360° view of one customer: profile, ties, KYC, screening, risk profile and what changed. */
export function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canWrite = useHasPermission('customers.write');
  const canReadOrders = useHasPermission('orders.read');
  const canAssist = useHasPermission('orders.assist');
  const canScore = useHasPermission('models.score');
  const [modal, setModal] = useState<'edit' | 'status' | 'order' | undefined>(undefined);
  const profile = useQuery({ queryKey: customerKeys.profile(id), queryFn: () => fetchProfile(id) });
  const back = (
    <Link to="/customers">
      <ArrowLeftOutlined /> {t('customers.detail.back')}
    </Link>
  );
  if (profile.isPending) return <Spin />;
  if (profile.isError) {
    return isApiError(profile.error) && profile.error.status === 404 ? (
      <Result status="404" title={t('customers.detail.notFound')} subTitle={id} extra={back} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, profile.error)} />
    );
  }
  const p = profile.data;
  const c = p.customer;
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'profile';
  const isClosed = c.status === 'closed';
  const tabs: { key: TabKey; label: string; children: React.ReactNode }[] = [
    { key: 'profile', label: t('customers.detail.tabs.profile'), children: <ProfileTab profile={p} /> },
    { key: 'holdings', label: t('investing.holdings.title'), children: <HoldingsTab customerId={c.id} /> },
    ...(canReadOrders
      ? [
          {
            key: 'orders' as const,
            label: t('investing.customerOrders.title'),
            children: <CustomerOrdersTab customerId={c.id} />,
          },
        ]
      : []),
    {
      key: 'relationships',
      label: t(
        c.type === 'corporate' ? 'customers.detail.tabs.employees' : 'customers.detail.tabs.relationships',
      ),
      children: <RelationshipsTab profile={p} />,
    },
    ...(c.type === 'corporate'
      ? [
          {
            key: 'contacts' as const,
            label: `${t('customers.detail.tabs.contacts')} (${p.contacts.length})`,
            children: <ContactsTab profile={p} />,
          },
        ]
      : []),
    { key: 'kyc', label: t('customers.detail.tabs.kyc'), children: <KycTab profile={p} /> },
    {
      key: 'screening',
      label: `${t('customers.detail.tabs.screening')}${p.screening.hits.some((h) => h.status === 'open') ? ' ●' : ''}`,
      children: <ScreeningTab profile={p} />,
    },
    { key: 'risk', label: t('customers.detail.tabs.risk'), children: <RiskTab profile={p} /> },
    ...(canScore && c.type === 'individual'
      ? [
          {
            key: 'credit' as const,
            label: t('models.customer.tab'),
            children: <CustomerCreditTab customerId={c.id} />,
          },
        ]
      : []),
    { key: 'changes', label: t('customers.detail.tabs.changes'), children: <ChangesTab customerId={c.id} /> },
  ];
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="customer-title">{c.name}</span>
            <CustomerTypeTag type={c.type} />
            <CustomerStatusTag status={c.status} />
            <KycTag status={c.kycStatus} />
            <ScreeningTag status={c.screeningStatus} />
            <RiskLevelTag level={p.risk.current?.riskLevel} isExpired={p.risk.current?.isExpired ?? false} />
          </Flex>
        }
        extra={
          (canWrite || canAssist) && !isClosed ? (
            <Space>
              {canAssist ? (
                <Button
                  icon={<ShoppingCartOutlined />}
                  onClick={() => setModal('order')}
                  data-testid="customer-assisted-order"
                >
                  {t('investing.assist.open')}
                </Button>
              ) : null}
              {canWrite ? (
                <>
                  <Button onClick={() => setModal('status')} data-testid="customer-change-status">
                    {t('customers.detail.changeStatus')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<EditOutlined />}
                    onClick={() => setModal('edit')}
                    data-testid="customer-edit"
                  >
                    {t('customers.detail.edit')}
                  </Button>
                </>
              ) : null}
            </Space>
          ) : null
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={tabs.map((item) => ({
            ...item,
            label: <span data-testid={`customer-tab-${item.key}`}>{item.label}</span>,
          }))}
        />
      </Card>
      <EditCustomerModal open={modal === 'edit'} customer={c} onClose={() => setModal(undefined)} />
      <StatusModal open={modal === 'status'} customer={c} onClose={() => setModal(undefined)} />
      {canAssist ? (
        <AssistedOrderDrawer
          open={modal === 'order'}
          customer={c}
          riskLevel={p.risk.current?.riskLevel}
          isRiskExpired={p.risk.current?.isExpired ?? false}
          onClose={() => setModal(undefined)}
        />
      ) : null}
    </Flex>
  );
}

/** A code-list value in the reader's language. */
export function useLabel(): (l: Labelled | null | undefined) => string {
  const { i18n } = useTranslation();
  return (l) => (l ? (currentLanguage(i18n) === 'en' ? l.nameEn : l.nameZh) : '—');
}

function ProfileTab(props: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const label = useLabel();
  const staffName = useStaffName();
  const c = props.profile.customer;
  const text = (v: string | null | undefined) => v || '—';
  const common = [
    {
      key: 'customerNo',
      label: t('customers.detail.customerNo'),
      children: <Typography.Text copyable>{c.customerNo}</Typography.Text>,
    },
    {
      key: 'id',
      label: t('customers.detail.id'),
      children: <Typography.Text copyable={{ text: c.id }}>{c.id}</Typography.Text>,
    },
    {
      key: 'realName',
      label: t('customers.kyc.realNameStatus'),
      children: t(`customers.kyc.realName.${c.realNameStatus}`),
    },
    {
      key: 'channel',
      label: t('customers.detail.openedChannel'),
      children: t(`customers.channels.${c.openedChannel}`, { defaultValue: c.openedChannel }),
    },
    {
      key: 'openedBy',
      label: t('customers.detail.openedBy'),
      children: c.openedBy ? staffName(c.openedBy) : '—',
    },
    { key: 'createdAt', label: t('customers.detail.createdAt'), children: formatTimestamp(c.createdAt) },
    { key: 'updatedAt', label: t('customers.detail.updatedAt'), children: formatTimestamp(c.updatedAt) },
    { key: 'version', label: t('customers.detail.version'), children: c.version },
  ];
  const i = c.individual;
  const k = c.corporate;
  const own = i
    ? [
        { key: 'name', label: t('customers.profile.name'), children: c.name },
        {
          key: 'idNumber',
          label: t('customers.profile.idNumber'),
          children: <span data-testid="customer-id-masked">{text(i.idNumberMasked)}</span>,
        },
        {
          key: 'gender',
          label: t('customers.profile.gender'),
          children: i.gender ? t(`customers.profile.genders.${i.gender}`) : '—',
        },
        { key: 'birthDate', label: t('customers.profile.birthDate'), children: text(i.birthDate) },
        {
          key: 'mobile',
          label: t('customers.profile.mobile'),
          children: <span data-testid="customer-mobile-masked">{i.mobileMasked}</span>,
        },
        { key: 'email', label: t('customers.profile.email'), children: text(i.email) },
        { key: 'occupation', label: t('customers.profile.occupation'), children: label(i.occupation) },
        { key: 'income', label: t('customers.profile.incomeBand'), children: label(i.incomeBand) },
        { key: 'province', label: t('customers.profile.province'), children: label(i.province) },
        { key: 'city', label: t('customers.profile.city'), children: text(i.city) },
        { key: 'address', label: t('customers.profile.address'), children: text(i.address), span: 2 },
      ]
    : k
      ? [
          { key: 'name', label: t('customers.profile.corporateName'), children: c.name },
          {
            key: 'uscc',
            label: t('customers.profile.uscc'),
            children: <Typography.Text copyable>{k.uscc}</Typography.Text>,
          },
          { key: 'industry', label: t('customers.profile.industry'), children: label(k.industry) },
          { key: 'size', label: t('customers.profile.size'), children: label(k.size) },
          {
            key: 'legalRep',
            label: t('customers.profile.legalRepresentative'),
            children: k.legalRepresentative,
          },
          { key: 'province', label: t('customers.profile.province'), children: label(k.province) },
          { key: 'city', label: t('customers.profile.city'), children: text(k.city) },
          { key: 'address', label: t('customers.profile.address'), children: text(k.address) },
        ]
      : [];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={own}
        styles={{ label: { width: 160 } }}
        data-testid="customer-profile"
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={common}
        styles={{ label: { width: 160 } }}
      />
    </Flex>
  );
}
