import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The OneFin logo: a blue rounded square with "1" and the name beside it. */
export function BrandMark(props: { isInverted?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} className="brand-mark">
      <span className="brand-mark__logo" aria-hidden="true">
        1
      </span>
      <Typography.Text strong style={{ fontSize: 18, color: props.isInverted ? '#fff' : undefined }}>
        {t('brand.name')}
      </Typography.Text>
    </Flex>
  );
}
