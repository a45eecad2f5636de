import type { Questionnaire } from '../questionnaire.ts';
import { bandsUpTo } from './bands.ts';

/**
 * 个人投资者风险承受能力评估问卷 (version 1), modelled on the standard bank and securities forms:
 * capacity (age, income, share of assets), knowledge and experience, horizon and purpose, and
 * attitude to loss. Scores run 12–100. Frozen once published: a change is a new version.
 */
export const INDIVIDUAL_QUESTIONNAIRE_V1: Questionnaire = {
  id: 'rtq-individual-v1',
  customerType: 'individual',
  version: 1,
  titleZh: '个人投资者风险承受能力评估问卷',
  titleEn: 'Individual investor risk tolerance questionnaire',
  questions: [
    {
      id: 'age',
      textZh: '您的年龄是？',
      textEn: 'How old are you?',
      options: [
        { id: 'a', textZh: '18–30 岁', textEn: '18–30', score: 8 },
        { id: 'b', textZh: '31–40 岁', textEn: '31–40', score: 10 },
        { id: 'c', textZh: '41–50 岁', textEn: '41–50', score: 8 },
        { id: 'd', textZh: '51–60 岁', textEn: '51–60', score: 5 },
        { id: 'e', textZh: '60 岁以上', textEn: 'Over 60', score: 2 },
      ],
    },
    {
      id: 'income',
      textZh: '您的家庭年收入（税前）约为？',
      textEn: "What is your household's annual income before tax?",
      options: [
        { id: 'a', textZh: '10 万元以下', textEn: 'Under CNY 100,000', score: 2 },
        { id: 'b', textZh: '10 万–30 万元', textEn: 'CNY 100,000–300,000', score: 4 },
        { id: 'c', textZh: '30 万–50 万元', textEn: 'CNY 300,000–500,000', score: 6 },
        { id: 'd', textZh: '50 万–100 万元', textEn: 'CNY 500,000–1,000,000', score: 8 },
        { id: 'e', textZh: '100 万元以上', textEn: 'Over CNY 1,000,000', score: 10 },
      ],
    },
    {
      id: 'asset_share',
      textZh: '您计划用于投资的资金占家庭金融资产的比例是？',
      textEn: "What share of your household's financial assets do you plan to invest?",
      options: [
        { id: 'a', textZh: '70% 以上', textEn: 'Over 70%', score: 2 },
        { id: 'b', textZh: '50%–70%', textEn: '50%–70%', score: 4 },
        { id: 'c', textZh: '30%–50%', textEn: '30%–50%', score: 6 },
        { id: 'd', textZh: '10%–30%', textEn: '10%–30%', score: 8 },
        { id: 'e', textZh: '10% 以下', textEn: 'Under 10%', score: 10 },
      ],
    },
    {
      id: 'experience',
      textZh: '以下哪项最符合您的投资经验？',
      textEn: 'Which best describes your investment experience?',
      options: [
        {
          id: 'a',
          textZh: '除银行存款外，基本没有其他投资经验',
          textEn: 'Little beyond bank deposits',
          score: 0,
        },
        {
          id: 'b',
          textZh: '购买过银行理财、国债、保险等低风险产品',
          textEn: 'Bank wealth products, government bonds, insurance',
          score: 3,
        },
        { id: 'c', textZh: '购买过基金、股票等产品', textEn: 'Funds or shares', score: 6 },
        {
          id: 'd',
          textZh: '参与过期货、期权、融资融券等高风险投资',
          textEn: 'Futures, options, margin trading',
          score: 10,
        },
      ],
    },
    {
      id: 'experience_years',
      textZh: '您投资基金、股票等风险类产品的年限是？',
      textEn: 'For how long have you invested in funds, shares or other risky products?',
      options: [
        { id: 'a', textZh: '没有经验', textEn: 'Never', score: 0 },
        { id: 'b', textZh: '2 年以下', textEn: 'Under 2 years', score: 3 },
        { id: 'c', textZh: '2–5 年', textEn: '2–5 years', score: 6 },
        { id: 'd', textZh: '5–10 年', textEn: '5–10 years', score: 8 },
        { id: 'e', textZh: '10 年以上', textEn: 'Over 10 years', score: 10 },
      ],
    },
    {
      id: 'knowledge',
      textZh: '您对金融产品及其风险的了解程度是？',
      textEn: 'How well do you know financial products and their risks?',
      options: [
        { id: 'a', textZh: '非常有限', textEn: 'Very little', score: 1 },
        { id: 'b', textZh: '一般，了解基本概念', textEn: 'Some: I know the basic ideas', score: 4 },
        {
          id: 'c',
          textZh: '较丰富，能理解不同产品的风险与收益',
          textEn: 'Good: I understand the risks and returns of different products',
          score: 7,
        },
        {
          id: 'd',
          textZh: '专业，具有金融相关从业经历或资格',
          textEn: 'Professional: I have worked in finance or hold a qualification',
          score: 10,
        },
      ],
    },
    {
      id: 'horizon',
      textZh: '您计划的投资期限是？',
      textEn: 'How long do you plan to keep the money invested?',
      options: [
        { id: 'a', textZh: '1 年以内', textEn: 'Under 1 year', score: 2 },
        { id: 'b', textZh: '1–3 年', textEn: '1–3 years', score: 5 },
        { id: 'c', textZh: '3–5 年', textEn: '3–5 years', score: 8 },
        { id: 'd', textZh: '5 年以上', textEn: 'Over 5 years', score: 10 },
      ],
    },
    {
      id: 'purpose',
      textZh: '您投资的主要目的是？',
      textEn: 'What is the main purpose of your investment?',
      options: [
        { id: 'a', textZh: '保本保息，资产保值', textEn: 'Keep the principal safe', score: 2 },
        {
          id: 'b',
          textZh: '获得稳定收益，略高于存款利息',
          textEn: 'Steady returns a little above deposits',
          score: 5,
        },
        {
          id: 'c',
          textZh: '资产较快增长，能承担一定波动',
          textEn: 'Faster growth, accepting some swings',
          score: 8,
        },
        {
          id: 'd',
          textZh: '追求高收益，能承受大幅波动',
          textEn: 'High returns, accepting large swings',
          score: 10,
        },
      ],
    },
    {
      id: 'loss_tolerance',
      textZh: '您能承受的最大投资本金损失是？',
      textEn: 'What is the largest loss of principal you could bear?',
      options: [
        // 不能承受任何损失 → 最低类别 (CSRC 证券期货投资者适当性管理办法)
        { id: 'a', textZh: '不能承受任何损失', textEn: 'No loss at all', score: 0, capLevel: 'C1' },
        { id: 'b', textZh: '10% 以内', textEn: 'Up to 10%', score: 3 },
        { id: 'c', textZh: '10%–30%', textEn: '10%–30%', score: 6 },
        { id: 'd', textZh: '30%–50%', textEn: '30%–50%', score: 8 },
        { id: 'e', textZh: '50% 以上', textEn: 'Over 50%', score: 10 },
      ],
    },
    {
      id: 'drawdown_reaction',
      textZh: '如果您的投资在短期内下跌 20%，您会？',
      textEn: 'If your investment fell 20% in a short time, you would…',
      options: [
        { id: 'a', textZh: '立即全部卖出', textEn: 'Sell everything at once', score: 1 },
        { id: 'b', textZh: '卖出一部分', textEn: 'Sell part of it', score: 4 },
        { id: 'c', textZh: '继续持有，等待回升', textEn: 'Hold and wait for a recovery', score: 7 },
        { id: 'd', textZh: '追加投资', textEn: 'Invest more', score: 10 },
      ],
    },
  ],
  bands: bandsUpTo([20, 40, 60, 80], 100),
};
