import { SafetyCertificateOutlined } from '@ant-design/icons';
import { problemText } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain } from '../api.ts';

/** Recomputes the audit hash chain on the server and shows whether it is intact. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const result = verify.data;
  return (
    <Flex vertical gap={12} align="stretch">
      <Flex justify="flex-end">
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </Flex>
      {result?.ok === true ? (
        <Alert
          type="success"
          showIcon
          title={t('audit.verifyOk', { checked: result.checked })}
          data-testid="audit-verify-result"
        />
      ) : null}
      {result?.ok === false ? (
        <Alert
          type="error"
          showIcon
          title={t('audit.verifyBroken', {
            seq: result.seq,
            checked: result.checked,
            problem: result.problem,
          })}
          data-testid="audit-verify-result"
        />
      ) : null}
      {verify.isError ? (
        <Alert type="error" showIcon title={problemText(t, verify.error)} data-testid="audit-verify-result" />
      ) : null}
    </Flex>
  );
}
