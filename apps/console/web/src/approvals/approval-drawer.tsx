import { currentLanguage, formatDateTime, isApiError, problemDetail, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Flex,
  Grid,
  Input,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Approval, decideApproval, fetchApproval, queryClient, type StaffName } from '../api.ts';
import { useStaff } from '../auth.ts';
import { ApprovalDetails } from './approval-details.tsx';
import {
  ApprovalActionLabel,
  ApprovalStatusTag,
  staffLabel,
  useApprovalSummary,
} from './approval-labels.tsx';

type Decision = 'approve' | 'reject';

/** One approval in full, with Approve / Reject and an optional note while it is pending. */
export function ApprovalDrawer(props: {
  approvalId: string | undefined;
  listed: Approval | undefined;
  directory: Map<string, StaffName>;
  onClose: () => void;
  /** After a decision, so the page behind the drawer can show what it changed. */
  onDecided?: (decided: Approval) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { message } = App.useApp();
  const me = useStaff();
  const screens = Grid.useBreakpoint();
  const [note, setNote] = useState('');
  const { approvalId } = props;
  const query = useQuery({
    queryKey: ['approval', approvalId],
    queryFn: () => fetchApproval(approvalId ?? ''),
    enabled: approvalId !== undefined,
    ...(props.listed ? { initialData: props.listed } : {}),
  });
  const approval = query.data;
  const decide = useMutation({
    mutationFn: ({ decision }: { decision: Decision }) => {
      if (!approval) throw new Error('no approval open');
      return decideApproval(approval, decision, note);
    },
    onSuccess: (decided, { decision }) => {
      queryClient.setQueryData(['approval', decided.id], decided);
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      message.success(t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected'));
      props.onDecided?.(decided);
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'approval_not_pending' || error.code === 'version_conflict')) {
        void query.refetch();
      }
    },
  });
  const { reset } = decide;
  // A newly opened approval starts with an empty note and no old error.
  useEffect(() => {
    setNote('');
    reset();
  }, [approvalId, reset]);
  const summaryOf = useApprovalSummary(props.directory);
  /** `{error: 'insufficient_funds', detail}` → 余额不足，未记账; unknown codes show the server's words. */
  const failureText = (result: unknown): string => {
    if (typeof result === 'object' && result !== null && 'error' in result) {
      const { error, detail } = result as { error: unknown; detail?: unknown };
      const fallback = typeof detail === 'string' && detail ? `${String(error)}: ${detail}` : String(error);
      return t(`approvals.failures.${String(error)}`, { defaultValue: fallback });
    }
    return JSON.stringify(result);
  };
  const nameOf = (id: string | null) =>
    id === me.id ? `${me.displayName} (${me.username})` : id ? staffLabel(props.directory, id) : '—';
  const isPending = approval?.status === 'pending';
  const summaryItems = (a: Approval): DescriptionsProps['items'] => {
    const item = (key: string, label: string, children: ReactNode) => ({ key, label, children });
    const rows = [
      item('action', t('approvals.action'), <ApprovalActionLabel action={a.action} />),
      item(
        'summary',
        t('approvals.summary'),
        <span data-testid="approval-summary" title={a.summary}>
          {summaryOf(a)}
        </span>,
      ),
      item('status', t('approvals.columns.status'), <ApprovalStatusTag status={a.status} />),
      item('maker', t('approvals.maker'), nameOf(a.makerId)),
      item('createdAt', t('approvals.createdAt'), formatDateTime(a.createdAt, language)),
      a.targetType
        ? item(
            'target',
            t('approvals.target'),
            <Typography.Text code>{`${a.targetType}:${a.targetId ?? ''}`}</Typography.Text>,
          )
        : null,
      a.checkerId ? item('checker', t('approvals.checker'), nameOf(a.checkerId)) : null,
      a.decidedAt ? item('decidedAt', t('approvals.decidedAt'), formatDateTime(a.decidedAt, language)) : null,
      a.decisionNote ? item('note', t('approvals.decisionNote'), a.decisionNote) : null,
      a.status === 'failed' && a.result != null
        ? item(
            'result',
            t('approvals.result'),
            <Typography.Text type="danger" data-testid="approval-failure">
              {failureText(a.result)}
            </Typography.Text>,
          )
        : null,
    ];
    return rows.filter((row) => row !== null);
  };
  return (
    <Drawer
      open={approvalId !== undefined}
      onClose={props.onClose}
      size={screens.md ? 560 : '100%'}
      title={t('approvals.detailTitle')}
      data-testid="approval-drawer"
      footer={
        isPending ? (
          <Flex gap={8} justify="flex-end">
            <Button
              danger
              loading={decide.isPending && decide.variables?.decision === 'reject'}
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'reject' })}
              data-testid="reject-button"
            >
              {t('approvals.reject')}
            </Button>
            <Button
              type="primary"
              loading={decide.isPending && decide.variables?.decision === 'approve'}
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'approve' })}
              data-testid="approve-button"
            >
              {t('approvals.approve')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {query.isError ? <Alert type="error" showIcon title={problemText(t, query.error)} /> : null}
      {approval ? (
        <Flex vertical gap={16}>
          {decide.isError ? (
            <Alert
              type="error"
              showIcon
              title={t('approvals.decisionFailed')}
              description={[problemText(t, decide.error), problemDetail(decide.error)]
                .filter(Boolean)
                .join(' — ')}
              data-testid="approval-error"
            />
          ) : null}
          {isPending && approval.makerId === me.id ? (
            <Alert type="info" showIcon title={t('approvals.ownProposal')} data-testid="approval-own-hint" />
          ) : null}
          <Descriptions column={1} size="small" bordered items={summaryItems(approval)} />
          <div>
            <Typography.Title level={5}>{t('approvals.details')}</Typography.Title>
            <ApprovalDetails details={approval.details} directory={props.directory} />
          </div>
          {isPending ? (
            <div>
              <Typography.Title level={5}>{t('approvals.note')}</Typography.Title>
              <Input.TextArea
                value={note}
                onChange={(event) => setNote(event.target.value)}
                placeholder={t('approvals.notePlaceholder')}
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 5 }}
                data-testid="approval-note"
              />
            </div>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
