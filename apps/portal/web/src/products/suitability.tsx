import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { currentLanguage } from '@onefin/ui';
import { Alert, Button, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Suitability } from './types.ts';

/** 适合我 when the customer may buy it; a short reason when not. Nothing for a guest. */
export function SuitabilityMarker(props: { suitability: Suitability | null | undefined }) {
  const { t } = useTranslation();
  const s = props.suitability;
  if (!s) return null;
  if (s.allowed) {
    return (
      <Tag
        color="success"
        icon={<CheckCircleFilled />}
        data-testid="suitable-marker"
        style={{ marginInlineEnd: 0 }}
      >
        {t('suitability.suitable')}
      </Tag>
    );
  }
  return (
    <Tag data-testid="unsuitable-marker" data-reason={s.reason} style={{ marginInlineEnd: 0 }}>
      {t(`suitability.short.${s.reason}`)}
    </Tag>
  );
}

/** Refusals the customer can fix from here, and where to go to fix them. */
const FIX_PATHS: Partial<Record<string, string>> = {
  assessment_missing: '/risk-assessment',
  assessment_expired: '/risk-assessment',
  kyc_incomplete: '/profile',
};

/**
 * The suitability result on a product page: allowed, or refused with the server's reason in the
 * customer's language (e.g. 该产品风险等级为R4，高于您的风险承受能力C2) and a way to fix it when there is one.
 */
export function SuitabilityResult(props: { suitability: Suitability | null | undefined; isGuest: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const language = currentLanguage(i18n);
  const s = props.suitability;
  if (props.isGuest) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('suitability.guest')}
        data-testid="suitability-result"
        action={
          <Button
            size="small"
            type="primary"
            onClick={() => navigate(`/login?next=${encodeURIComponent(pathname)}`)}
          >
            {t('login.submit')}
          </Button>
        }
      />
    );
  }
  if (!s) return null;
  if (s.allowed) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('suitability.allowedTitle')}
        description={
          s.customerRisk
            ? t('suitability.allowedDetail', { customer: s.customerRisk, product: s.productRisk })
            : undefined
        }
        data-testid="suitability-result"
        data-allowed="true"
      />
    );
  }
  const fix = FIX_PATHS[s.reason];
  return (
    <Alert
      type="warning"
      showIcon
      icon={<ExclamationCircleFilled />}
      title={t('suitability.refusedTitle')}
      description={
        <Flex vertical gap={8} align="flex-start">
          <span data-testid="suitability-reason">{language === 'en' ? s.messageEn : s.messageZh}</span>
          {fix ? (
            <Button size="small" type="primary" onClick={() => navigate(fix)} data-testid="suitability-fix">
              {t(`suitability.fix.${s.reason}`)}
            </Button>
          ) : null}
        </Flex>
      }
      data-testid="suitability-result"
      data-allowed="false"
      data-reason={s.reason}
    />
  );
}
