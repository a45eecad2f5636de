import type { ProvinceCode } from '@onefin/customers';

/**
 * Mainland China for the demo world: the 31 province-level divisions with their GB/T 2260 codes and
 * 2020 (7th) census populations, and for each a few real prefecture-level cities (the big ones first)
 * with their division codes, approximate 2020 city populations and a commercial tier.
 *
 * Resident ID numbers carry a county-level code, so a city lists some of its districts where we know
 * them; otherwise a person gets the city's first urban district (`xxxx02`), which exists in nearly
 * every prefecture-level city. Cities without districts (东莞, 中山, 嘉峪关, 儋州) use their own code.
 */
export type ProvinceKind = 'municipality' | 'province' | 'autonomous_region';

/** 1: 北上广深; 2: "new first tier"; 3: other provincial capitals and large cities; 4: the rest. */
export type CityTier = 1 | 2 | 3 | 4;

export interface City {
  /** Prefecture-level code, `xxxx00` (for a municipality, the `xx0100` of its districts). */
  code: string;
  nameZh: string;
  /** The name as used in company names: 杭州, 延边. */
  shortZh: string;
  nameEn: string;
  /** 2020 census, millions (approximate). */
  population: number;
  tier: CityTier;
  /** County-level codes used in resident ID numbers of people born here. */
  districts: readonly string[];
}

export interface Province {
  /** GB/T 2260 two-digit code. */
  code: ProvinceCode;
  nameZh: string;
  nameEn: string;
  kind: ProvinceKind;
  /** 2020 census, millions. */
  population: number;
  cities: readonly City[];
}

function city(
  code: string,
  nameZh: string,
  nameEn: string,
  population: number,
  tier: CityTier,
  districts?: readonly string[],
): City {
  // 延边朝鲜族自治州 → 延边 (autonomous prefectures go by their first two characters), 喀什地区 → 喀什.
  const shortZh = nameZh.endsWith('自治州') ? nameZh.slice(0, 2) : nameZh.replace(/(市|地区)$/, '');
  return {
    code,
    nameZh,
    shortZh,
    nameEn,
    population,
    tier,
    districts: districts ?? [`${code.slice(0, 4)}02`],
  };
}

function province(
  code: ProvinceCode,
  nameZh: string,
  nameEn: string,
  kind: ProvinceKind,
  population: number,
  cities: readonly City[],
): Province {
  return { code, nameZh, nameEn, kind, population, cities };
}

const d = (prefix: string, suffixes: string): string[] => suffixes.split(' ').map((s) => prefix + s);

export const PROVINCES: readonly Province[] = [
  province('11', '北京市', 'Beijing', 'municipality', 21.89, [
    city('110100', '北京市', 'Beijing', 21.89, 1, d('1101', '01 02 05 06 07 08 09 11 12 13 14 15')),
  ]),
  province('12', '天津市', 'Tianjin', 'municipality', 13.87, [
    city('120100', '天津市', 'Tianjin', 13.87, 2, d('1201', '01 02 03 04 05 06 16')),
  ]),
  province('13', '河北省', 'Hebei', 'province', 74.61, [
    city('130100', '石家庄市', 'Shijiazhuang', 11.24, 3, d('1301', '02 04 05 08')),
    city('130600', '保定市', 'Baoding', 11.54, 4),
    city('130400', '邯郸市', 'Handan', 9.41, 4),
    city('130200', '唐山市', 'Tangshan', 7.72, 3),
    city('130900', '沧州市', 'Cangzhou', 7.3, 4),
    city('130500', '邢台市', 'Xingtai', 7.11, 4),
    city('131000', '廊坊市', 'Langfang', 5.46, 4),
    city('130300', '秦皇岛市', 'Qinhuangdao', 3.14, 4),
  ]),
  province('14', '山西省', 'Shanxi', 'province', 34.92, [
    city('140100', '太原市', 'Taiyuan', 5.3, 3, d('1401', '05 06 07 09')),
    city('140800', '运城市', 'Yuncheng', 4.77, 4),
    city('140700', '晋中市', 'Jinzhong', 3.38, 4),
    city('140400', '长治市', 'Changzhi', 3.18, 4),
    city('140200', '大同市', 'Datong', 3.11, 4),
  ]),
  province('15', '内蒙古自治区', 'Inner Mongolia', 'autonomous_region', 24.05, [
    city('150400', '赤峰市', 'Chifeng', 4.04, 4),
    city('150100', '呼和浩特市', 'Hohhot', 3.45, 3, d('1501', '02 03 04 05')),
    city('150500', '通辽市', 'Tongliao', 2.87, 4),
    city('150200', '包头市', 'Baotou', 2.71, 4),
    city('150600', '鄂尔多斯市', 'Ordos', 2.15, 4),
  ]),
  province('21', '辽宁省', 'Liaoning', 'province', 42.59, [
    city('210100', '沈阳市', 'Shenyang', 9.07, 2, d('2101', '02 03 04 05 06 12')),
    city('210200', '大连市', 'Dalian', 7.45, 3, d('2102', '02 03 04 11')),
    city('210300', '鞍山市', 'Anshan', 3.33, 4),
    city('210700', '锦州市', 'Jinzhou', 2.7, 4),
    city('210600', '丹东市', 'Dandong', 2.19, 4),
  ]),
  province('22', '吉林省', 'Jilin', 'province', 24.07, [
    city('220100', '长春市', 'Changchun', 9.07, 3, d('2201', '02 03 04 05 06')),
    city('220200', '吉林市', 'Jilin City', 3.62, 4),
    city('222400', '延边朝鲜族自治州', 'Yanbian', 1.94, 4, d('2224', '01 02 03')),
    city('220300', '四平市', 'Siping', 1.81, 4),
  ]),
  province('23', '黑龙江省', 'Heilongjiang', 'province', 31.85, [
    city('230100', '哈尔滨市', 'Harbin', 10.01, 3, d('2301', '02 03 04 08 09 10')),
    city('230200', '齐齐哈尔市', 'Qiqihar', 4.07, 4),
    city('230600', '大庆市', 'Daqing', 2.78, 4),
    city('231000', '牡丹江市', 'Mudanjiang', 2.29, 4),
    city('230800', '佳木斯市', 'Jiamusi', 2.16, 4, ['230803', '230804']),
  ]),
  province('31', '上海市', 'Shanghai', 'municipality', 24.87, [
    city('310100', '上海市', 'Shanghai', 24.87, 1, d('3101', '01 04 05 06 07 09 10 12 13 15')),
  ]),
  province('32', '江苏省', 'Jiangsu', 'province', 84.75, [
    city('320500', '苏州市', 'Suzhou', 12.75, 2, d('3205', '05 06 07 08 09')),
    city('320100', '南京市', 'Nanjing', 9.31, 2, d('3201', '02 04 05 06 11 13 14 15')),
    city('320300', '徐州市', 'Xuzhou', 9.08, 3),
    city('320600', '南通市', 'Nantong', 7.73, 3),
    city('320200', '无锡市', 'Wuxi', 7.46, 3, d('3202', '05 06 11 13 14')),
    city('320900', '盐城市', 'Yancheng', 6.71, 4),
    city('320400', '常州市', 'Changzhou', 5.28, 3),
    city('321000', '扬州市', 'Yangzhou', 4.56, 4),
  ]),
  province('33', '浙江省', 'Zhejiang', 'province', 64.57, [
    city('330100', '杭州市', 'Hangzhou', 11.94, 2, d('3301', '02 05 06 08 09 10')),
    city('330300', '温州市', 'Wenzhou', 9.57, 3),
    city('330200', '宁波市', 'Ningbo', 9.4, 3, d('3302', '03 05 06 11 12')),
    city('330700', '金华市', 'Jinhua', 7.05, 4),
    city('331000', '台州市', 'Taizhou', 6.62, 4),
    city('330400', '嘉兴市', 'Jiaxing', 5.4, 4),
    city('330600', '绍兴市', 'Shaoxing', 5.27, 4),
  ]),
  province('34', '安徽省', 'Anhui', 'province', 61.03, [
    city('340100', '合肥市', 'Hefei', 9.37, 2, d('3401', '02 03 04 11')),
    city('341200', '阜阳市', 'Fuyang', 8.2, 4),
    city('341300', '宿州市', 'Suzhou (Anhui)', 5.32, 4),
    city('341500', '六安市', 'Lu’an', 4.39, 4),
    city('340200', '芜湖市', 'Wuhu', 3.64, 4),
    city('340300', '蚌埠市', 'Bengbu', 3.3, 4),
  ]),
  province('35', '福建省', 'Fujian', 'province', 41.54, [
    city('350500', '泉州市', 'Quanzhou', 8.78, 3),
    city('350100', '福州市', 'Fuzhou', 8.29, 3, d('3501', '02 03 04 05 11')),
    city('350200', '厦门市', 'Xiamen', 5.16, 3, d('3502', '03 05 06 11 12 13')),
    city('350600', '漳州市', 'Zhangzhou', 5.05, 4),
    city('350300', '莆田市', 'Putian', 3.21, 4),
  ]),
  province('36', '江西省', 'Jiangxi', 'province', 45.19, [
    city('360700', '赣州市', 'Ganzhou', 8.97, 4),
    city('361100', '上饶市', 'Shangrao', 6.49, 4),
    city('360100', '南昌市', 'Nanchang', 6.26, 3, d('3601', '02 03 04 11 12')),
    city('360400', '九江市', 'Jiujiang', 4.6, 4),
    city('360800', '吉安市', 'Ji’an', 4.47, 4),
  ]),
  province('37', '山东省', 'Shandong', 'province', 101.53, [
    city('370200', '青岛市', 'Qingdao', 10.07, 2, d('3702', '02 03 11 12 13 14')),
    city('371300', '临沂市', 'Linyi', 11.02, 4),
    city('370700', '潍坊市', 'Weifang', 9.39, 4),
    city('370100', '济南市', 'Jinan', 9.2, 3, d('3701', '02 03 04 05 12')),
    city('370800', '济宁市', 'Jining', 8.36, 4),
    city('370600', '烟台市', 'Yantai', 7.1, 3),
    city('370300', '淄博市', 'Zibo', 4.7, 4),
    city('371000', '威海市', 'Weihai', 2.91, 4),
  ]),
  province('41', '河南省', 'Henan', 'province', 99.37, [
    city('410100', '郑州市', 'Zhengzhou', 12.6, 2, d('4101', '02 03 04 05 08')),
    city('411300', '南阳市', 'Nanyang', 9.71, 4),
    city('411600', '周口市', 'Zhoukou', 9.03, 4),
    city('411400', '商丘市', 'Shangqiu', 7.82, 4),
    city('410300', '洛阳市', 'Luoyang', 7.06, 3),
    city('410700', '新乡市', 'Xinxiang', 6.25, 4),
    city('411500', '信阳市', 'Xinyang', 6.23, 4),
    city('410200', '开封市', 'Kaifeng', 4.82, 4),
  ]),
  province('42', '湖北省', 'Hubei', 'province', 57.75, [
    city('420100', '武汉市', 'Wuhan', 12.33, 2, d('4201', '02 03 04 05 06 11 12')),
    city('420600', '襄阳市', 'Xiangyang', 5.26, 4),
    city('421000', '荆州市', 'Jingzhou', 5.23, 4),
    city('420900', '孝感市', 'Xiaogan', 4.27, 4),
    city('420500', '宜昌市', 'Yichang', 4.02, 4),
    city('420300', '十堰市', 'Shiyan', 3.21, 4),
  ]),
  province('43', '湖南省', 'Hunan', 'province', 66.45, [
    city('430100', '长沙市', 'Changsha', 10.05, 2, d('4301', '02 03 04 05 11')),
    city('430400', '衡阳市', 'Hengyang', 6.65, 4, ['430405', '430406', '430407']),
    city('430500', '邵阳市', 'Shaoyang', 6.56, 4),
    city('430700', '常德市', 'Changde', 5.28, 4),
    city('430600', '岳阳市', 'Yueyang', 5.05, 4),
    city('430200', '株洲市', 'Zhuzhou', 3.9, 4),
    city('430300', '湘潭市', 'Xiangtan', 2.73, 4),
  ]),
  province('44', '广东省', 'Guangdong', 'province', 126.01, [
    city('440100', '广州市', 'Guangzhou', 18.68, 1, d('4401', '03 04 05 06 11 12 13 14')),
    city('440300', '深圳市', 'Shenzhen', 17.56, 1, d('4403', '03 04 05 06 07 08')),
    city('441900', '东莞市', 'Dongguan', 10.47, 2, ['441900']),
    city('440600', '佛山市', 'Foshan', 9.5, 2, d('4406', '04 05 06 07 08')),
    city('440800', '湛江市', 'Zhanjiang', 6.98, 4),
    city('441300', '惠州市', 'Huizhou', 6.04, 3),
    city('440500', '汕头市', 'Shantou', 5.5, 4, ['440507', '440511']),
    city('440700', '江门市', 'Jiangmen', 4.8, 4, ['440703', '440705']),
    city('442000', '中山市', 'Zhongshan', 4.42, 3, ['442000']),
    city('440400', '珠海市', 'Zhuhai', 2.44, 3),
  ]),
  province('45', '广西壮族自治区', 'Guangxi', 'autonomous_region', 50.13, [
    city('450100', '南宁市', 'Nanning', 8.74, 3, d('4501', '02 03 05 07')),
    city('450900', '玉林市', 'Yulin', 5.8, 4),
    city('450300', '桂林市', 'Guilin', 4.93, 4),
    city('450200', '柳州市', 'Liuzhou', 4.16, 4),
    city('450500', '北海市', 'Beihai', 1.85, 4),
  ]),
  province('46', '海南省', 'Hainan', 'province', 10.08, [
    city('460100', '海口市', 'Haikou', 2.87, 3, d('4601', '05 06 07 08')),
    city('460200', '三亚市', 'Sanya', 1.03, 4),
    city('460400', '儋州市', 'Danzhou', 0.95, 4, ['460400']),
  ]),
  province('50', '重庆市', 'Chongqing', 'municipality', 32.05, [
    city('500100', '重庆市', 'Chongqing', 32.05, 2, d('5001', '01 03 05 06 07 08 12')),
  ]),
  province('51', '四川省', 'Sichuan', 'province', 83.67, [
    city('510100', '成都市', 'Chengdu', 20.94, 2, d('5101', '04 05 06 07 08 12 13 14')),
    city('511300', '南充市', 'Nanchong', 5.61, 4),
    city('510700', '绵阳市', 'Mianyang', 4.87, 4, ['510703', '510704']),
    city('511500', '宜宾市', 'Yibin', 4.59, 4),
    city('510500', '泸州市', 'Luzhou', 4.25, 4),
    city('510600', '德阳市', 'Deyang', 3.46, 4, ['510603']),
    city('511100', '乐山市', 'Leshan', 3.16, 4),
    city('510300', '自贡市', 'Zigong', 2.49, 4),
  ]),
  province('52', '贵州省', 'Guizhou', 'province', 38.56, [
    city('520300', '遵义市', 'Zunyi', 6.61, 4),
    city('520100', '贵阳市', 'Guiyang', 5.99, 3, d('5201', '02 03 11 15')),
    city('522700', '黔南布依族苗族自治州', 'Qiannan', 3.49, 4, d('5227', '01 02')),
    city('520200', '六盘水市', 'Liupanshui', 3.03, 4, ['520201', '520221']),
    city('520400', '安顺市', 'Anshun', 2.47, 4),
  ]),
  province('53', '云南省', 'Yunnan', 'province', 47.21, [
    city('530100', '昆明市', 'Kunming', 8.46, 3, d('5301', '02 03 11 12 14')),
    city('530300', '曲靖市', 'Qujing', 5.77, 4),
    city('532500', '红河哈尼族彝族自治州', 'Honghe', 4.48, 4, d('5325', '01 02 03')),
    city('532900', '大理白族自治州', 'Dali', 3.34, 4, ['532901']),
    city('530400', '玉溪市', 'Yuxi', 2.25, 4),
  ]),
  province('54', '西藏自治区', 'Tibet', 'autonomous_region', 3.65, [
    city('540100', '拉萨市', 'Lhasa', 0.87, 4),
    city('540200', '日喀则市', 'Shigatse', 0.8, 4),
    city('540300', '昌都市', 'Qamdo', 0.76, 4),
    city('540400', '林芝市', 'Nyingchi', 0.24, 4),
  ]),
  province('61', '陕西省', 'Shaanxi', 'province', 39.53, [
    city('610100', '西安市', 'Xi’an', 12.95, 2, d('6101', '02 03 04 11 12 13 16')),
    city('610500', '渭南市', 'Weinan', 4.69, 4),
    city('610400', '咸阳市', 'Xianyang', 4.2, 4),
    city('610800', '榆林市', 'Yulin (Shaanxi)', 3.62, 4),
    city('610300', '宝鸡市', 'Baoji', 3.32, 4),
    city('610700', '汉中市', 'Hanzhong', 3.21, 4),
  ]),
  province('62', '甘肃省', 'Gansu', 'province', 25.02, [
    city('620100', '兰州市', 'Lanzhou', 4.36, 3, d('6201', '02 03 04 05')),
    city('620500', '天水市', 'Tianshui', 2.98, 4),
    city('621200', '陇南市', 'Longnan', 2.4, 4),
    city('620800', '平凉市', 'Pingliang', 1.85, 4),
    city('620200', '嘉峪关市', 'Jiayuguan', 0.31, 4, ['620200']),
  ]),
  province('63', '青海省', 'Qinghai', 'province', 5.92, [
    city('630100', '西宁市', 'Xining', 2.47, 4, d('6301', '02 03 04 05')),
    city('630200', '海东市', 'Haidong', 1.36, 4),
    city('632800', '海西蒙古族藏族自治州', 'Haixi', 0.47, 4, d('6328', '01 02')),
  ]),
  province('64', '宁夏回族自治区', 'Ningxia', 'autonomous_region', 7.2, [
    city('640100', '银川市', 'Yinchuan', 2.86, 4, d('6401', '04 05 06')),
    city('640300', '吴忠市', 'Wuzhong', 1.38, 4),
    city('640400', '固原市', 'Guyuan', 1.14, 4),
    city('640200', '石嘴山市', 'Shizuishan', 0.75, 4),
  ]),
  province('65', '新疆维吾尔自治区', 'Xinjiang', 'autonomous_region', 25.85, [
    city('653100', '喀什地区', 'Kashgar', 4.5, 4, ['653101']),
    city('650100', '乌鲁木齐市', 'Ürümqi', 4.05, 3, d('6501', '02 03 04 05 06')),
    city('654000', '伊犁哈萨克自治州', 'Ili', 2.85, 4, ['654002', '654003']),
    city('652900', '阿克苏地区', 'Aksu', 2.71, 4, ['652901']),
    city('652300', '昌吉回族自治州', 'Changji', 1.61, 4, ['652301', '652302']),
    city('650200', '克拉玛依市', 'Karamay', 0.49, 4, d('6502', '02 03 04')),
  ]),
];

/** The province of a two-digit code, or undefined. */
export function provinceOf(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}
