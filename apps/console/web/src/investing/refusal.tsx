import { isApiError, problemDetail, problemText } from '@onefin/ui';
import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** A refusal as staff need to read it: our words for the code, and the server's own detail under it. */
export function Refusal(props: { error: unknown; testId: string; detail?: string | undefined }) {
  const { t } = useTranslation();
  const fields = isApiError(props.error) ? (props.error.problem.errors ?? []) : [];
  const detail = props.detail ?? problemDetail(props.error);
  return (
    <Alert
      type="error"
      showIcon
      title={<span data-testid={`${props.testId}-title`}>{problemText(t, props.error)}</span>}
      description={
        detail || fields.length ? (
          <Flex vertical data-testid={`${props.testId}-detail`}>
            {detail ? <span>{detail}</span> : null}
            {fields.map((f) => (
              <span key={f.field}>
                {f.field}: {f.message}
              </span>
            ))}
          </Flex>
        ) : undefined
      }
      data-testid={props.testId}
    />
  );
}
