import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, StaffName } from '../api.ts';

const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

export function OutcomeTag(props: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLORS[props.outcome] ?? 'default'}>
      {t(`audit.outcome.${props.outcome}`, { defaultValue: props.outcome })}
    </Tag>
  );
}

/** The actor's kind and, for staff, their name; the full id is a tooltip away and copyable. */
export function ActorCell(props: { entry: AuditEntry; directory: Map<string, StaffName> }) {
  const { t } = useTranslation();
  const { actorType, actorId } = props.entry;
  const staff = actorType === 'staff' ? props.directory.get(actorId) : undefined;
  return (
    <Flex align="center" gap={4} style={{ minWidth: 0 }}>
      <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
        {t(`audit.actorType.${actorType}`, { defaultValue: actorType })}
      </Tag>
      <Typography.Text ellipsis={{ tooltip: actorId }} copyable={{ text: actorId }} style={{ minWidth: 0 }}>
        {staff?.displayName ?? actorId}
      </Typography.Text>
    </Flex>
  );
}
