import type { Surname } from './names.ts';
import { type Rng, weightedPicker } from './random.ts';

/**
 * Mobile numbers, e-mail addresses and street addresses for the demo world.
 *
 * Mobile prefixes are the real number segments of the three carriers (MIIT allocations), weighted so
 * China Mobile has about 55% of subscribers, China Unicom 25% and China Telecom 20%, with the older
 * 13x and 15x segments far more common than the recent 19x ones.
 */
type Carrier = 'china_mobile' | 'china_unicom' | 'china_telecom';

const SEGMENTS: Record<Carrier, string> = {
  china_mobile:
    '134:3 135:6 136:6 137:6 138:7 139:8 147:1 150:4 151:4 152:3 157:2 158:4 159:4 172:1 178:2 182:3 183:3 184:1 187:3 188:3 195:1 198:1',
  china_unicom: '130:4 131:4 132:4 145:1 155:3 156:4 166:2 175:1 176:2 185:3 186:5 196:1',
  china_telecom: '133:4 149:1 153:3 173:2 177:3 180:3 181:3 189:4 191:2 193:1 199:3',
};

const SHARES: Record<Carrier, number> = { china_mobile: 0.55, china_unicom: 0.25, china_telecom: 0.2 };

const prefixes: string[] = [];
const prefixWeights: number[] = [];
for (const carrier of Object.keys(SEGMENTS) as Carrier[]) {
  const segs = SEGMENTS[carrier].split(' ').map((s) => s.split(':') as [string, string]);
  const total = segs.reduce((sum, [, w]) => sum + Number(w), 0);
  for (const [prefix, w] of segs) {
    prefixes.push(prefix);
    prefixWeights.push((SHARES[carrier] * Number(w)) / total);
  }
}
const pickPrefix = weightedPicker(prefixes, prefixWeights);

/** Hands out mobile numbers never given before by this allocator (nor listed in `reserved`). */
export function createMobileAllocator(rng: Rng, reserved: Iterable<string> = []): () => string {
  const used = new Set(reserved);
  return () => {
    for (;;) {
      const prefix = pickPrefix(rng);
      // 1349 is the satellite-phone block, not a mobile subscriber number.
      const rest = String(rng.int(0, 99_999_999)).padStart(8, '0');
      const mobile = prefix + rest;
      if (prefix === '134' && rest.startsWith('9')) continue;
      if (!used.has(mobile)) {
        used.add(mobile);
        return mobile;
      }
    }
  };
}

const DOMAINS = [
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'outlook.com',
  '139.com',
  'gmail.com',
  'aliyun.com',
  'sohu.com',
];
const pickDomain = weightedPicker(DOMAINS, [42, 20, 8, 4, 4, 5, 4, 3, 2, 2]);

/**
 * Hands out unique e-mail addresses in the styles people actually use: a QQ number at qq.com, or the
 * surname's pinyin with initials, a birth year or a few digits.
 */
export function createEmailAllocator(rng: Rng): (surname: Surname, birthDate: string) => string {
  const used = new Set<string>();
  return (surname, birthDate) => {
    for (;;) {
      const domain = pickDomain(rng);
      const local =
        domain === 'qq.com' && rng.chance(0.7)
          ? String(rng.int(10_000_000, 3_999_999_999))
          : `${surname.pinyin}${localSuffix(rng, birthDate)}`;
      const email = `${local}@${domain}`;
      if (!used.has(email)) {
        used.add(email);
        return email;
      }
    }
  };
}

function localSuffix(rng: Rng, birthDate: string): string {
  const letters = 'abcdefghjklmnpqrstwxyz';
  const initials = () =>
    letters.charAt(rng.int(0, letters.length - 1)) + letters.charAt(rng.int(0, letters.length - 1));
  switch (rng.int(0, 3)) {
    case 0:
      return `${initials()}${birthDate.slice(0, 4)}`;
    case 1:
      return `${initials()}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
    case 2:
      return `_${initials()}${rng.int(1, 999)}`;
    default:
      return String(rng.int(100, 99_999));
  }
}

const ROADS =
  '人民 中山 解放 建设 和平 新华 长江 黄河 文化 朝阳 滨江 胜利 光明 幸福 青年 花园 学府 东风 延安 南京 北京 工业 民主 科技';
const ESTATES =
  '阳光花园 锦绣家园 翠湖苑 世纪城 金色家园 碧桂园 万科城 绿地新都 时代广场 名都花园 东方明珠苑 清华园 书香门第 香樟苑 和谐家园 丽景湾';
const roads = ROADS.split(' ');
const estates = ESTATES.split(' ');
const directions = ['', '', '', '东', '西', '南', '北', '中'];

/** A home address inside the given city, e.g. `浙江省杭州市文化西路128号锦绣家园3栋2单元1502室`. */
export function randomAddress(rng: Rng, provinceZh: string, cityZh: string): string {
  const region = provinceZh === cityZh ? cityZh : provinceZh + cityZh;
  const road = `${rng.pick(roads)}${rng.pick(directions)}路`;
  const floor = rng.int(1, 33);
  return `${region}${road}${rng.int(1, 999)}号${rng.pick(estates)}${rng.int(1, 28)}栋${rng.int(1, 4)}单元${floor}${String(rng.int(1, 4)).padStart(2, '0')}室`;
}
