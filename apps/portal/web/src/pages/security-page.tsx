import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordCard } from '../security/change-password-card.tsx';
import { SessionsCard } from '../security/sessions-card.tsx';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('security.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ChangePasswordCard />
        </Col>
        <Col xs={24} lg={14}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
