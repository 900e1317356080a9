/**
 * Synonyms for catalog search, as data.
 *
 * Shape: `{ terms: string[]; meaning: string }`.
 * - `terms`: what people actually type — colloquial phrases (开饭店), abbreviations (教资), old or everyday
 *   names of documents (房本, 准生证) — any of which should also find the meaning.
 * - `meaning`: a catalog term, i.e. a substring of some base item's name, aliases or result name (checked by
 *   the tests), that search adds to the query when one of the terms matches.
 * A term may appear in several groups (searching "过户" finds both the home and the utilities).
 */
export interface SynonymGroup {
  terms: string[];
  meaning: string;
}

export const SEED_SYNONYMS: SynonymGroup[] = [
  // Enterprises
  {
    terms: ['营业执照', '执照', '办执照', '开公司', '注册公司', '成立公司', '公司注册'],
    meaning: '企业设立登记',
  },
  { terms: ['个体户', '个体执照', '开小店', '开门面', '摆摊执照'], meaning: '个体工商户' },
  { terms: ['执照变更', '换法人', '改公司名', '公司迁址', '变更经营范围'], meaning: '企业变更登记' },
  { terms: ['注销公司', '关公司', '公司注销', '注销执照'], meaning: '企业简易注销登记' },
  { terms: ['刻章', '刻公章', '公章', '财务章', '发票章'], meaning: '公章刻制备案' },
  {
    terms: [
      '开饭店',
      '开餐馆',
      '开餐厅',
      '开饭馆',
      '餐饮',
      '餐饮许可证',
      '开小吃店',
      '开奶茶店',
      '开小卖部',
      '卖熟食',
    ],
    meaning: '食品经营许可',
  },
  // Needs that take several matters, in the order they are done: the licence to trade comes first.
  { terms: ['开饭店', '开餐馆', '开餐厅', '开饭馆'], meaning: '企业设立登记 食品经营许可' },
  { terms: ['开小吃店', '开奶茶店', '开小卖部'], meaning: '个体工商户设立登记 食品经营许可' },
  { terms: ['开药店', '开药房'], meaning: '企业设立登记 药品零售企业许可' },
  { terms: ['开理发店', '开美容院'], meaning: '个体工商户设立登记 公共场所卫生许可' },
  { terms: ['开宾馆', '开旅馆'], meaning: '企业设立登记 公共场所卫生许可' },
  { terms: ['开修车店'], meaning: '个体工商户设立登记 机动车维修经营备案' },
  { terms: ['开药店', '开药房', '药店许可证'], meaning: '药品零售企业许可' },
  {
    terms: ['卫生许可证', '卫生证', '开理发店', '开宾馆', '开美容院', '开浴室'],
    meaning: '公共场所卫生许可',
  },
  { terms: ['道路运输证', '营运证', '货运许可', '跑运输'], meaning: '道路货物运输经营许可' },
  { terms: ['开修车店', '汽修厂', '修理厂'], meaning: '机动车维修经营备案' },
  { terms: ['排污证'], meaning: '排污许可证' },
  { terms: ['环评', '环评批复'], meaning: '环境影响报告表审批' },
  { terms: ['施工证', '开工证'], meaning: '建筑工程施工许可' },
  { terms: ['规划证', '规划许可'], meaning: '规划许可证' },
  // Tax
  { terms: ['领发票', '开发票', '发票额度', '数电票'], meaning: '发票领用' },
  { terms: ['税务报到', '税务登记'], meaning: '税务登记信息确认' },
  { terms: ['专票', '专票提额', '开票限额'], meaning: '增值税专用发票最高开票限额审批' },
  { terms: ['契税', '交契税', '买房交税', '过户交税'], meaning: '契税申报' },
  // Household register, identity, driving
  { terms: ['上户口', '落户', '报户口', '新生儿落户', '给孩子上户口'], meaning: '出生登记' },
  { terms: ['迁户口', '迁户', '户口转移', '落户'], meaning: '户口迁移' },
  { terms: ['销户', '销户口', '注销户口'], meaning: '死亡注销户口' },
  { terms: ['换身份证', '身份证过期', '身份证到期', '二代证'], meaning: '居民身份证换领' },
  { terms: ['驾照', '驾驶本', '换驾照', '驾照到期'], meaning: '机动车驾驶证' },
  { terms: ['无犯罪证明', '无犯罪记录', '政审证明', '良民证'], meaning: '无犯罪记录证明' },
  // Social insurance and employment
  { terms: ['社保卡', '医保卡', '电子社保卡', '上保险', '办社保'], meaning: '社会保障卡' },
  { terms: ['社保开户', '公司社保', '单位社保'], meaning: '单位参保登记' },
  { terms: ['社保增员', '员工社保', '给员工交社保'], meaning: '职工参保登记' },
  { terms: ['医保增员', '职工医保'], meaning: '职工基本医疗保险参保登记' },
  { terms: ['退休', '办退休', '领养老金', '养老金', '退休金'], meaning: '基本养老保险待遇申领' },
  { terms: ['新农保', '农村养老保险', '居民养老保险'], meaning: '城乡居民基本养老保险' },
  { terms: ['居民医保', '新农合', '合作医疗', '给孩子办医保'], meaning: '城乡居民基本医疗保险' },
  { terms: ['异地报销', '外地看病', '外地住院', '跨省看病'], meaning: '异地就医' },
  { terms: ['社保转移', '社保转出', '转社保'], meaning: '养老保险关系转移接续' },
  { terms: ['失业金', '失业补助', '领失业金'], meaning: '失业保险金' },
  { terms: ['丧葬费', '抚恤金', '死亡待遇'], meaning: '丧葬补助金' },
  { terms: ['产假工资', '生育金', '生育报销'], meaning: '生育津贴' },
  { terms: ['就业证', '就业失业登记证', '入职登记'], meaning: '就业登记' },
  { terms: ['档案', '存档', '毕业生档案'], meaning: '人事档案接收' },
  { terms: ['毕业生补贴', '求职补贴'], meaning: '求职创业补贴' },
  // Family
  { terms: ['领证', '扯证', '领结婚证', '登记结婚'], meaning: '结婚登记' },
  { terms: ['准生证', '生育服务证', '生育证'], meaning: '生育登记' },
  { terms: ['出生证', '出生证明'], meaning: '出生医学证明' },
  { terms: ['疫苗本', '接种本', '打疫苗'], meaning: '预防接种证' },
  { terms: ['死亡证明', '死亡证'], meaning: '死亡医学证明' },
  { terms: ['上小学', '小学报名', '入学报名', '幼升小', '小升初'], meaning: '新生入学' },
  // Assistance
  { terms: ['残疾证', '评残', '办残疾证'], meaning: '残疾人证' },
  { terms: ['两项补贴', '残疾补贴', '护理补贴'], meaning: '残疾人两项补贴' },
  { terms: ['自闭症', '孤独症', '脑瘫康复'], meaning: '残疾儿童康复救助' },
  { terms: ['低保', '吃低保', '困难补助'], meaning: '最低生活保障' },
  { terms: ['高龄补贴', '高龄津贴', '老人补贴', '长寿补贴'], meaning: '高龄老人生活保健补贴' },
  { terms: ['退伍', '复员', '退伍报到'], meaning: '退役士兵' },
  { terms: ['优待证'], meaning: '退役军人优待证' },
  // Homes
  { terms: ['房产证', '房本', '产权证', '红本'], meaning: '不动产权证书' },
  { terms: ['过户', '房屋过户', '二手房过户', '房产过户'], meaning: '转移登记' },
  { terms: ['抵押', '房贷抵押', '办抵押'], meaning: '抵押权首次登记' },
  { terms: ['查房产', '查档', '无房证明'], meaning: '不动产登记资料查询' },
  { terms: ['网签', '合同备案'], meaning: '网签备案' },
  { terms: ['公积金'], meaning: '住房公积金' },
  { terms: ['取公积金', '公积金销户'], meaning: '住房公积金提取' },
  { terms: ['水电气过户', '过户', '水表过户', '自来水过户'], meaning: '供水过户' },
  { terms: ['水电气过户', '过户', '电表过户', '电费过户'], meaning: '供电过户' },
  { terms: ['水电气过户', '过户', '气表过户', '天然气过户'], meaning: '燃气过户' },
  // Professions
  { terms: ['教资', '教师证', '教师资格证'], meaning: '教师资格认定' },
  { terms: ['医师证', '医生执业证'], meaning: '医师执业注册' },
];
