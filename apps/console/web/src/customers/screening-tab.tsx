import { ReloadOutlined } from '@ant-design/icons';
import { formatTimestamp, testId } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { useHasPermission, useStaffName } from '../auth.ts';
import { type CustomerProfile, customerKeys, resolveHit, type ScreeningHit, screenCustomer } from './api.ts';
import { rowTestId, ScreeningTag } from './labels.tsx';
import { useShowCustomerProblem } from './use-customer-problem.ts';

const HIT_COLORS: Record<ScreeningHit['status'], string> = {
  open: 'orange',
  dismissed: 'default',
  confirmed: 'red',
};

/** PEP and sanctions screening: the matches, each resolved by risk staff with a note. */
export function ScreeningTab(props: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useHasPermission('customers.write');
  const canReview = useHasPermission('risk.review');
  const staffName = useStaffName();
  const showProblem = useShowCustomerProblem();
  const [resolving, setResolving] = useState<{ hit: ScreeningHit; decision: 'dismiss' | 'confirm' }>();
  const { customer, screening } = props.profile;
  const screen = useMutation({
    mutationFn: () => screenCustomer(customer.id),
    onSuccess: () => {
      message.success(t('customers.screening.screened'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.profile(customer.id) });
    },
    onError: (error) => showProblem(error),
  });
  const columns: TableColumnsType<ScreeningHit> = [
    {
      title: t('customers.screening.columns.list'),
      key: 'list',
      width: 180,
      render: (_: unknown, h) => (
        <Tag color={h.entry.listKind === 'sanctions' ? 'red' : 'purple'}>
          {t(`customers.screening.listKinds.${h.entry.listKind}`)}
        </Tag>
      ),
    },
    {
      title: t('customers.screening.columns.entry'),
      key: 'entry',
      render: (_: unknown, h) => (
        <Flex vertical>
          <strong>{h.entry.name}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[h.entry.birthDate, h.entry.nationality, h.entry.source].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('customers.screening.columns.matchedOn'),
      dataIndex: 'matchedOn',
      width: 130,
      render: (v: ScreeningHit['matchedOn']) => t(`customers.screening.matchedOn.${v}`),
    },
    {
      title: t('customers.screening.columns.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: ScreeningHit['status']) => (
        <Tag color={HIT_COLORS[v]} data-testid="screening-hit-status">
          {t(`customers.screening.hitStatus.${v}`)}
        </Tag>
      ),
    },
    {
      title: t('customers.screening.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('customers.screening.columns.resolution'),
      key: 'resolution',
      render: (_: unknown, h) =>
        h.resolvedAt ? (
          <Flex vertical>
            <span>{h.resolutionNote}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.resolvedBy ? staffName(h.resolvedBy) : ''} · {formatTimestamp(h.resolvedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
  ];
  if (canReview) {
    columns.push({
      title: t('customers.screening.columns.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, h) =>
        h.status === 'open' ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => setResolving({ hit: h, decision: 'dismiss' })}
              data-testid="hit-dismiss"
            >
              {t('customers.screening.dismiss')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setResolving({ hit: h, decision: 'confirm' })}
              data-testid="hit-confirm"
            >
              {t('customers.screening.confirm')}
            </Button>
          </Space>
        ) : null,
    });
  }
  const last = screening.recent[0];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: t('customers.screening.title'),
            children: <ScreeningTag status={customer.screeningStatus} />,
          },
          {
            key: 'at',
            label: t('customers.screening.screenedAt'),
            children: (
              <Flex gap={8} align="center" wrap>
                <span>{formatTimestamp(last?.screenedAt ?? customer.screenedAt)}</span>
                {canWrite && customer.status !== 'closed' ? (
                  <Button
                    size="small"
                    icon={<ReloadOutlined />}
                    loading={screen.isPending}
                    onClick={() => screen.mutate()}
                    data-testid="screen-again"
                  >
                    {t('customers.screening.screenNow')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Card size="small" title={t('customers.screening.hits')}>
        <Table<ScreeningHit>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={screening.hits}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('customers.screening.noHits') }}
          onRow={rowTestId('screening-hit-row')}
        />
      </Card>
      <ResolveModal customerId={customer.id} resolving={resolving} onClose={() => setResolving(undefined)} />
    </Flex>
  );
}

function ResolveModal(props: {
  customerId: string;
  resolving: { hit: ScreeningHit; decision: 'dismiss' | 'confirm' } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const showProblem = useShowCustomerProblem();
  const { resolving } = props;
  const resolve = useMutation({
    mutationFn: ({ note }: { note: string }) => {
      if (!resolving) throw new Error('nothing to resolve');
      return resolveHit(props.customerId, resolving.hit.id, {
        decision: resolving.decision,
        note: note.trim(),
      });
    },
    onSuccess: () => {
      message.success(t('customers.screening.resolved'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.profile(props.customerId) });
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = resolve;
  useEffect(() => {
    if (resolving) {
      form.resetFields();
      reset();
    }
  }, [resolving, form, reset]);
  return (
    <Modal
      open={resolving !== undefined}
      title={t('customers.screening.resolveTitle', { name: resolving?.hit.entry.name ?? '' })}
      okText={t(
        resolving?.decision === 'confirm' ? 'customers.screening.confirm' : 'customers.screening.dismiss',
      )}
      okButtonProps={{ danger: resolving?.decision === 'confirm', ...testId('hit-resolve-submit') }}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate(v)}>
        <Form.Item
          name="note"
          label={t('customers.screening.note')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('customers.screening.noteRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="hit-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
