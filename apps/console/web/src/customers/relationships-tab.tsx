import { PlusOutlined } from '@ant-design/icons';
import { formatTimestamp, testId } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryClient } from '../api.ts';
import { useHasPermission, useStaffName } from '../auth.ts';
import {
  addContact,
  addRelationship,
  type CorporateContact,
  type CustomerProfile,
  customerKeys,
  type Relationship,
  type RelationshipKind,
} from './api.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { CustomerTypeTag, rowTestId } from './labels.tsx';
import { useShowCustomerProblem } from './use-customer-problem.ts';

const customerLink = (id: string, text: string) => (
  <Link to={`/customers/${encodeURIComponent(id)}`} data-testid="related-customer-link">
    {text}
  </Link>
);

/** Which relationships fit: family between individuals, employer ↔ employee across the two kinds. */
function kindsFor(type: CustomerProfile['customer']['type']): RelationshipKind[] {
  return type === 'individual' ? ['spouse', 'parent', 'child', 'employer'] : ['employee'];
}

/** Household, family and employment ties; for an individual also the corporates they act for. */
export function RelationshipsTab(props: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const canWrite = useHasPermission('customers.write');
  const [isAdding, setAdding] = useState(false);
  const { customer, household, relationships, contacts } = props.profile;
  const employers = relationships.filter((r) => r.kind === 'employer');
  const columns: TableColumnsType<Relationship> = [
    {
      title: t('customers.relationships.columns.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (v: RelationshipKind) => <Tag>{t(`customers.relationships.kinds.${v}`)}</Tag>,
    },
    {
      title: t('customers.relationships.columns.name'),
      key: 'name',
      render: (_: unknown, r) => customerLink(r.customerId, r.name),
    },
    { title: t('customers.relationships.columns.customerNo'), dataIndex: 'customerNo', width: 130 },
    {
      title: t('customers.relationships.columns.type'),
      dataIndex: 'type',
      width: 90,
      render: (v: string) => <CustomerTypeTag type={v} />,
    },
    {
      title: t('customers.relationships.columns.since'),
      dataIndex: 'since',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
  ];
  return (
    <Flex vertical gap={16}>
      {customer.type === 'individual' ? (
        <Flex gap={16} wrap>
          <Card size="small" title={t('customers.relationships.household')} style={{ flex: '1 1 320px' }}>
            {household ? (
              <Flex vertical gap={4} data-testid="household">
                <strong>{household.name}</strong>
                <Flex gap={8} wrap>
                  {household.members.map((m) => (
                    <Tag key={m.customerId} color={m.customerId === customer.id ? 'blue' : undefined}>
                      {m.customerId === customer.id ? m.name : customerLink(m.customerId, m.name)} ·{' '}
                      {m.customerNo}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('customers.relationships.noHousehold')}
              />
            )}
          </Card>
          <Card size="small" title={t('customers.relationships.employer')} style={{ flex: '1 1 320px' }}>
            {employers.length > 0 ? (
              <Flex vertical gap={4} data-testid="employer">
                {employers.map((e) => (
                  <span key={e.customerId}>
                    {customerLink(e.customerId, e.name)} · {e.customerNo}
                  </span>
                ))}
              </Flex>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('customers.relationships.noEmployer')}
              />
            )}
          </Card>
        </Flex>
      ) : null}
      <Card
        size="small"
        title={t('customers.relationships.related')}
        extra={
          canWrite && customer.status !== 'closed' ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-relationship"
            >
              {t('customers.relationships.add')}
            </Button>
          ) : null
        }
      >
        <Table<Relationship>
          rowKey={(r) => `${r.kind}-${r.customerId}`}
          size="small"
          columns={columns}
          dataSource={relationships}
          pagination={relationships.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('customers.relationships.none') }}
          onRow={rowTestId('relationship-row')}
        />
      </Card>
      {customer.type === 'individual' && contacts.length > 0 ? (
        <Card size="small" title={t('customers.contacts.ofCorporates')}>
          <ContactsTable contacts={contacts} show="corporate" />
        </Card>
      ) : null}
      <RelationshipModal open={isAdding} profile={props.profile} onClose={() => setAdding(false)} />
    </Flex>
  );
}

function ContactsTable(props: { contacts: CorporateContact[]; show: 'corporate' | 'individual' }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const columns: TableColumnsType<CorporateContact> = [
    {
      title: t('customers.contacts.columns.name'),
      key: 'name',
      render: (_: unknown, c) =>
        props.show === 'individual'
          ? customerLink(c.individualId, c.individualName)
          : customerLink(c.corporateId, c.corporateName),
    },
    { title: t('customers.contacts.columns.role'), dataIndex: 'role' },
    {
      title: t('customers.contacts.columns.authorisedAt'),
      dataIndex: 'authorisedAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('customers.contacts.columns.authorisedBy'),
      dataIndex: 'authorisedBy',
      width: 160,
      render: (v: string | null) => (v ? staffName(v) : '—'),
    },
  ];
  return (
    <Table<CorporateContact>
      rowKey={(c) => `${c.corporateId}-${c.individualId}`}
      size="small"
      columns={columns}
      dataSource={props.contacts}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('customers.contacts.none') }}
      onRow={rowTestId('contact-row')}
    />
  );
}

/** A corporate's authorised contacts: individual customers who may act for it. */
export function ContactsTab(props: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const canWrite = useHasPermission('customers.write');
  const [isAdding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={t('customers.contacts.title')}
      extra={
        canWrite && props.profile.customer.status !== 'closed' ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-contact"
          >
            {t('customers.contacts.add')}
          </Button>
        ) : null
      }
    >
      <ContactsTable contacts={props.profile.contacts} show="individual" />
      <ContactModal open={isAdding} profile={props.profile} onClose={() => setAdding(false)} />
    </Card>
  );
}

function useProfileRefresh(id: string) {
  return () => void queryClient.invalidateQueries({ queryKey: customerKeys.profile(id) });
}

function RelationshipModal(props: { open: boolean; profile: CustomerProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { customer } = props.profile;
  const [form] = Form.useForm<{ kind: RelationshipKind; relatedId: string }>();
  const showProblem = useShowCustomerProblem();
  const refresh = useProfileRefresh(customer.id);
  const kinds = kindsFor(customer.type);
  const kind = Form.useWatch('kind', form);
  const add = useMutation({
    mutationFn: (v: { kind: RelationshipKind; relatedId: string }) => addRelationship(customer.id, v),
    onSuccess: () => {
      message.success(t('customers.relationships.added'));
      refresh();
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = add;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      reset();
    }
  }, [props.open, form, reset]);
  return (
    <Modal
      open={props.open}
      title={t('customers.relationships.addTitle', { name: customer.name })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={testId('relationship-submit')}
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ kind: kinds[0] }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="kind" label={t('customers.relationships.kind')}>
          <Select
            options={kinds.map((k) => ({ value: k, label: t(`customers.relationships.kinds.${k}`) }))}
            data-testid="relationship-kind"
          />
        </Form.Item>
        <Form.Item
          name="relatedId"
          label={t('customers.relationships.relatedId')}
          extra={t('customers.relationships.relatedHint')}
          rules={[{ required: true, message: t('customers.relationships.relatedRequired') }]}
        >
          <CustomerPicker
            type={kind === 'employer' ? 'corporate' : 'individual'}
            excludeId={customer.id}
            testId="relationship-related"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ContactModal(props: { open: boolean; profile: CustomerProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { customer } = props.profile;
  const [form] = Form.useForm<{ individualId: string; role: string }>();
  const showProblem = useShowCustomerProblem();
  const refresh = useProfileRefresh(customer.id);
  const add = useMutation({
    mutationFn: (v: { individualId: string; role: string }) =>
      addContact(customer.id, { individualId: v.individualId, role: v.role.trim() }),
    onSuccess: () => {
      message.success(t('customers.contacts.added'));
      refresh();
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = add;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      reset();
    }
  }, [props.open, form, reset]);
  return (
    <Modal
      open={props.open}
      title={t('customers.contacts.addTitle', { name: customer.name })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={testId('contact-submit')}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item
          name="individualId"
          label={t('customers.contacts.individual')}
          rules={[{ required: true, message: t('customers.relationships.relatedRequired') }]}
        >
          <CustomerPicker type="individual" testId="contact-individual" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('customers.contacts.role')}
          rules={[
            { required: true, whitespace: true, max: 40, message: t('customers.contacts.roleRequired') },
          ]}
        >
          <Input maxLength={40} data-testid="contact-role" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
