import type { z } from 'zod';
import type { Department, Location, Region } from '../../../shared/domain/catalog/model.ts';
import type { ImplementingBody } from './departments.ts';

/**
 * Where a matter is handled in each region. The seat district of every centre is right; street addresses are
 * given only where the brief supplied one (西安). The others name the district and are to be completed by
 * each centre when its region is configured (see the seed report) rather than invented here.
 */

type LocationInput = z.input<typeof Location>;

interface Centre {
  name: string;
  address: string;
  /** Long-distance area code: 12345 and the service lines are dialled with it. */
  areaCode: string;
}

const CENTRES: Record<string, Centre> = {
  '610000': { name: '陕西省政务服务中心', address: '陕西省西安市', areaCode: '029' },
  '610100': { name: '西安市政务服务中心', address: '西安市未央区凤城八路109号', areaCode: '029' },
  '610200': { name: '铜川市政务服务中心', address: '铜川市新区', areaCode: '0919' },
  '610300': { name: '宝鸡市政务服务中心', address: '宝鸡市渭滨区', areaCode: '0917' },
  '610400': { name: '咸阳市政务服务中心', address: '咸阳市秦都区', areaCode: '029' },
  '610500': { name: '渭南市政务服务中心', address: '渭南市临渭区', areaCode: '0913' },
  '610600': { name: '延安市政务服务中心', address: '延安市宝塔区', areaCode: '0911' },
  '610700': { name: '汉中市政务服务中心', address: '汉中市汉台区', areaCode: '0916' },
  '610800': { name: '榆林市政务服务中心', address: '榆林市榆阳区', areaCode: '0912' },
  '610900': { name: '安康市政务服务中心', address: '安康市汉滨区', areaCode: '0915' },
  '611000': { name: '商洛市政务服务中心', address: '商洛市商州区', areaCode: '0914' },
  '610403': { name: '杨凌示范区政务服务中心', address: '杨凌示范区', areaCode: '029' },
  '611100': { name: '西咸新区政务服务中心', address: '西咸新区', areaCode: '029' },
};

/** The regions with a service centre, whose windows take in applications (一窗受理). */
export const SERVICE_CENTRE_REGIONS: readonly string[] = Object.keys(CENTRES);

export const HOURS = '工作日 9:00-17:00（法定节假日除外）';

export function centreOf(region: Region): Centre {
  const centre = CENTRES[region.code];
  if (!centre) throw new Error(`No service centre for region ${region.code}`);
  return centre;
}

/** 12345 政务服务便民热线, dialled with the region's area code: consultation and complaints. */
export const hotline = (region: Region) => `${centreOf(region).areaCode}-12345`;

/**
 * The national service lines of the departments that have one (consultation; complaints still go to 12345).
 */
const SERVICE_LINES: Record<string, string> = {
  'market-regulation': '12315',
  'human-resources': '12333',
  'medical-security': '12393',
  taxation: '12366',
  'housing-fund': '12329',
  'disabled-persons': '12385',
  ecology: '12369',
  transport: '12328',
  'power-supply': '95598',
};

export const consultationLine = (region: Region, department: Department) =>
  SERVICE_LINES[department.code] ?? hotline(region);

/** Base codes handled outside the service centre, at the office that holds the register or the person. */
const OWN_OFFICES: Record<string, (region: Region, body: ImplementingBody) => LocationInput> = {
  // 户政: the police station of the household register.
  '000707001000': (r) => policeStation(r),
  '000707002000': (r) => policeStation(r),
  '000707003000': (r) => policeStation(r),
  '000707004000': (r) => policeStation(r),
  '002007001000': (r) => policeStation(r),
  '000107001000': (r) => ({
    name: `${r.name}公安局交通警察支队车辆管理所`,
    address: `${r.name}车辆管理所及各业务分所`,
    hours: HOURS,
    phone: hotline(r),
  }),
  '000702001000': (r) => ({
    name: `${r.name}各区（县）婚姻登记处`,
    address: `${r.name}各区（县）民政局婚姻登记处`,
    hours: HOURS,
    phone: hotline(r),
  }),
  '002010001000': (r) => hospital(r, '助产机构出生医学证明办理窗口'),
  '002010002000': (r) => hospital(r, '预防接种门诊（社区卫生服务中心、乡镇卫生院）'),
  '002010003000': (r) => hospital(r, '医疗卫生机构死亡医学证明办理窗口'),
};

function policeStation(region: Region): LocationInput {
  return {
    name: '户籍所在地公安派出所户籍窗口',
    address: `${region.name}各公安派出所`,
    hours: HOURS,
    phone: hotline(region),
  };
}

function hospital(region: Region, name: string): LocationInput {
  return {
    name,
    address: `${region.name}各有关医疗卫生机构`,
    hours: '工作日 8:00-17:00',
    phone: hotline(region),
  };
}

/** The locations of a matter in a region: its own office, a company's service hall, or the service centre. */
export function locationsFor(
  baseCode: string,
  region: Region,
  department: Department,
  body: ImplementingBody,
): LocationInput[] {
  const own = OWN_OFFICES[baseCode];
  if (own) return [own(region, body)];
  const centre = centreOf(region);
  const atCentre: LocationInput = {
    name: `${centre.name}（${department.name}综合窗口）`,
    address: centre.address,
    hours: HOURS,
    phone: hotline(region),
  };
  if (department.code === 'taxation') {
    return [
      atCentre,
      { name: `${body.name}办税服务厅`, address: `${region.name}各办税服务厅`, hours: HOURS, phone: '12366' },
    ];
  }
  if (department.code.endsWith('-supply')) {
    return [
      atCentre,
      {
        name: `${body.name}营业厅`,
        address: `${region.name}各营业网点`,
        hours: HOURS,
        phone: consultationLine(region, department),
      },
    ];
  }
  return [atCentre];
}
