import type { Region } from '../../../shared/domain/catalog/model.ts';

/**
 * The regions of the default deployment: Shaanxi, its ten prefecture-level cities (GB/T 2260) and the two
 * special zones that run their own service centres.
 *
 * - 杨凌示范区 (national agricultural high-tech zone) is administered by the province, but its administrative
 *   area is 杨陵区, so it carries 杨陵区's code 610403 and, as in GB/T 2260, the parent 咸阳 (610400).
 * - 西咸新区 has no GB/T 2260 code: its land lies in districts of 西安 and 咸阳. The seed gives it 611100,
 *   the first prefecture-level slot after 商洛 (611000) that GB/T 2260 has not assigned, so it cannot collide
 *   with a real region today. It is a local convention only (LOCAL_REGION_CODES): anything exchanged with
 *   national systems must map it first, and it must move if the standard ever assigns 611100. Since 2017 the
 *   area has been administered by 西安 (parent 610100), and its bodies are registered there (see uscc.ts).
 */

export const PROVINCE_CODE = '610000';
export const XIXIAN_CODE = '611100';

/** Codes used here that are not GB/T 2260 codes. */
export const LOCAL_REGION_CODES: readonly string[] = [XIXIAN_CODE];

const city = (code: string, name: string, nameEn: string): Region => ({
  code,
  name,
  nameEn,
  parent: PROVINCE_CODE,
  kind: 'city',
});

export const SEED_REGIONS: Region[] = [
  { code: PROVINCE_CODE, name: '陕西省', nameEn: 'Shaanxi Province', kind: 'province' },
  city('610100', '西安市', "Xi'an"),
  city('610200', '铜川市', 'Tongchuan'),
  city('610300', '宝鸡市', 'Baoji'),
  city('610400', '咸阳市', 'Xianyang'),
  city('610500', '渭南市', 'Weinan'),
  city('610600', '延安市', "Yan'an"),
  city('610700', '汉中市', 'Hanzhong'),
  city('610800', '榆林市', 'Yulin'),
  city('610900', '安康市', 'Ankang'),
  city('611000', '商洛市', 'Shangluo'),
  {
    code: '610403',
    name: '杨凌示范区',
    nameEn: 'Yangling Agricultural High-tech Industries Demonstration Zone',
    parent: '610400',
    kind: 'special-zone',
  },
  { code: XIXIAN_CODE, name: '西咸新区', nameEn: 'Xixian New Area', parent: '610100', kind: 'special-zone' },
];
