import { licenceIdentifier } from '../../shared/domain/licences/identifier.ts';
import { generateUscc } from '../seed/catalog/uscc.ts';

/**
 * The demo users' e-licences (电子证照), standing in locally for the national and provincial e-licence
 * libraries a deployment reads: what the evidence check finds when a demo user offers a licence instead of a
 * copy (免证办). Every other identifier is unknown and refused. Issuers' codes are generated like the seed's
 * (plausible, not real).
 */
interface DemoLicence {
  /** The holder's ID number or 统一社会信用代码 (hashed when stored, like everything personal). */
  holder: string;
  /** The licence type, as the catalog's materials name it (licenceType). */
  type: string;
  issuer: { name: string; region: string; department: string };
  /** The defining authority's type code suffix (the first licence type it defines is 001). */
  typeNumber: string;
  serial: string;
  validUntil?: string;
}

const ZHANG = '610104199003071230';
const LI = '61030219881125002X';
const QINCHUAN = '91610131MA6TXQ8K5U';
const police = (region: string) => ({ name: '公安局', region, department: 'public-security' });

const DEMO: DemoLicence[] = [
  {
    holder: ZHANG,
    type: '居民身份证',
    issuer: police('610100'),
    typeNumber: '001',
    serial: '0000001',
    validUntil: '2035-03-07',
  },
  { holder: ZHANG, type: '居民户口簿', issuer: police('610100'), typeNumber: '002', serial: '0000002' },
  {
    holder: ZHANG,
    type: '出生医学证明',
    issuer: { name: '卫生健康委员会', region: '610100', department: 'health' },
    typeNumber: '001',
    serial: '0000003',
  },
  {
    holder: ZHANG,
    type: '结婚证',
    issuer: { name: '民政局', region: '610100', department: 'civil-affairs' },
    typeNumber: '001',
    serial: '0000004',
  },
  {
    holder: LI,
    type: '居民身份证',
    issuer: police('610300'),
    typeNumber: '001',
    serial: '0000005',
    validUntil: '2028-11-25',
  },
  {
    holder: QINCHUAN,
    type: '营业执照',
    issuer: { name: '市场监督管理局', region: '610100', department: 'market-regulation' },
    typeNumber: '001',
    serial: '0000006',
  },
];

export interface SeededLicence {
  holder: string;
  licence: { id: string; type: string; validUntil?: string; revoked: false; issuer: string };
}

/** The demo library: each licence with its identifier (MOD 37,36 check character included). */
export function demoLicences(): SeededLicence[] {
  return DEMO.map((d) => {
    const issuerCode = generateUscc({
      kind: 'organ',
      region: d.issuer.region,
      bodyPrefix: 'MB',
      seed: `${d.issuer.region}:${d.issuer.department}`,
    });
    const id = licenceIdentifier({
      typeCode: `${issuerCode}${d.typeNumber}`,
      issuerCode,
      serial: d.serial,
      version: 1,
    });
    return {
      holder: d.holder,
      licence: {
        id,
        type: d.type,
        ...(d.validUntil ? { validUntil: d.validUntil } : {}),
        revoked: false,
        issuer: d.issuer.name,
      },
    };
  });
}
