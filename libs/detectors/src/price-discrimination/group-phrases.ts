/**
 * How a disadvantaged group and its comparison group read in a summary, in English and in
 * Chinese: "iOS users … than other users", "近90天消费额不少于52000的用户 … 比低于该值的用户".
 */
export interface GroupPhrase {
  en: string;
  enRest: string;
  zh: string;
  zhRest: string;
}

const DEVICE: Record<string, [string, string]> = {
  ios: ['iOS users', 'iOS用户'],
  android: ['Android users', '安卓用户'],
  harmony: ['HarmonyOS users', '鸿蒙用户'],
  web: ['Web users', '网页端用户'],
};

const GENDER: Record<string, [string, string]> = {
  f: ['Women', '女性用户'],
  m: ['Men', '男性用户'],
  u: ['Users of unstated gender', '未注明性别的用户'],
};

const NUMERIC: Record<string, { en: string; zh: string; unit: string; zhUnit: string }> = {
  tenure_days: { en: 'account age', zh: '注册天数', unit: ' days', zhUnit: '天' },
  orders_90d: { en: 'orders in the last 90 days', zh: '近90天订单数', unit: '', zhUnit: '' },
  spend_90d: { en: 'spend in the last 90 days', zh: '近90天消费额', unit: ' (minor currency units)', zhUnit: '（最小货币单位）' },
};

function numericPhrase(attribute: string, group: string): GroupPhrase {
  const above = group.startsWith('>=');
  const value = Number(group.slice(above ? 2 : 1)).toLocaleString('en-US');
  const n = NUMERIC[attribute] ?? { en: attribute, zh: attribute, unit: '', zhUnit: '' };
  return above
    ? { en: `Users with ${n.en} of at least ${value}${n.unit}`, enRest: 'users below that', zh: `${n.zh}不少于${value}${n.zhUnit}的用户`, zhRest: '低于该值的用户' }
    : { en: `Users with ${n.en} below ${value}${n.unit}`, enRest: 'users at or above that', zh: `${n.zh}低于${value}${n.zhUnit}的用户`, zhRest: '达到该值的用户' };
}

export function groupPhrase(attribute: string, group: string, numeric: boolean): GroupPhrase {
  if (numeric) return numericPhrase(attribute, group);
  const other = { enRest: 'other users', zhRest: '其他用户' };
  switch (attribute) {
    case 'device_os': {
      const [en, zh] = DEVICE[group] ?? [`Users on ${group}`, `使用${group}的用户`];
      return { en, zh, ...other };
    }
    case 'gender': {
      const [en, zh] = GENDER[group] ?? [`Users of gender "${group}"`, `性别为“${group}”的用户`];
      return { en, zh, ...other };
    }
    case 'member_tier':
      return group === 'none'
        ? { en: 'Non-members', zh: '非会员用户', enRest: 'members', zhRest: '会员用户' }
        : { en: `Members of tier "${group}"`, zh: `会员等级为“${group}”的用户`, ...other };
    case 'new_user':
      return group === 'true'
        ? { en: 'New users', zh: '新用户', enRest: 'returning users', zhRest: '老用户' }
        : { en: 'Returning users', zh: '老用户', enRest: 'new users', zhRest: '新用户' };
    case 'age_band':
      return { en: `Users aged ${group}`, zh: `${group}岁年龄段的用户`, ...other };
    case 'region':
      return { en: `Users in region ${group}`, zh: `地区${group}的用户`, ...other };
    case 'channel':
      return { en: `Users on the ${group} channel`, zh: `通过${group}渠道的用户`, ...other };
    default:
      return { en: `Users with ${attribute} "${group}"`, zh: `${attribute}为“${group}”的用户`, ...other };
  }
}
