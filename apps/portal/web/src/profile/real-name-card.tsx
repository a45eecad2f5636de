import { SafetyCertificateOutlined } from '@ant-design/icons';
import { applyProblemToForm, isApiError } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { PRODUCTS_KEY } from '../products/api.ts';
import { legalNameRules, residentIdRules } from '../validation.ts';
import {
  type KycStatus,
  PROFILE_KEY,
  type Profile,
  type RealNameStatus,
  updateProfile,
  verifyRealName,
} from './api.ts';
import { profileProblemText } from './labels.ts';

const REAL_NAME_COLORS: Record<RealNameStatus, string> = {
  unverified: 'default',
  verified: 'success',
  failed: 'error',
};
const KYC_COLORS: Record<KycStatus, string> = {
  not_started: 'default',
  pending: 'processing',
  under_review: 'processing',
  verified: 'success',
  rejected: 'error',
};

interface Values {
  name: string;
  idNumber: string;
}

export function KycTags(props: { profile: Profile }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Tag color={REAL_NAME_COLORS[props.profile.realNameStatus]} data-testid="real-name-status">
        {t(`profile.realNameStatus.${props.profile.realNameStatus}`)}
      </Tag>
      <Tag color={KYC_COLORS[props.profile.kycStatus]} data-testid="kyc-status">
        {t('profile.kycLabel')} {t(`profile.kycStatus.${props.profile.kycStatus}`)}
      </Tag>
    </Flex>
  );
}

/**
 * 实名认证: the legal name and resident ID number, saved on the profile and checked against the identity
 * registry. Once verified they are locked (a branch changes them).
 */
export function RealNameCard(props: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [outcome, setOutcome] = useState<'mismatch' | 'not_found' | undefined>(undefined);
  const p = props.profile;
  const isVerified = p.realNameStatus === 'verified';
  const verify = useMutation({
    mutationFn: async (values: Values) => {
      const saved = await updateProfile({
        name: values.name.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        version: p.version,
      });
      queryClient.setQueryData(PROFILE_KEY, saved);
      return verifyRealName();
    },
    onSuccess: (result) => {
      queryClient.setQueryData(PROFILE_KEY, result.customer);
      // Suitability reads KYC: the supermarket's markers may change.
      void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });
      if (result.outcome === 'match') {
        setOutcome(undefined);
        message.success(t('profile.verify.passed'));
      } else {
        setOutcome(result.outcome);
      }
    },
    onError: (error) => {
      setOutcome(undefined);
      // Refusals about the number go on its field, in the customer's words; the rest as a message.
      if (isApiError(error) && (error.code === 'invalid_id_number' || error.code === 'id_number_taken')) {
        form.setFields([{ name: 'idNumber', errors: [profileProblemText(t, error)] }]);
      } else if (isApiError(error) && error.code === 'validation_failed') {
        if (!applyProblemToForm(form, error)) message.error(profileProblemText(t, error));
      } else {
        message.error(profileProblemText(t, error));
      }
    },
  });
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined />
          {t('profile.verify.title')}
        </Flex>
      }
      data-testid="real-name-card"
    >
      <KycTags profile={p} />
      {isVerified ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('profile.verify.locked', { id: p.individual?.idNumberMasked ?? '' })}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('profile.verify.hint')}
          </Typography.Paragraph>
          {outcome ? (
            <Alert
              type="error"
              showIcon
              title={t(`profile.verify.${outcome}`)}
              style={{ marginBottom: 12 }}
              data-testid="verify-outcome"
            />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ name: p.name }}
            onFinish={(values) => verify.mutate(values)}
          >
            <Form.Item name="name" label={t('profile.verify.name')} rules={legalNameRules(t)}>
              <Input autoComplete="name" maxLength={30} data-testid="verify-name" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('profile.verify.idNumber')}
              rules={residentIdRules(t)}
              normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
              validateTrigger="onBlur"
            >
              <Input
                maxLength={18}
                autoComplete="off"
                placeholder={t('profile.verify.idPlaceholder')}
                data-testid="verify-id-number"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={verify.isPending}
              data-testid="verify-submit"
            >
              {t('profile.verify.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
