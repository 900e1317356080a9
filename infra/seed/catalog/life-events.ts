/**
 * The 一件事一次办 bundles of DOMAIN.md ("Life events"): one form and one set of materials for the citizen,
 * while each matter still goes to its own department. `baseCodes` name base items of this seed (checked by
 * the tests).
 */
export interface LifeEvent {
  id: string;
  name: string;
  nameEn: string;
  baseCodes: string[];
}

export const SEED_LIFE_EVENTS: LifeEvent[] = [
  {
    id: 'enterprise-opening',
    name: '企业开办一件事',
    nameEn: 'Opening an enterprise',
    // 设立登记, 公章刻制备案, 税务登记信息确认, 发票领用, 单位参保登记, 公积金单位缴存登记 (银行开户 is not a
    // government matter and is left to the bank).
    baseCodes: [
      '000109001000',
      '001007001000',
      '001012001000',
      '001012002000',
      '002003003000',
      '002016001000',
    ],
  },
  {
    id: 'enterprise-licences',
    name: '企业准营一件事',
    nameEn: 'Licences to start operating',
    // 食品经营, 公共场所卫生, 药品零售, 道路货运, 排污登记, 机动车维修备案: the form asks which apply.
    baseCodes: [
      '000109005000',
      '000110001000',
      '000109006000',
      '000108001000',
      '001005001000',
      '001008001000',
    ],
  },
  {
    id: 'employee-hiring',
    name: '员工招聘一件事',
    nameEn: 'Hiring an employee',
    baseCodes: ['002003002000', '002003004000', '002011002000', '002016002000'],
  },
  {
    id: 'enterprise-real-estate',
    name: '企业不动产登记一件事',
    nameEn: 'Real-estate registration for enterprises',
    baseCodes: ['001006002000', '002012001000', '000715002000', '000715003000'],
  },
  {
    id: 'simple-deregistration',
    name: '企业简易注销一件事',
    nameEn: 'Simple deregistration of an enterprise',
    baseCodes: ['000109003000', '002003010000'],
  },
  {
    id: 'newborn-birth',
    name: '新生儿出生一件事',
    nameEn: 'A child is born',
    // 出生医学证明, 预防接种证, 出生登记, 城乡居民医保参保登记, 社会保障卡申领.
    baseCodes: ['002010001000', '002010002000', '000707001000', '002011001000', '002003001000'],
  },
  {
    id: 'flexible-employment',
    name: '灵活就业一件事',
    nameEn: 'Flexible employment',
    baseCodes: ['002003002000', '002003006000', '002011002000'],
  },
  {
    id: 'marriage-childbirth',
    name: '婚育一件事',
    nameEn: 'Marriage and childbirth',
    baseCodes: ['000702001000', '002010004000', '000511001000'],
  },
  {
    id: 'disability-assistance',
    name: '残疾人服务一件事',
    nameEn: 'Support for disabled people',
    baseCodes: ['000714001000', '000502001000', '000514001000'],
  },
  {
    id: 'veterans-retirement',
    name: '军人退役一件事',
    nameEn: 'Leaving the armed forces',
    baseCodes: ['001013001000', '000513001000', '002013001000', '000707003000', '002003009000'],
  },
  {
    id: 'second-hand-housing',
    name: '二手房转移登记及水电气联动过户一件事',
    nameEn: 'Buying a second-hand home, with water, power and gas transferred',
    baseCodes: [
      '001006002000',
      '002012001000',
      '000715002000',
      '612017001000',
      '612018001000',
      '612019001000',
    ],
  },
  {
    id: 'enterprise-retirement',
    name: '企业职工退休一件事',
    nameEn: 'Retiring from an enterprise',
    baseCodes: ['000503001000', '000711001000', '002016003000'],
  },
  {
    id: 'after-death',
    name: '身后一件事',
    nameEn: 'Affairs after a death',
    baseCodes: ['002010003000', '000707002000', '000503002000'],
  },
  {
    id: 'graduate-employment',
    name: '高校毕业生就业一件事',
    nameEn: 'Graduate employment',
    baseCodes: ['002003002000', '002003007000', '000707003000', '000503004000'],
  },
  {
    id: 'home-delivery-with-title',
    name: '交房即交证一件事',
    nameEn: 'Title deed on handover of a new home',
    baseCodes: ['001004001000', '001006001000', '000715001000', '002012001000', '000715002000'],
  },
];
