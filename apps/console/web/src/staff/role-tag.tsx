import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<string, string> = {
  admin: 'red',
  auditor: 'purple',
  risk_officer: 'volcano',
  underwriter: 'orange',
  operations: 'cyan',
  analyst: 'geekblue',
  service_desk: 'green',
};

/** A role as a coloured tag in the current language. */
export function RoleTag(props: { role: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLORS[props.role] ?? 'blue'} title={props.role} data-testid={`role-tag-${props.role}`}>
      {t(`roles.${props.role}`, { defaultValue: props.role })}
    </Tag>
  );
}
