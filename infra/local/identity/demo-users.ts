import type { Role } from '../../../shared/domain/identity.ts';

/** A person local mode can sign in as. ID numbers are fictitious but pass their check characters. */
export interface DemoUser {
  id: string;
  role: Role;
  name: string;
  /** 自然人 ID number (GB 11643) or 统一社会信用代码 (GB 32100). */
  idNumber?: string;
  phone?: string;
  email?: string;
  region: string;
  department?: string;
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    id: 'citizen-zhang',
    role: 'citizen',
    name: '张伟',
    idNumber: '610104199003071230',
    phone: '13812345678',
    region: '610100',
    description: "西安市民 / a citizen of Xi'an",
  },
  {
    id: 'citizen-li',
    role: 'citizen',
    name: '李娜',
    idNumber: '61030219881125002X',
    phone: '13998765432',
    region: '610300',
    description: '宝鸡市民 / a citizen of Baoji',
  },
  {
    // Someone who has applied for nothing yet: what a first visit looks like.
    id: 'citizen-wang',
    role: 'citizen',
    name: '王芳',
    idNumber: '610103199708150020',
    phone: '13700001111',
    region: '610100',
    description: "西安市民，尚未办理事项 / a citizen of Xi'an who has applied for nothing yet",
  },
  {
    // The one whose 容缺 deadline the tests let pass: the missed deadline goes on his credit record and keeps
    // 容缺 from him for a year, so no other citizen's applications change with the order tests run in.
    id: 'citizen-zhao',
    role: 'citizen',
    name: '赵磊',
    idNumber: '610113198505060031',
    phone: '13600002222',
    region: '610100',
    description: "西安市民 / a citizen of Xi'an",
  },
  {
    id: 'enterprise-qinchuan',
    role: 'enterprise',
    name: '陕西秦川数智科技有限公司',
    idNumber: '91610131MA6TXQ8K5U',
    phone: '02988886666',
    region: '610100',
    description: "西安的企业 / an enterprise in Xi'an",
  },
  {
    id: 'window-xian',
    role: 'window',
    name: '王芳',
    email: 'wangfang@window.xa.example',
    region: '610100',
    description: "西安市政务服务中心综合窗口 / window staff, Xi'an service centre",
  },
  {
    id: 'reviewer-xian-market',
    role: 'reviewer',
    name: '赵强',
    email: 'zhaoqiang@scjg.xa.example',
    region: '610100',
    department: 'market-regulation',
    description: "西安市市场监督管理局审批人员 / reviewer, Xi'an market regulation",
  },
  {
    id: 'reviewer-xian-police',
    role: 'reviewer',
    name: '陈静',
    email: 'chenjing@ga.xa.example',
    region: '610100',
    department: 'public-security',
    description: "西安市公安局审批人员 / reviewer, Xi'an public security",
  },
  {
    id: 'reviewer-baoji-market',
    role: 'reviewer',
    name: '刘洋',
    email: 'liuyang@scjg.bj.example',
    region: '610300',
    department: 'market-regulation',
    description: '宝鸡市市场监督管理局审批人员 / reviewer, Baoji market regulation',
  },
  {
    id: 'supervisor-xian',
    role: 'supervisor',
    name: '孙磊',
    email: 'sunlei@zwfw.xa.example',
    region: '610100',
    description: "西安市行政审批督办 / supervisor, Xi'an",
  },
  {
    id: 'admin-province',
    role: 'admin',
    name: '周敏',
    email: 'zhoumin@zwfw.sn.example',
    region: '610000',
    description: '省政务服务管理办公室 / provincial service-management office',
  },
  // 三员分立: the security and audit administrators are other people than the system administrator above.
  {
    id: 'security-admin-province',
    role: 'security-admin',
    name: '吴刚',
    email: 'wugang@zwfw.sn.example',
    region: '610000',
    description: '安全管理员：授予工作人员角色 / security administrator: grants staff their roles',
  },
  {
    id: 'audit-admin-province',
    role: 'audit-admin',
    name: '郑洁',
    email: 'zhengjie@zwfw.sn.example',
    region: '610000',
    description: '安全审计员：查阅审计记录 / audit administrator: reads the audit records',
  },
];
