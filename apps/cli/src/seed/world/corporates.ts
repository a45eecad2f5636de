import { type EnterpriseSize, type Industry, type ProvinceCode, usccCheckDigit } from '@onefin/customers';
import { fromEpochDay, toEpochDay } from './dates.ts';
import type { Relationship } from './households.ts';
import { ageOf, type Channel, type Individual, provinceOfCityCode } from './people.ts';
import { type Rng, weightedPicker } from './random.ts';
import type { City } from './regions.ts';

/**
 * Corporate customers: 城市 + 字号 + 行业 + 有限公司 names, valid unified social credit codes (the
 * embedded 9-character organisation code carries its own GB 11714 check character, as real ones do),
 * a GB/T 4754 section, a size class (MIIT 大中小微) with a headcount to match, and people among the
 * generated individuals: a legal representative, one to three authorised contacts, and employees.
 */
export type ContactRole = 'authorised_agent' | 'finance_manager' | 'hr_manager';

export interface Corporate {
  ref: string;
  name: string;
  uscc: string;
  industry: Industry;
  size: EnterpriseSize;
  /** Registered capital, fen. */
  registeredCapital: bigint;
  establishedOn: string;
  provinceCode: ProvinceCode;
  cityCode: string;
  city: string;
  address: string;
  /** Ref of the individual who is legal representative; `legalRepresentative` is their name. */
  legalRepresentativeRef: string;
  legalRepresentative: string;
  contacts: { individualRef: string; role: ContactRole }[];
  /** Headcount on the registry; only some of them are customers (`employeeRefs`). */
  employeeCount: number;
  employeeRefs: string[];
  openedOn: string;
  openedChannel: Channel;
}

/** Section, share of registered enterprises (%, rounded), and words that follow the 字号. */
const INDUSTRIES: [Industry, number, string][] = [
  ['F', 30, '贸易 商贸 供应链管理 百货 电子商务'],
  ['L', 12, '商务咨询 企业管理咨询 广告 人力资源服务'],
  ['C', 12, '机械制造 电子 食品 纺织 新材料 精密制造 包装制品'],
  ['I', 9, '科技 信息技术 网络科技 软件 数据服务'],
  ['M', 9, '技术服务 检测技术 生物科技 工程设计'],
  ['E', 7, '建设工程 建筑安装 装饰工程 市政工程'],
  ['O', 4, '家政服务 汽车维修 物业服务'],
  ['G', 4, '物流 运输 仓储 快递服务'],
  ['H', 3, '餐饮管理 酒店管理 食品连锁'],
  ['K', 3, '房地产开发 置业 物业管理'],
  ['A', 2, '农业发展 生态农业 养殖 种业'],
  ['R', 2, '文化传媒 影视文化 体育发展'],
  ['P', 1, '教育科技 培训'],
  ['Q', 1, '医疗管理 健康管理 医药'],
  ['D', 0.5, '新能源 电力 燃气'],
  ['N', 0.5, '环保科技 环境工程 水务'],
  ['J', 0.5, '投资管理 融资租赁'],
  ['B', 0.3, '矿业 石材'],
];
const pickIndustry = weightedPicker(
  INDUSTRIES,
  INDUSTRIES.map(([, w]) => w),
);

const TRADE_NAMES =
  `华信 恒达 金桥 鼎盛 瑞丰 宏远 天合 新锐 博雅 中联 永泰 德润 汇通 盛世 卓越 创新 远航 腾飞 锦程 嘉禾
  华盛 鑫源 隆基 泰和 通达 富康 安泰 明辉 兴业 志诚 东方 万达 金鹏 长青 海纳 正和 宏图 众诚 启航 凯达 恒信 佳和
  同创 新元 旭日 蓝天 绿源 青禾 星河 云帆 银河 金象 鸿运 和信 润泽 华瑞 天成 信达 聚丰 益民 美佳 宝利`.split(
    /\s+/,
  );

const SIZES: [EnterpriseSize, number, number, number, number, number][] = [
  // size, share, headcount range, registered capital range (万元)
  ['micro', 0.6, 1, 19, 10, 100],
  ['small', 0.28, 20, 299, 100, 1000],
  ['medium', 0.09, 300, 999, 1000, 10_000],
  ['large', 0.03, 1000, 20_000, 10_000, 500_000],
];
const pickSize = weightedPicker(
  SIZES,
  SIZES.map(([, w]) => w),
);
/** How many of the headcount are generated customers, at most. */
const LINKED_EMPLOYEES: Record<EnterpriseSize, number> = { micro: 3, small: 8, medium: 20, large: 50 };

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code check character of an 8-character body (digits and capitals). */
export function organisationCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charCodeAt(i);
    const value = ch <= 57 ? ch - 48 : ch - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    sum += value * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** 91 = registered by the market regulator, an enterprise; then region, organisation code, check. */
function randomUscc(rng: Rng, region: string, establishedOn: string): string {
  // Codes issued since the 2015 reform start MA; older firms kept their numeric organisation code.
  const isNew = establishedOn >= '2015-10-01';
  const chars = isNew ? ORG_CHARS : '0123456789';
  let org = isNew ? 'MA' : String(rng.int(1, 9));
  while (org.length < 8) org += chars.charAt(rng.int(0, chars.length - 1));
  const body = `91${region}${org}${organisationCodeCheck(org)}`;
  return body + usccCheckDigit(body);
}

const EMPLOYABLE = new Set(['enterprise_staff', 'manager', 'worker', 'professional', 'finance', 'other']);
const OWNERS = new Set(['business_owner', 'manager']);

export interface CorporateWorld {
  corporates: Corporate[];
  relationships: Relationship[];
}

/** Generates `count` companies whose people are drawn from `individuals` (each works for one employer). */
export function generateCorporates(
  rng: Rng,
  individuals: readonly Individual[],
  cityOf: (code: string) => City,
  count: number,
  endDate: string,
): CorporateWorld {
  const byCity = new Map<string, { owners: Individual[]; staff: Individual[] }>();
  for (const p of individuals) {
    const age = ageOf(p, endDate);
    let pools = byCity.get(p.cityCode);
    if (!pools) {
      pools = { owners: [], staff: [] };
      byCity.set(p.cityCode, pools);
    }
    if (age >= 25 && OWNERS.has(p.occupation)) pools.owners.push(p);
    else if (age < 60 && EMPLOYABLE.has(p.occupation)) pools.staff.push(p);
  }
  for (const pools of byCity.values()) pools.staff = rng.shuffle(pools.staff);
  const cities = [...byCity.keys()].filter((c) => (byCity.get(c)?.owners.length ?? 0) > 0);
  // Firms are where the owners are: picking a random owner weights cities by their business people.
  const ownerCities = cities.flatMap((c) => (byCity.get(c)?.owners ?? []).map(() => c));
  const names = new Set<string>();
  const corporates: Corporate[] = [];
  const relationships: Relationship[] = [];
  const endDay = toEpochDay(endDate);

  for (let i = 0; i < count && ownerCities.length > 0; i++) {
    const cityCode = rng.pick(ownerCities);
    const city = cityOf(cityCode);
    const pools = byCity.get(cityCode) as { owners: Individual[]; staff: Individual[] };
    const [industry, , words] = pickIndustry(rng);
    const [size, , minHead, maxHead, minCap, maxCap] = pickSize(rng);
    const legal = rng.pick(pools.owners);
    const name = uniqueName(rng, names, city, words.split(' '), size);
    const oldest = size === 'large' ? endDay - 30 * 365 : endDay - 20 * 365;
    const establishedOn = fromEpochDay(rng.int(oldest, endDay - 60));
    const region = rng.chance(0.5) ? city.code : rng.pick(city.districts);
    const employeeCount = Math.round(
      Math.exp(rng.next() * (Math.log(maxHead) - Math.log(minHead)) + Math.log(minHead)),
    );
    const capitalWan = Math.round(
      Math.exp(rng.next() * (Math.log(maxCap) - Math.log(minCap)) + Math.log(minCap)),
    );
    const ref = `C${String(i + 1).padStart(6, '0')}`;
    const take = Math.min(pools.staff.length, rng.int(1, Math.min(LINKED_EMPLOYEES[size], employeeCount)));
    const employees = pools.staff.splice(pools.staff.length - take, take);
    const contacts: Corporate['contacts'] = [];
    const roles: ContactRole[] = ['authorised_agent', 'finance_manager', 'hr_manager'];
    employees.slice(0, rng.int(1, 3)).forEach((p, k) => {
      contacts.push({ individualRef: p.ref, role: roles[k] as ContactRole });
    });
    if (contacts.length === 0) contacts.push({ individualRef: legal.ref, role: 'authorised_agent' });
    for (const e of employees) relationships.push({ customerRef: ref, relatedRef: e.ref, kind: 'employee' });
    corporates.push({
      ref,
      name,
      uscc: randomUscc(rng, region, establishedOn),
      industry,
      size,
      registeredCapital: BigInt(capitalWan) * 1_000_000n,
      establishedOn,
      provinceCode: provinceOfCityCode(city.code).code,
      cityCode: city.code,
      city: city.nameZh,
      address: `${city.nameZh}${rng.pick(['高新区', '经济开发区', '工业园区', ''])}${rng.pick(TRADE_NAMES)}路${rng.int(1, 999)}号${rng.int(1, 30)}层`,
      legalRepresentativeRef: legal.ref,
      legalRepresentative: legal.name,
      contacts,
      employeeCount,
      employeeRefs: employees.map((e) => e.ref),
      openedOn: fromEpochDay(rng.int(Math.max(toEpochDay(establishedOn), endDay - 3650), endDay)),
      openedChannel: rng.chance(0.7) ? 'corporate' : 'branch',
    });
  }
  return { corporates, relationships };
}

function uniqueName(rng: Rng, taken: Set<string>, city: City, words: string[], size: EnterpriseSize): string {
  const form = size === 'large' || (size === 'medium' && rng.chance(0.4)) ? '股份有限公司' : '有限公司';
  for (let attempt = 0; ; attempt++) {
    const trade = rng.pick(TRADE_NAMES) + (attempt > 20 ? rng.pick(TRADE_NAMES) : '');
    const name = `${city.shortZh}${trade}${rng.pick(words)}${form}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
