import type { Questionnaire } from '../questionnaire.ts';
import { bandsUpTo } from './bands.ts';

/**
 * 机构投资者风险承受能力评估问卷 (version 1): financial strength, share of funds invested,
 * professional capacity, experience, horizon and attitude to loss. Scores run 9–70.
 */
export const CORPORATE_QUESTIONNAIRE_V1: Questionnaire = {
  id: 'rtq-corporate-v1',
  customerType: 'corporate',
  version: 1,
  titleZh: '机构投资者风险承受能力评估问卷',
  titleEn: 'Institutional investor risk tolerance questionnaire',
  questions: [
    {
      id: 'net_assets',
      textZh: '贵单位最近一期经审计的净资产规模是？',
      textEn: 'What are your net assets in the latest audited accounts?',
      options: [
        { id: 'a', textZh: '500 万元以下', textEn: 'Under CNY 5 million', score: 2 },
        { id: 'b', textZh: '500 万–2,000 万元', textEn: 'CNY 5–20 million', score: 4 },
        { id: 'c', textZh: '2,000 万–1 亿元', textEn: 'CNY 20–100 million', score: 7 },
        { id: 'd', textZh: '1 亿元以上', textEn: 'Over CNY 100 million', score: 10 },
      ],
    },
    {
      id: 'revenue',
      textZh: '贵单位上一年度营业收入是？',
      textEn: 'What was your revenue last year?',
      options: [
        { id: 'a', textZh: '1,000 万元以下', textEn: 'Under CNY 10 million', score: 2 },
        { id: 'b', textZh: '1,000 万–5,000 万元', textEn: 'CNY 10–50 million', score: 4 },
        { id: 'c', textZh: '5,000 万–2 亿元', textEn: 'CNY 50–200 million', score: 7 },
        { id: 'd', textZh: '2 亿元以上', textEn: 'Over CNY 200 million', score: 10 },
      ],
    },
    {
      id: 'fund_share',
      textZh: '拟投资资金占贵单位净资产的比例是？',
      textEn: 'What share of your net assets do you plan to invest?',
      options: [
        { id: 'a', textZh: '50% 以上', textEn: 'Over 50%', score: 2 },
        { id: 'b', textZh: '30%–50%', textEn: '30%–50%', score: 4 },
        { id: 'c', textZh: '10%–30%', textEn: '10%–30%', score: 7 },
        { id: 'd', textZh: '10% 以下', textEn: 'Under 10%', score: 10 },
      ],
    },
    {
      id: 'investment_team',
      textZh: '贵单位是否有专门的投资管理人员？',
      textEn: 'Do you have staff dedicated to managing investments?',
      options: [
        { id: 'a', textZh: '没有', textEn: 'No', score: 1 },
        { id: 'b', textZh: '有兼职人员', textEn: 'Part-time staff', score: 5 },
        {
          id: 'c',
          textZh: '有专职团队，且具有相关从业资格',
          textEn: 'A dedicated, qualified team',
          score: 10,
        },
      ],
    },
    {
      id: 'experience',
      textZh: '贵单位投资金融产品的经验是？',
      textEn: 'What is your experience of investing in financial products?',
      options: [
        { id: 'a', textZh: '仅有银行存款', textEn: 'Bank deposits only', score: 0 },
        { id: 'b', textZh: '购买过银行理财、债券等', textEn: 'Bank wealth products, bonds', score: 4 },
        { id: 'c', textZh: '投资过基金、股票等', textEn: 'Funds, shares', score: 7 },
        { id: 'd', textZh: '参与过期货、衍生品等', textEn: 'Futures, derivatives', score: 10 },
      ],
    },
    {
      id: 'horizon',
      textZh: '拟投资资金的投资期限是？',
      textEn: 'For how long will the funds stay invested?',
      options: [
        { id: 'a', textZh: '1 年以内', textEn: 'Under 1 year', score: 2 },
        { id: 'b', textZh: '1–3 年', textEn: '1–3 years', score: 6 },
        { id: 'c', textZh: '3 年以上', textEn: 'Over 3 years', score: 10 },
      ],
    },
    {
      id: 'loss_tolerance',
      textZh: '贵单位能承受的最大投资本金损失是？',
      textEn: 'What is the largest loss of principal you could bear?',
      options: [
        { id: 'a', textZh: '不能承受任何损失', textEn: 'No loss at all', score: 0, capLevel: 'C1' },
        { id: 'b', textZh: '10% 以内', textEn: 'Up to 10%', score: 4 },
        { id: 'c', textZh: '10%–30%', textEn: '10%–30%', score: 7 },
        { id: 'd', textZh: '30% 以上', textEn: 'Over 30%', score: 10 },
      ],
    },
  ],
  bands: bandsUpTo([14, 28, 42, 56], 70),
};
