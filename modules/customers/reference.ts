/**
 * The code lists a customer record is filled from, with Chinese and English labels: provinces
 * (GB/T 2260 province-level codes), occupations and income bands as on account-opening forms,
 * industries (GB/T 4754 sections) and enterprise sizes (大中小微, the MIIT classification).
 */
export interface Label {
  nameZh: string;
  nameEn: string;
}

export const PROVINCES = {
  '11': { nameZh: '北京市', nameEn: 'Beijing' },
  '12': { nameZh: '天津市', nameEn: 'Tianjin' },
  '13': { nameZh: '河北省', nameEn: 'Hebei' },
  '14': { nameZh: '山西省', nameEn: 'Shanxi' },
  '15': { nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia' },
  '21': { nameZh: '辽宁省', nameEn: 'Liaoning' },
  '22': { nameZh: '吉林省', nameEn: 'Jilin' },
  '23': { nameZh: '黑龙江省', nameEn: 'Heilongjiang' },
  '31': { nameZh: '上海市', nameEn: 'Shanghai' },
  '32': { nameZh: '江苏省', nameEn: 'Jiangsu' },
  '33': { nameZh: '浙江省', nameEn: 'Zhejiang' },
  '34': { nameZh: '安徽省', nameEn: 'Anhui' },
  '35': { nameZh: '福建省', nameEn: 'Fujian' },
  '36': { nameZh: '江西省', nameEn: 'Jiangxi' },
  '37': { nameZh: '山东省', nameEn: 'Shandong' },
  '41': { nameZh: '河南省', nameEn: 'Henan' },
  '42': { nameZh: '湖北省', nameEn: 'Hubei' },
  '43': { nameZh: '湖南省', nameEn: 'Hunan' },
  '44': { nameZh: '广东省', nameEn: 'Guangdong' },
  '45': { nameZh: '广西壮族自治区', nameEn: 'Guangxi' },
  '46': { nameZh: '海南省', nameEn: 'Hainan' },
  '50': { nameZh: '重庆市', nameEn: 'Chongqing' },
  '51': { nameZh: '四川省', nameEn: 'Sichuan' },
  '52': { nameZh: '贵州省', nameEn: 'Guizhou' },
  '53': { nameZh: '云南省', nameEn: 'Yunnan' },
  '54': { nameZh: '西藏自治区', nameEn: 'Tibet' },
  '61': { nameZh: '陕西省', nameEn: 'Shaanxi' },
  '62': { nameZh: '甘肃省', nameEn: 'Gansu' },
  '63': { nameZh: '青海省', nameEn: 'Qinghai' },
  '64': { nameZh: '宁夏回族自治区', nameEn: 'Ningxia' },
  '65': { nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' },
  '71': { nameZh: '台湾省', nameEn: 'Taiwan' },
  '81': { nameZh: '香港特别行政区', nameEn: 'Hong Kong' },
  '82': { nameZh: '澳门特别行政区', nameEn: 'Macao' },
} as const satisfies Record<string, Label>;
export type ProvinceCode = keyof typeof PROVINCES;

export const OCCUPATIONS = {
  civil_servant: { nameZh: '党政机关、事业单位人员', nameEn: 'Civil servant / public institution' },
  enterprise_staff: { nameZh: '企业职员', nameEn: 'Company employee' },
  manager: { nameZh: '企业管理人员', nameEn: 'Company manager' },
  professional: {
    nameZh: '专业技术人员（医生、律师、教师等）',
    nameEn: 'Professional (doctor, lawyer, teacher…)',
  },
  finance: { nameZh: '金融从业人员', nameEn: 'Financial services' },
  business_owner: { nameZh: '私营业主、个体工商户', nameEn: 'Business owner / self-employed' },
  worker: { nameZh: '生产、运输、服务业人员', nameEn: 'Production, transport or service worker' },
  farmer: { nameZh: '农林牧渔业人员', nameEn: 'Agriculture, forestry, fishery' },
  military: { nameZh: '军人', nameEn: 'Military' },
  freelancer: { nameZh: '自由职业者', nameEn: 'Freelancer' },
  student: { nameZh: '学生', nameEn: 'Student' },
  retired: { nameZh: '离退休人员', nameEn: 'Retired' },
  unemployed: { nameZh: '无业', nameEn: 'Not employed' },
  other: { nameZh: '其他', nameEn: 'Other' },
} as const satisfies Record<string, Label>;
export type Occupation = keyof typeof OCCUPATIONS;

/** Personal annual income before tax, CNY. */
export const INCOME_BANDS = {
  under_100k: { nameZh: '10万元以下', nameEn: 'Under 100,000' },
  '100k_300k': { nameZh: '10万–30万元', nameEn: '100,000–300,000' },
  '300k_500k': { nameZh: '30万–50万元', nameEn: '300,000–500,000' },
  '500k_1m': { nameZh: '50万–100万元', nameEn: '500,000–1,000,000' },
  over_1m: { nameZh: '100万元以上', nameEn: 'Over 1,000,000' },
} as const satisfies Record<string, Label>;
export type IncomeBand = keyof typeof INCOME_BANDS;

/** GB/T 4754-2017 sections (门类). */
export const INDUSTRIES = {
  A: { nameZh: '农、林、牧、渔业', nameEn: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { nameZh: '采矿业', nameEn: 'Mining' },
  C: { nameZh: '制造业', nameEn: 'Manufacturing' },
  D: { nameZh: '电力、热力、燃气及水生产和供应业', nameEn: 'Electricity, heat, gas and water' },
  E: { nameZh: '建筑业', nameEn: 'Construction' },
  F: { nameZh: '批发和零售业', nameEn: 'Wholesale and retail' },
  G: { nameZh: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and post' },
  H: { nameZh: '住宿和餐饮业', nameEn: 'Accommodation and catering' },
  I: { nameZh: '信息传输、软件和信息技术服务业', nameEn: 'Information technology' },
  J: { nameZh: '金融业', nameEn: 'Finance' },
  K: { nameZh: '房地产业', nameEn: 'Real estate' },
  L: { nameZh: '租赁和商务服务业', nameEn: 'Leasing and business services' },
  M: { nameZh: '科学研究和技术服务业', nameEn: 'Scientific research and technical services' },
  N: { nameZh: '水利、环境和公共设施管理业', nameEn: 'Water, environment and public facilities' },
  O: { nameZh: '居民服务、修理和其他服务业', nameEn: 'Resident and repair services' },
  P: { nameZh: '教育', nameEn: 'Education' },
  Q: { nameZh: '卫生和社会工作', nameEn: 'Health and social work' },
  R: { nameZh: '文化、体育和娱乐业', nameEn: 'Culture, sports and entertainment' },
  S: { nameZh: '公共管理、社会保障和社会组织', nameEn: 'Public administration and social organisations' },
  T: { nameZh: '国际组织', nameEn: 'International organisations' },
} as const satisfies Record<string, Label>;
export type Industry = keyof typeof INDUSTRIES;

export const ENTERPRISE_SIZES = {
  micro: { nameZh: '微型企业', nameEn: 'Micro' },
  small: { nameZh: '小型企业', nameEn: 'Small' },
  medium: { nameZh: '中型企业', nameEn: 'Medium' },
  large: { nameZh: '大型企业', nameEn: 'Large' },
} as const satisfies Record<string, Label>;
export type EnterpriseSize = keyof typeof ENTERPRISE_SIZES;

/** The keys of a code list, typed, for zod enums and checks. */
export function codesOf<T extends Record<string, Label>>(
  list: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(list) as [keyof T & string, ...(keyof T & string)[]];
}

function namesIn<T extends Record<string, Label>>(list: T, language: 'zh-CN' | 'en') {
  return Object.fromEntries(
    Object.entries(list).map(([code, label]) => [code, language === 'en' ? label.nameEn : label.nameZh]),
  ) as Record<keyof T & string, string>;
}

/**
 * The code lists as an i18n message tree in one language: both web apps label codes from here
 * (`@onefin/customers/reference`, plain data), so a new code is named once.
 */
export function referenceMessages(language: 'zh-CN' | 'en') {
  return {
    provinces: namesIn(PROVINCES, language),
    occupations: namesIn(OCCUPATIONS, language),
    incomeBands: namesIn(INCOME_BANDS, language),
    industries: namesIn(INDUSTRIES, language),
    sizes: namesIn(ENTERPRISE_SIZES, language),
  };
}
