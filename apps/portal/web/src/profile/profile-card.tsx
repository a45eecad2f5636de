import { EditOutlined } from '@ant-design/icons';
import { applyProblemToForm, currentLanguage, formatDate, isApiError, testId } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { PROFILE_KEY, type Profile, type ProfilePatch, updateProfile } from './api.ts';
import {
  INCOME_BAND_CODES,
  labelText,
  OCCUPATION_CODES,
  PROVINCE_CODES,
  profileProblemText,
} from './labels.ts';

interface EditValues {
  email?: string;
  provinceCode?: string;
  city?: string;
  address?: string;
  occupation?: string;
  incomeBand?: string;
}

/** An emptied field clears it on the server (`null`), an untouched one is not sent. */
function patchOf(values: EditValues, profile: Profile): ProfilePatch {
  const i = profile.individual;
  const before: Record<keyof EditValues, string | null> = {
    email: i?.email ?? null,
    provinceCode: i?.province?.code ?? null,
    city: i?.city ?? null,
    address: i?.address ?? null,
    occupation: i?.occupation?.code ?? null,
    incomeBand: i?.incomeBand?.code ?? null,
  };
  const patch: ProfilePatch = { version: profile.version };
  for (const key of Object.keys(before) as (keyof EditValues)[]) {
    const value = values[key]?.trim() || null;
    if (value !== before[key]) patch[key] = value;
  }
  return patch;
}

/** 我的资料: the customer's record as the API shows it (ID number and mobile masked), and an edit form. */
export function ProfileCard(props: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const [isEditing, setEditing] = useState(false);
  const [form] = Form.useForm<EditValues>();
  const p = props.profile;
  const i = p.individual;
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => {
      queryClient.setQueryData(PROFILE_KEY, updated);
      message.success(t('profile.saved'));
      setEditing(false);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'validation_failed' && applyProblemToForm(form, error)) return;
      message.error(profileProblemText(t, error));
    },
  });
  const open = () => {
    form.setFieldsValue({
      email: i?.email ?? undefined,
      provinceCode: i?.province?.code,
      city: i?.city ?? undefined,
      address: i?.address ?? undefined,
      occupation: i?.occupation?.code,
      incomeBand: i?.incomeBand?.code,
    });
    setEditing(true);
  };
  const region = [labelText(i?.province, language), i?.city].filter((x) => x && x !== '—').join(' ');
  const items = [
    { key: 'customerNo', label: t('profile.fields.customerNo'), children: p.customerNo },
    { key: 'name', label: t('profile.fields.name'), children: p.name },
    {
      key: 'idNumber',
      label: t('profile.fields.idNumber'),
      children: i?.idNumberMasked ?? t('profile.notGiven'),
    },
    {
      key: 'gender',
      label: t('profile.fields.gender'),
      children: i?.gender ? t(`profile.gender.${i.gender}`) : '—',
    },
    { key: 'birthDate', label: t('profile.fields.birthDate'), children: formatDate(i?.birthDate, language) },
    { key: 'mobile', label: t('profile.fields.mobile'), children: i?.mobileMasked ?? '—' },
    { key: 'email', label: t('profile.fields.email'), children: i?.email ?? '—' },
    { key: 'region', label: t('profile.fields.region'), children: region || '—' },
    { key: 'address', label: t('profile.fields.address'), children: i?.address ?? '—' },
    {
      key: 'occupation',
      label: t('profile.fields.occupation'),
      children: labelText(i?.occupation, language),
    },
    {
      key: 'incomeBand',
      label: t('profile.fields.incomeBand'),
      children: labelText(i?.incomeBand, language),
    },
  ].map((item) => ({ ...item, children: <span data-testid={`profile-${item.key}`}>{item.children}</span> }));
  const options = (group: 'provinces' | 'occupations' | 'incomeBands', codes: string[]) =>
    codes.map((code) => ({ value: code, label: t(`reference.${group}.${code}`) }));
  return (
    <Card
      title={t('profile.basicTitle')}
      data-testid="profile-card"
      extra={
        i ? (
          <Button icon={<EditOutlined />} onClick={open} data-testid="edit-profile">
            {t('profile.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions column={screens.md ? 2 : 1} size="small" items={items} />
      <Modal
        open={isEditing}
        title={t('profile.editTitle')}
        onCancel={() => setEditing(false)}
        onOk={() =>
          void form
            .validateFields()
            .then((values) => save.mutate(patchOf(values, p)))
            .catch(() => undefined)
        }
        okText={t('profile.save')}
        okButtonProps={{ loading: save.isPending, ...testId('save-profile') }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('profile.mobileHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
          <Form.Item
            name="email"
            label={t('profile.fields.email')}
            rules={[{ type: 'email', message: t('validation.emailInvalid') }]}
          >
            <Input inputMode="email" autoComplete="email" maxLength={254} data-testid="profile-email-input" />
          </Form.Item>
          <Form.Item name="provinceCode" label={t('profile.fields.province')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={options('provinces', PROVINCE_CODES)}
              data-testid="profile-province-input"
            />
          </Form.Item>
          <Form.Item
            name="city"
            label={t('profile.fields.city')}
            rules={[{ max: 40, message: t('validation.tooLong', { max: 40 }) }]}
          >
            <Input maxLength={40} data-testid="profile-city-input" />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('profile.fields.address')}
            rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              maxLength={200}
              data-testid="profile-address-input"
            />
          </Form.Item>
          <Form.Item name="occupation" label={t('profile.fields.occupation')}>
            <Select
              allowClear
              options={options('occupations', OCCUPATION_CODES)}
              data-testid="profile-occupation-input"
            />
          </Form.Item>
          <Form.Item name="incomeBand" label={t('profile.fields.incomeBand')}>
            <Select
              allowClear
              options={options('incomeBands', INCOME_BAND_CODES)}
              data-testid="profile-income-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
