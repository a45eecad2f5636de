import { PlusOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
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
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { useHasPermission, useStaffName } from '../auth.ts';
import {
  addKycDocument,
  type CustomerProfile,
  customerKeys,
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  type KycDocument,
  type Verification,
  verifyRealName,
} from './api.ts';
import { KycTag, rowTestId } from './labels.tsx';
import { useShowCustomerProblem } from './use-customer-problem.ts';

const OUTCOME_COLORS: Record<Verification['outcome'], string> = {
  match: 'green',
  mismatch: 'red',
  not_found: 'orange',
};

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** KYC: its status, real-name verification through the registry adapter, and the documents seen. */
export function KycTab(props: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useHasPermission('customers.write');
  const staffName = useStaffName();
  const showProblem = useShowCustomerProblem();
  const [isAdding, setAdding] = useState(false);
  const { customer, kyc } = props.profile;
  const by = (type: string, id: string | null) =>
    type === 'staff' && id ? staffName(id) : t(`customers.changes.changedBy.${type}`, { defaultValue: type });
  const verify = useMutation({
    mutationFn: () => verifyRealName(customer.id),
    onSuccess: (done) => {
      message.info(
        t('customers.kyc.verified', { outcome: t(`customers.kyc.outcomes.${done.verification.outcome}`) }),
      );
      void queryClient.invalidateQueries({ queryKey: customerKeys.profile(customer.id) });
    },
    onError: (error) => showProblem(error),
  });
  const isOpen = customer.status !== 'closed';
  const documentColumns: TableColumnsType<KycDocument> = [
    {
      title: t('customers.kyc.columns.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (v: string) => t(`customers.kyc.documentKinds.${v}`, { defaultValue: v }),
    },
    { title: t('customers.kyc.columns.fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: t('customers.kyc.columns.contentType'), dataIndex: 'contentType', width: 130 },
    {
      title: t('customers.kyc.columns.size'),
      dataIndex: 'sizeBytes',
      width: 100,
      align: 'right',
      render: (v: number) => fileSize(v),
    },
    {
      title: t('customers.kyc.columns.sha256'),
      dataIndex: 'sha256',
      width: 150,
      render: (v: string) => (
        <Typography.Text code copyable={{ text: v }} title={v}>
          {v.slice(0, 12)}…
        </Typography.Text>
      ),
    },
    {
      title: t('customers.kyc.columns.recordedBy'),
      key: 'by',
      width: 150,
      render: (_: unknown, d) => by(d.recordedByType, d.recordedBy),
    },
    {
      title: t('customers.kyc.columns.recordedAt'),
      dataIndex: 'recordedAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
  ];
  const verificationColumns: TableColumnsType<Verification> = [
    {
      title: t('customers.kyc.columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    { title: t('customers.kyc.columns.provider'), dataIndex: 'provider', width: 160 },
    {
      title: t('customers.kyc.columns.outcome'),
      dataIndex: 'outcome',
      width: 120,
      render: (v: Verification['outcome']) => (
        <Tag color={OUTCOME_COLORS[v]}>{t(`customers.kyc.outcomes.${v}`)}</Tag>
      ),
    },
    { title: t('customers.kyc.columns.reference'), dataIndex: 'reference', ellipsis: true },
    {
      title: t('customers.kyc.columns.requestedBy'),
      key: 'by',
      width: 150,
      render: (_: unknown, v) => by(v.requestedByType, v.requestedBy),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'kyc',
            label: t('customers.kyc.kycStatus'),
            children: <KycTag status={customer.kycStatus} />,
          },
          {
            key: 'realName',
            label: t('customers.kyc.realNameStatus'),
            children: (
              <Flex gap={8} align="center" wrap>
                <span data-testid="real-name-status">
                  {t(`customers.kyc.realName.${customer.realNameStatus}`)}
                </span>
                {canWrite && isOpen && customer.realNameStatus !== 'verified' ? (
                  <Button
                    size="small"
                    icon={<SafetyCertificateOutlined />}
                    loading={verify.isPending}
                    onClick={() => verify.mutate()}
                    data-testid="verify-real-name"
                  >
                    {t('customers.kyc.verify')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Card
        size="small"
        title={t('customers.kyc.documents')}
        extra={
          canWrite && isOpen ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-kyc-document"
            >
              {t('customers.kyc.addDocument')}
            </Button>
          ) : null
        }
      >
        <Table<KycDocument>
          rowKey="id"
          size="small"
          columns={documentColumns}
          dataSource={kyc.documents}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('customers.kyc.noDocuments') }}
          onRow={rowTestId('kyc-document-row')}
        />
      </Card>
      <Card size="small" title={t('customers.kyc.verifications')}>
        <Table<Verification>
          rowKey="id"
          size="small"
          columns={verificationColumns}
          dataSource={kyc.verifications}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('customers.kyc.noVerifications') }}
        />
      </Card>
      <DocumentModal open={isAdding} customerId={customer.id} onClose={() => setAdding(false)} />
    </Flex>
  );
}

interface DocumentValues {
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** The lowercase hex SHA-256 of a file, computed here so only its fingerprint leaves the browser. */
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function DocumentModal(props: { open: boolean; customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocumentValues>();
  const showProblem = useShowCustomerProblem();
  const add = useMutation({
    mutationFn: (v: DocumentValues) =>
      addKycDocument(props.customerId, { ...v, fileName: v.fileName.trim() }),
    onSuccess: () => {
      message.success(t('customers.kyc.documentAdded'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.profile(props.customerId) });
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
  const pick = async (file: File) => {
    form.setFieldsValue({
      fileName: file.name,
      sizeBytes: file.size,
      ...(DOCUMENT_TYPES.some((type) => type === file.type) ? { contentType: file.type } : {}),
      sha256: await sha256Hex(file),
    });
  };
  const required = { required: true, message: t('customers.kyc.required') };
  return (
    <Modal
      open={props.open}
      title={t('customers.kyc.addDocumentTitle')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={testId('kyc-document-submit')}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('customers.kyc.addDocumentHint')}</Typography.Paragraph>
      <Form<DocumentValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'id_card_front', contentType: 'image/jpeg' }}
        onFinish={(v) => add.mutate(v)}
      >
        <Upload
          accept={DOCUMENT_TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginBottom: 16 }}>
            {t('customers.kyc.pickFile')}
          </Button>
        </Upload>
        <Form.Item name="kind" label={t('customers.kyc.kind')} rules={[required]}>
          <Select
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`customers.kyc.documentKinds.${k}`) }))}
            data-testid="kyc-document-kind"
          />
        </Form.Item>
        <Form.Item
          name="fileName"
          label={t('customers.kyc.fileName')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="kyc-document-file-name" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="contentType"
            label={t('customers.kyc.contentType')}
            rules={[required]}
            style={{ flex: 1 }}
          >
            <Select options={DOCUMENT_TYPES.map((type) => ({ value: type, label: type }))} />
          </Form.Item>
          <Form.Item
            name="sizeBytes"
            label={t('customers.kyc.sizeBytes')}
            rules={[required]}
            style={{ flex: 1 }}
          >
            <InputNumber min={1} max={20 * 1024 * 1024} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="sha256"
          label={t('customers.kyc.sha256')}
          normalize={(v: string | undefined) => v?.trim().toLowerCase()}
          rules={[required, { pattern: /^[0-9a-f]{64}$/, message: t('customers.kyc.sha256Invalid') }]}
        >
          <Input maxLength={64} style={{ fontFamily: 'monospace' }} data-testid="kyc-document-sha256" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
