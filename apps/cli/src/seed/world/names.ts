import { type Rng, weightedPicker } from './random.ts';

/**
 * Chinese personal names. Surnames: the ~100 most common, with their approximate share of the
 * population (%, Ministry of Public Security household-registration figures, rounded; the top five
 * alone cover about 30%). Given names: one or two characters drawn from pools that differ by gender
 * and by the era of birth (建国 and 秀英 are 1950s names; 子轩 and 欣怡 are 2000s names).
 */
const SURNAME_TABLE = `王 wang 7.25,李 li 7.19,张 zhang 6.83,刘 liu 5.38,陈 chen 4.53,杨 yang 3.08,赵 zhao 2.29,
黄 huang 2.23,吴 wu 2.05,周 zhou 1.95,徐 xu 1.46,孙 sun 1.38,马 ma 1.29,朱 zhu 1.28,胡 hu 1.16,郭 guo 1.13,
何 he 1.06,林 lin 1.02,高 gao 1.0,罗 luo 0.99,郑 zheng 0.87,梁 liang 0.85,谢 xie 0.76,宋 song 0.73,唐 tang 0.72,
许 xu 0.66,韩 han 0.66,冯 feng 0.65,邓 deng 0.64,曹 cao 0.63,彭 peng 0.61,曾 zeng 0.6,肖 xiao 0.59,田 tian 0.58,
董 dong 0.57,袁 yuan 0.54,潘 pan 0.53,于 yu 0.52,蒋 jiang 0.51,蔡 cai 0.5,余 yu 0.49,杜 du 0.48,叶 ye 0.47,
程 cheng 0.46,苏 su 0.44,魏 wei 0.43,吕 lv 0.42,丁 ding 0.41,任 ren 0.4,沈 shen 0.39,姚 yao 0.38,卢 lu 0.37,
姜 jiang 0.36,崔 cui 0.35,钟 zhong 0.34,谭 tan 0.33,陆 lu 0.32,汪 wang 0.31,范 fan 0.3,金 jin 0.3,石 shi 0.29,
廖 liao 0.29,贾 jia 0.28,夏 xia 0.27,韦 wei 0.27,付 fu 0.26,方 fang 0.26,白 bai 0.25,邹 zou 0.25,孟 meng 0.24,
熊 xiong 0.24,秦 qin 0.23,邱 qiu 0.23,江 jiang 0.22,尹 yin 0.22,薛 xue 0.21,闫 yan 0.21,段 duan 0.2,雷 lei 0.2,
侯 hou 0.19,龙 long 0.19,史 shi 0.18,陶 tao 0.18,黎 li 0.17,贺 he 0.17,顾 gu 0.17,毛 mao 0.16,郝 hao 0.16,
龚 gong 0.16,邵 shao 0.15,万 wan 0.15,钱 qian 0.15,严 yan 0.14,覃 qin 0.14,武 wu 0.14,戴 dai 0.13,莫 mo 0.13,
孔 kong 0.13,向 xiang 0.12,汤 tang 0.12,欧阳 ouyang 0.05,上官 shangguan 0.01,司马 sima 0.01,诸葛 zhuge 0.01`;

export interface Surname {
  zh: string;
  pinyin: string;
  /** Share of the population, %. */
  share: number;
}

export const SURNAMES: readonly Surname[] = SURNAME_TABLE.split(',').map((entry) => {
  const [zh = '', pinyin = '', share = '0'] = entry.trim().split(' ');
  return { zh, pinyin, share: Number(share) };
});

const pickSurname = weightedPicker(
  SURNAMES,
  SURNAMES.map((s) => s.share),
);

export function randomSurname(rng: Rng): Surname {
  return pickSurname(rng);
}

export type Gender = 'male' | 'female';
/** Naming fashions by year of birth: before 1965, 1965–1989, 1990 on. */
type Era = 'early' | 'middle' | 'recent';

interface NamePool {
  /** Characters used alone, as a one-character given name. */
  single: string;
  first: string;
  second: string;
  /** Share of one-character given names in this era. */
  singleShare: number;
}

const POOLS: Record<Gender, Record<Era, NamePool>> = {
  male: {
    early: {
      single: '军平华明林强刚勇忠山福海成伟斌',
      first: '建国志德文永振福春金长宝庆卫海立明世家玉',
      second: '国华军明平林民生荣强忠山成东祥发福贵安新',
      singleShare: 0.25,
    },
    middle: {
      single: '伟磊勇军杰涛斌强鹏辉超浩亮俊峰波刚明飞鑫凯健宁',
      first: '晓志海建俊文永鹏伟家宏立国振明子鸿智',
      second: '伟东勇刚涛军杰峰辉斌波强亮明龙鹏飞超磊华平',
      singleShare: 0.35,
    },
    recent: {
      single: '睿宇浩轩泽航皓鑫晨昊哲阳博凯',
      first: '子浩宇俊梓一晨博思嘉天明文泽睿皓奕承家沐',
      second: '轩然航熙豪鸣阳文远宇泽辰睿铭博杰晨霖川洋',
      singleShare: 0.15,
    },
  },
  female: {
    early: {
      single: '红英华兰珍梅芳霞琴萍云',
      first: '秀桂玉淑凤丽素美翠春金红彩月惠',
      second: '英兰珍芳华梅琴霞云荣莲香娥凤菊',
      singleShare: 0.2,
    },
    middle: {
      single: '丽静敏燕艳娟霞芳娜丹玲婷雪萍红琳莉颖洁',
      first: '丽晓海春雪秀婷静小玉美红艳丹慧文佳',
      second: '燕娟丽梅红霞玲萍芳静敏琳婷莉洁颖娜艳',
      singleShare: 0.35,
    },
    recent: {
      single: '琪萱妍涵悦彤璐婧瑶欣琳',
      first: '欣梓诗雨子可思佳一梦紫若婉嘉雅语心晨',
      second: '怡涵桐馨琪欣诺瑶曦婷妍萱彤悦琳然月菲',
      singleShare: 0.15,
    },
  },
};

const eraOf = (birthYear: number): Era =>
  birthYear < 1965 ? 'early' : birthYear < 1990 ? 'middle' : 'recent';

const charAt = (rng: Rng, chars: string): string => chars.charAt(rng.int(0, chars.length - 1));

/** A given name fitting the gender and the fashions of the birth year. */
export function randomGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  const pool = POOLS[gender][eraOf(birthYear)];
  if (rng.chance(pool.singleShare)) return charAt(rng, pool.single);
  const first = charAt(rng, pool.first);
  let second = charAt(rng, pool.second);
  // 婷婷, 静静: doubled names happen, but only on purpose, mostly for girls.
  if (second === first && !(gender === 'female' && rng.chance(0.5))) second = charAt(rng, pool.second);
  return first + second;
}
