import { TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from './i18n.ts';

/**
 * A header button that switches between 简体中文 and English; the choice is remembered.
 * Items carry `data-testid="language-option-<lang>"`, the button `data-testid="language-switch"`.
 */
export function LanguageSwitch(props: { isCompact?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((lang) => ({
          key: lang,
          label: <span data-testid={`language-option-${lang}`}>{t(`language.${lang}`)}</span>,
        })),
        onClick: ({ key }) => void i18n.changeLanguage(key),
      }}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        data-testid="language-switch"
        aria-label={t('language.label')}
      >
        {props.isCompact ? null : t(`language.${language}`)}
      </Button>
    </Dropdown>
  );
}
