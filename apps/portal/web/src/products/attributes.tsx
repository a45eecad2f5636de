import {
  currentLanguage,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  type Language,
} from '@onefin/ui';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyDto } from '../account/api.ts';
import { headlineOf, kindText, minimumLabel, monthsText, pct } from './figures.ts';
import { RiskTag } from './risk.tsx';
import type { ProductAttributes, ProductDetail, SubscriptionTier } from './types.ts';

/** One line of a product's terms: a stable key (compare rows line up by it), a label, the value. */
export interface AttributeRow {
  key: string;
  label: string;
  value: ReactNode;
}

function money(m: MoneyDto, language: Language): string {
  return formatMoney(m.amount, m.currency, language);
}

function moneyRange(min: MoneyDto, max: MoneyDto, language: Language): string {
  return `${money(min, language)} – ${money(max, language)}`;
}

function list(values: readonly string[], language: Language): string {
  return values.join(language === 'en' ? ', ' : '、');
}

/** A fund's standard subscription fee: the rate of its first (smallest-amount) tier. */
function subscriptionFeeText(tier: SubscriptionTier | undefined, t: TFunction, language: Language): string {
  if (!tier) return '—';
  return 'rate' in tier
    ? pct(tier.rate, language)
    : t('products.fees.perOrder', { fee: money(tier.fixedFee, language) });
}

/**
 * The terms sheet of each kind in words, in the order a customer reads them; what the common rows
 * already say (kind and sub-type, headline figures, minimum) is not repeated.
 */
function kindRows(a: ProductAttributes, t: TFunction, language: Language): AttributeRow[] {
  const row = (key: string, value: ReactNode): AttributeRow => ({
    key,
    label: t(`products.attr.${key}`),
    value,
  });
  switch (a.kind) {
    case 'fund':
      return [
        row('fundCode', a.fundCode),
        row('company', a.company),
        row('manager', a.manager),
        row('inceptionDate', formatDate(a.inceptionDate, language)),
        ...(a.benchmark ? [row('benchmark', a.benchmark)] : []),
        row('subscriptionFee', subscriptionFeeText(a.subscriptionFees[0], t, language)),
        row(
          'managementFeeRate',
          t('products.units.perYearRate', { rate: pct(a.managementFeeRate, language) }),
        ),
        row('custodyFeeRate', t('products.units.perYearRate', { rate: pct(a.custodyFeeRate, language) })),
      ];
    case 'wealth':
      return [
        row('issuer', a.issuer),
        row('increment', money(a.increment, language)),
        row(
          'coolingOff',
          a.coolingOffHours > 0 ? t('products.units.hours', { count: a.coolingOffHours }) : t('common.none'),
        ),
        row('size', money(a.size, language)),
      ];
    case 'deposit':
      return [
        row('earlyWithdrawalRate', pct(a.earlyWithdrawalRate, language)),
        row('interestPayment', t(`products.values.interestPayment.${a.interestPayment}`)),
        row('dayCount', t(`products.values.dayCount.${a.dayCount}`)),
        row('autoRenew', t(a.autoRenew ? 'products.values.yes' : 'products.values.no')),
      ];
    case 'loan':
    case 'corporate_loan':
      return [
        row('loanTerms', monthsText(a.termsMonths, t)),
        row('loanAmount', moneyRange(a.minAmount, a.maxAmount, language)),
        row(
          'repaymentMethods',
          list(
            a.repaymentMethods.map((m) => t(`products.values.repayment.${m}`, { defaultValue: m })),
            language,
          ),
        ),
        row('dayCount', t(`products.values.dayCount.${a.dayCount}`)),
        ...(a.penaltyRateMultiplier
          ? [row('penaltyRate', t('products.values.penalty', { multiplier: a.penaltyRateMultiplier }))]
          : []),
        ...(a.collateralRequired !== undefined
          ? [row('collateral', t(a.collateralRequired ? 'products.values.yes' : 'products.values.no'))]
          : []),
      ];
    case 'insurance':
      return [
        row('insurer', a.insurer),
        row(
          'coverageTerms',
          list(
            a.coverageTermsYears.map((y) => t('products.units.years', { count: y })),
            language,
          ),
        ),
        row('sumAssured', moneyRange(a.minSumAssured, a.maxSumAssured, language)),
        row(
          'paymentModes',
          list(
            a.paymentModes.map((m) => t(`products.values.paymentMode.${m}`)),
            language,
          ),
        ),
        row('hesitation', t('products.units.days', { count: a.hesitationDays })),
        row('waiting', t('products.units.days', { count: a.waitingDays })),
      ];
    case 'group_insurance':
      return [
        row('insurer', a.insurer),
        row('members', `${a.minMembers}–${a.maxMembers}`),
        row('coverageTerms', t('products.units.years', { count: a.coverageTermYears })),
        row('sumAssuredPerMember', money(a.sumAssuredPerMember, language)),
        row('hesitation', t('products.units.days', { count: a.hesitationDays })),
      ];
    case 'enterprise_annuity':
      return [
        row('trustee', a.trustee),
        row('investmentManager', a.investmentManager),
        row('employerContributionMax', pct(a.employerContributionMax, language)),
        row('combinedContributionMax', pct(a.combinedContributionMax, language)),
        row('vesting', t('products.units.years', { count: a.vestingYears })),
        row(
          'managementFeeRate',
          t('products.units.perYearRate', { rate: pct(a.managementFeeRate, language) }),
        ),
      ];
  }
}

/** Everything the product page and the compare table show about a product: common rows, then its kind's. */
export function attributeRows(p: ProductDetail, t: TFunction, language: Language): AttributeRow[] {
  const headline = headlineOf(p, t, language);
  const rows: AttributeRow[] = [
    { key: 'kind', label: t('products.attr.kind'), value: kindText(p, t) },
    { key: 'code', label: t('products.attr.code'), value: p.code },
    { key: 'riskLevel', label: t('products.attr.riskLevel'), value: <RiskTag level={p.riskLevel} /> },
    {
      key: 'headline',
      label: headline.main.label,
      value: <span className={`figure-value--${headline.main.tone}`}>{headline.main.value}</span>,
    },
  ];
  if (headline.secondary) {
    rows.push({ key: 'headline2', label: headline.secondary.label, value: headline.secondary.value });
  }
  if (p.minimumAmount) {
    rows.push({ key: 'minimum', label: minimumLabel(p.kind, t), value: money(p.minimumAmount, language) });
  }
  if (p.salesStart || p.salesEnd) {
    rows.push({
      key: 'salesWindow',
      label: t('products.attr.salesWindow'),
      value: `${formatDateTime(p.salesStart, language)} – ${p.salesEnd ? formatDateTime(p.salesEnd, language) : t('products.values.open')}`,
    });
  }
  return [...rows, ...kindRows(p.attributes, t, language)];
}

/** A fund's fee tiers: subscription by amount, redemption by holding period. */
export function FeeTiers(props: { attributes: ProductAttributes }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const a = props.attributes;
  if (a.kind !== 'fund') return null;
  const subscription = a.subscriptionFees.map((tier, i) => {
    const next = a.subscriptionFees[i + 1];
    const isFirst = i === 0;
    const range = next
      ? t(isFirst ? 'products.fees.amountBelow' : 'products.fees.amountRange', {
          from: money(tier.fromAmount, language),
          to: money(next.fromAmount, language),
        })
      : t(isFirst ? 'products.fees.anyAmount' : 'products.fees.amountFrom', {
          from: money(tier.fromAmount, language),
        });
    const fee =
      'rate' in tier
        ? pct(tier.rate, language)
        : t('products.fees.perOrder', { fee: money(tier.fixedFee, language) });
    return { key: `s${i}`, range, fee };
  });
  const redemption = a.redemptionFees.map((tier, i) => {
    const next = a.redemptionFees[i + 1];
    const range = next
      ? t(i === 0 ? 'products.fees.daysBelow' : 'products.fees.daysRange', {
          from: tier.minHoldingDays,
          to: next.minHoldingDays,
        })
      : t(tier.minHoldingDays === 0 ? 'products.fees.anyHolding' : 'products.fees.daysFrom', {
          from: tier.minHoldingDays,
        });
    return { key: `r${i}`, range, fee: pct(tier.rate, language) };
  });
  return (
    <div className="fee-tiers" data-testid="fee-tiers">
      <FeeTable
        title={t('products.fees.subscription')}
        head={t('products.fees.amount')}
        rows={subscription}
      />
      <FeeTable title={t('products.fees.redemption')} head={t('products.fees.holding')} rows={redemption} />
    </div>
  );
}

function FeeTable(props: {
  title: string;
  head: string;
  rows: { key: string; range: string; fee: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="fee-table">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th>{props.head}</th>
            <th>{t('products.fees.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <td>{r.range}</td>
              <td>{r.fee}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Insurance premiums per 1,000 of sum assured, by age band, gender and term. */
export function PremiumTable(props: { attributes: ProductAttributes }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const a = props.attributes;
  if (a.kind !== 'insurance') return null;
  const rows = [...a.premiumRates].sort(
    (x, y) => x.termYears - y.termYears || x.ageFrom - y.ageFrom || x.gender.localeCompare(y.gender),
  );
  return (
    <div className="table-scroll" data-testid="premium-table">
      <table className="fee-table premium-table">
        <thead>
          <tr>
            <th>{t('products.premium.term')}</th>
            <th>{t('products.premium.age')}</th>
            <th>{t('products.premium.gender')}</th>
            <th>{t('products.premium.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.termYears}-${r.ageFrom}-${r.gender}`}>
              <td>{t('products.units.years', { count: r.termYears })}</td>
              <td>{t('products.premium.ages', { from: r.ageFrom, to: r.ageTo })}</td>
              <td>{t(`products.premium.${r.gender}`)}</td>
              <td>{formatDecimal(r.ratePer1000, language, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
