import { currentLanguage } from '@onefin/ui';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clearPicks, MAX_COMPARE, setPicked, useComparePicks } from './compare-store.ts';
import { productName } from './figures.ts';

/** Docked under the list while products are picked: what is picked, clear, and 开始对比. */
export function CompareBar() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const picks = useComparePicks();
  if (picks.length === 0) return null;
  return (
    <div className="compare-bar" data-testid="compare-bar">
      <Flex align="center" gap={8} wrap className="compare-bar__inner">
        <Typography.Text strong data-testid="compare-count">
          {t('compare.picked', { count: picks.length, max: MAX_COMPARE })}
        </Typography.Text>
        <Flex gap={4} wrap className="compare-bar__picks">
          {picks.map((pick) => (
            <Tag key={pick.id} closable onClose={() => setPicked(pick, false)} className="compare-bar__pick">
              {productName(pick, language)}
            </Tag>
          ))}
        </Flex>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button onClick={clearPicks} data-testid="compare-clear">
            {t('compare.clear')}
          </Button>
          <Button
            type="primary"
            disabled={picks.length < 2}
            onClick={() =>
              navigate(`/products/compare?ids=${picks.map((p) => encodeURIComponent(p.id)).join(',')}`)
            }
            data-testid="compare-button"
          >
            {t('compare.start')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}
