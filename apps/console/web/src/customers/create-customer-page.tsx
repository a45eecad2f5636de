import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { queryClient } from '../api.ts';
import {
  type CorporateInput,
  type Customer,
  createCorporate,
  createIndividual,
  customerKeys,
  type IndividualInput,
  STAFF_CHANNELS,
} from './api.ts';
import {
  AddressFields,
  CodeSelect,
  FieldRow,
  ID_NUMBER_FORMAT,
  MOBILE_FORMAT,
  USCC_FORMAT,
} from './customer-fields.tsx';
import { useShowCustomerProblem } from './use-customer-problem.ts';

type Values = Record<string, string | undefined>;

/** Empty optional fields are left out rather than sent as "". */
function compact(values: Values): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** Opens a customer at the counter: an individual (resident ID number) or a corporate (USCC). */
export function CreateCustomerPage() {
  const { type } = useParams();
  if (type !== 'individual' && type !== 'corporate') return <Navigate to="/customers" replace />;
  return <CreateCustomerForm key={type} type={type} />;
}

function CreateCustomerForm(props: { type: 'individual' | 'corporate' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const isIndividual = props.type === 'individual';
  const showProblem = useShowCustomerProblem();
  const create = useMutation({
    mutationFn: (values: Values): Promise<Customer> => {
      const body = compact(values);
      return isIndividual
        ? createIndividual({ ...body, idNumber: body.idNumber?.toUpperCase() } as unknown as IndividualInput)
        : createCorporate({ ...body, uscc: body.uscc?.toUpperCase() } as unknown as CorporateInput);
    },
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      message.success(t('customers.form.created', { customerNo: customer.customerNo }));
      navigate(`/customers/${encodeURIComponent(customer.id)}`);
    },
    onError: (error) => showProblem(error, form),
  });
  const channelOptions = STAFF_CHANNELS.map((c) => ({ value: c, label: t(`customers.channels.${c}`) }));
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t('customers.detail.back')}
      </Link>
      <Card
        title={
          <span data-testid="create-customer-title">
            {t(isIndividual ? 'customers.form.individualTitle' : 'customers.form.corporateTitle')}
          </span>
        }
      >
        <Alert
          type="info"
          showIcon
          title={t(isIndividual ? 'customers.form.individualHint' : 'customers.form.corporateHint')}
          style={{ marginBottom: 16 }}
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ channel: isIndividual ? 'branch' : 'corporate' }}
          onFinish={(values) => create.mutate(values)}
          scrollToFirstError
        >
          {isIndividual ? <IndividualFields /> : <CorporateFields />}
          <Divider titlePlacement="start">{t('customers.form.address')}</Divider>
          <AddressFields />
          <FieldRow>
            <Form.Item name="channel" label={t('customers.detail.openedChannel')}>
              <Select options={channelOptions} data-testid="customer-channel" />
            </Form.Item>
          </FieldRow>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate('/customers')}>{t('customers.form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="customer-submit">
              {t('customers.form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}

function IndividualFields() {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start">{t('customers.form.identity')}</Divider>
      <FieldRow>
        <Form.Item
          name="name"
          label={t('customers.profile.name')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('customers.form.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="customer-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('customers.profile.idNumber')}
          rules={[
            { required: true, message: t('customers.form.idNumberRequired') },
            { pattern: ID_NUMBER_FORMAT, message: t('customers.form.idNumberFormat') },
          ]}
        >
          <Input maxLength={18} autoComplete="off" data-testid="customer-id-number" />
        </Form.Item>
      </FieldRow>
      <Divider titlePlacement="start">{t('customers.form.contact')}</Divider>
      <FieldRow>
        <Form.Item
          name="mobile"
          label={t('customers.profile.mobile')}
          rules={[
            { required: true, message: t('customers.form.mobileRequired') },
            { pattern: MOBILE_FORMAT, message: t('customers.form.mobileFormat') },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" data-testid="customer-mobile" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('customers.profile.email')}
          rules={[{ type: 'email', message: t('customers.form.emailFormat') }]}
        >
          <Input maxLength={254} data-testid="customer-email" />
        </Form.Item>
      </FieldRow>
      <Divider titlePlacement="start">{t('customers.form.work')}</Divider>
      <FieldRow>
        <Form.Item name="occupation" label={t('customers.profile.occupation')}>
          <CodeSelect list="occupations" testId="customer-occupation" />
        </Form.Item>
        <Form.Item name="incomeBand" label={t('customers.profile.incomeBand')}>
          <CodeSelect list="incomeBands" testId="customer-income" />
        </Form.Item>
      </FieldRow>
    </>
  );
}

function CorporateFields() {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start">{t('customers.form.company')}</Divider>
      <FieldRow>
        <Form.Item
          name="name"
          label={t('customers.profile.corporateName')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 100,
              message: t('customers.form.corporateNameRequired'),
            },
          ]}
        >
          <Input maxLength={100} data-testid="customer-name" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('customers.profile.uscc')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          rules={[
            { required: true, message: t('customers.form.usccRequired') },
            { pattern: USCC_FORMAT, message: t('customers.form.usccFormat') },
          ]}
        >
          <Input maxLength={18} autoComplete="off" data-testid="customer-uscc" />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item
          name="industry"
          label={t('customers.profile.industry')}
          rules={[{ required: true, message: t('customers.form.industryRequired') }]}
        >
          <CodeSelect list="industries" testId="customer-industry" />
        </Form.Item>
        <Form.Item
          name="size"
          label={t('customers.profile.size')}
          rules={[{ required: true, message: t('customers.form.sizeRequired') }]}
        >
          <CodeSelect list="sizes" testId="customer-size" />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item
          name="legalRepresentative"
          label={t('customers.profile.legalRepresentative')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: 40,
              message: t('customers.form.legalRepresentativeRequired'),
            },
          ]}
        >
          <Input maxLength={40} data-testid="customer-legal-rep" />
        </Form.Item>
      </FieldRow>
    </>
  );
}
