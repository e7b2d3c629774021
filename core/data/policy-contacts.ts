import type { PolicyContact } from '../contracts/policies';
import type { DepartmentId } from './departments';

/**
 * The demo county's department contacts printed on each policy. Phone numbers use the placeholder area
 * code 0000 and addresses are marked 演示: a deployment edits each policy's contact in the admin page.
 */
export const DEMO_CONTACTS: Record<DepartmentId, PolicyContact> = {
  vab: {
    id: 'vab',
    name: '县退役军人事务局',
    phone: '0000-6201001',
    address: '城关街道拥军路 18 号县政务服务中心三楼（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  hrss: {
    id: 'hrss',
    name: '县人力资源和社会保障局',
    phone: '0000-6202002',
    address: '城关街道人民路 66 号就业服务大厅（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  edu: {
    id: 'edu',
    name: '县教育局',
    phone: '0000-6203003',
    address: '东城街道文昌路 9 号二楼招生办（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  civil: {
    id: 'civil',
    name: '县民政局',
    phone: '0000-6204004',
    address: '西城街道民生路 21 号社会救助窗口（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  health: {
    id: 'health',
    name: '县卫生健康委员会',
    phone: '0000-6205005',
    address: '城关街道健康路 3 号（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  medins: {
    id: 'medins',
    name: '县医疗保障局',
    phone: '0000-6206006',
    address: '城关街道人民路 66 号政务服务中心二楼医保窗口（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  housing: {
    id: 'housing',
    name: '县住房和城乡建设局',
    phone: '0000-6207007',
    address: '东城街道建设路 12 号住房保障科（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
  justice: {
    id: 'justice',
    name: '县法律援助中心',
    phone: '0000-6208008',
    address: '西城街道法治路 5 号一楼（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30；周六上午值班',
  },
  pafd: {
    id: 'pafd',
    name: '县人民武装部',
    phone: '0000-6209009',
    address: '城关街道八一路 1 号（演示地址）',
    hours: '工作日 8:00–12:00，14:30–18:00',
  },
  office: {
    id: 'office',
    name: '县双拥工作领导小组办公室',
    phone: '0000-6200000',
    address: '城关街道拥军路 18 号县政务服务中心三楼（演示地址）',
    hours: '工作日 8:30–12:00，14:30–17:30',
  },
};
