/**
 * Chinese cues. Patterns run on NFKC-normalised text (，→ , ；→ ; ：→ :), so `,` below is the
 * Chinese comma too. `W(n)` is a short stretch inside one comma-delimited phrase.
 *
 * 不得 is a duty (prohibit), not a negation: only 不要求, 无需, 并不限制, 不得以…为由 and
 * their kin take a duty or a sanction back. A cue must start on a word boundary found by
 * ICU's Chinese word segmenter, so that 限流 inside 无限流量 or 应 inside 供应商 is no cue.
 */
import type { CuePattern, Lexicon } from './cue-engine';

const W = (n: number): string => `[^,。;:!?]{0,${n}}?`;
const re = (source: string): RegExp => new RegExp(source, 'g');

const RIVAL = [
  `其[他它]${W(10)}(?:平台|渠道|网店|商城|网站|app|聚合平台|电商(?!平台)|零售商)`,
  `(?:任何|其余)${W(8)}(?:平台|渠道)`,
  `第三方${W(6)}(?:平台|渠道)`,
  `竞争(?:性|对手)?的?${W(4)}平台|竞品平台|友商(?:平台)?|竞争对手`,
  `同类${W(4)}平台`,
  `外部平台|站外|全网|全渠道|(?:多个|多家|[两二三]个(?:及|或)?以上)${W(6)}平台|除本平台(?:以)?外|本平台以外|甲方以外`,
  `京东|淘宝|天猫|拼多多|抖音|快手|美团|饿了么|苏宁|唯品会|携程|小红书|亚马逊`,
].join('|');

const CHANNEL = '官方网站|官网|自有渠道|线下门店|线下渠道|门店价|堂食';

const VERB = [
  '开设|开店|开分店|开办|入驻|经营(?!者|权|范围|类目|许可|资质)|销售|售卖|出售|上架|上线|铺货|分销|供货|供应(?!商)|代发|货源',
  '参加|参与|报名|合作|签约|签订|接入|展示|直播|带货|首发|促销|活动|店铺|旗舰店|分店',
  `使用${W(16)}服务|接受${W(4)}订单`,
].join('|');

const CLOSE = '关闭|关停|撤出|撤下|撤销|撤店|退出|下线|下架|注销|停止|暂停|终止|转移|迁移';

const PROHIBIT = '不得|不可(?!抗力)|不能|不应|不准|不允许|禁止|严禁|杜绝|不再';
const COMMIT_NOT = '不会?(?=在|与|向|于|为|通过|参加|参与|入驻|开设|销售|上架|经营|同时|以任何)';

const OBLIGE = [
  '必须|(?<![无不毋所必])须|应当|(?<![供对响反适相答回感效理])应(?![用对])|(?<![无不毋所必])需(?!求)',
  '(?<![不未])要求|承诺|(?<!无)保证(?!金)|确保|(?<!书面|未经|经)同意|只能|仅能|仅可|只可|只允许|仅允许|只准|有义务|务必',
  // A platform's request to one merchant is a demand: 请贵店于本周内关闭….
  '(?<![申邀聘提])请(?!求|参考|联系|查看|咨询|注意)',
].join('|');

const NEGATION = [
  '不要求|不会要求|并未要求|从未(?:提出|要求)?|无需|无须|毋须|不必|不需要|不需|无义务|没有义务|不强制|不强求',
  '(?:不得|不应|不能|不可|禁止|严禁|无权|不会|不)(?:以任何方式)?(?:要求|限制|强制|强迫|干涉|干预|阻止|阻碍|妨碍|迫使|胁迫|变相限制|排斥|歧视)',
  `(?:不得|不应|禁止|严禁)${W(30)}(?:限制|干涉|阻碍|排斥)`,
  `并不限制|不限制|不予限制|不作(?:任何)?限制|不作干涉|不受${W(8)}(?:限制|约束)|不影响|互不影响|不作为${W(20)}(?:因素|依据|条件)`,
  `不以${W(30)}为(?:由|前提|条件)|不得以${W(30)}为由|不会因|不因|不会(?:取消|降低|限制|减少|影响|对)|不设置?|不搞|反对`,
  `不再实施|不实施|停止(?:要求|限制|实施|适用)|取消了?对${W(16)}的?限制|全面取消${W(12)}(?:独家|协议)|不持异议|不进行(?:监测|干预)`,
  `不对${W(20)}(?:监测|干预|限制|比较)|不作比较|解释为限制|非独家|非排他|不具有排他|非独占|不构成独家`,
  '自主(?=选择|决定|经营|设定|定价|开展|调整)|自行(?=决定|选择|确定|约定|使用)|自由(?=选择|决定|经营)|自愿',
  '(?<![仅只不])可以|(?<![仅只不])可(?=在|同时|自|以|于|通过|使用|接入|选择|决定|根据|随时)',
  '有权(?=自主|自行|选择|决定|在其他|在本平台及|同时|根据)|鼓励|支持(?=商家)|保障[^,。;]{0,12}?权利|尊重|不利对待',
].join('|');

const ONLY = [
  `(?:仅|只|唯一)(?:能|可|限|允许|准)?(?:在|通过|于|选择|将)?${W(4)}(?:本平台|甲方平台|我平台|平台)(?!自营|以外|之外)`,
  `(?:本平台|平台)${W(8)}(?:唯一|独家)${W(8)}(?:销售渠道|渠道|销售平台|经营平台)|唯一${W(4)}渠道`,
  '独家(?:经营|销售|合作|入驻|供货|首发|线上|开店)|排他(?:性)?(?:合作|协议|经营|期限)|集中于本平台|二选一',
].join('|');

const SANCTION = [
  '降权|降级|限流|屏蔽|冻结|清退|封店|封号|下架|下线|移出|剔除|除名|罚款|违约金|扣除|扣罚|扣分|没收|不予退还|不退还|收回|追缴|追回',
  `取消${W(14)}(?:资格|活动(?:资格)?|坑位|资源|权限|优惠|报名|品牌日|补贴|扶持)|不予(?:安排|审核|推荐|通过|结算)|不再(?:向其)?(?:提供|给予)`,
  `暂停${W(10)}(?:经营|营业|销售|资格|扶持|结算|活动|服务|权限)|停止${W(10)}(?:结算|扶持|合作|服务|推荐)`,
  `终止(?:合作|协议|本协议|对其|${W(6)}扶持)|解除${W(4)}(?:合作|协议|合同)`,
  `(?:降低|下调|减少|限制|调低|调整)${W(12)}(?:排名|排序|权重|曝光|流量|展示|推荐|频次|配送范围)|流量限制`,
  `(?:提高|上调)${W(8)}(?:佣金|费率|服务费)|缩小${W(6)}配送范围|列入${W(8)}名单|警告|处罚|惩罚|关闭${W(12)}(?:权限|工具)`,
  `赔偿|差价|不利后果|影响${W(8)}(?:流量|排名|曝光|权重|资格)|限制${W(4)}(?:参加|参与|报名)|(?:双倍|加倍|额外)${W(6)}(?:费|佣金)`,
].join('|');

const CONDITION = `如果|如|若|倘若|一旦|一经|凡|对于|对(?=在|同时|参加|“|未|不配合|拒)|发现|经查|查实|核实|监测到|的,|者,|期间,|继续|拒绝|拒不|未按|私自`;

const ANAPHOR = `否则|违者|违反(?:上述|前述|本条|前款|以上|该|此|本款)|如有违反|未履行(?:上述|前述)|不遵守(?:上述|前述)`;

const MISCONDUCT = '假冒|售假|假货|刷单|炒信|虚假|欺诈|骗取|恶意|质量|违禁|侵权|安全隐患|召回|规避|盗用|违法|违规';

const NON_CHANNEL = [
  '商标|标识|logo|冒用|仿冒|名义|名称|字号|著作权|传播权|版权|肖像|专利|商标许可|许可使用|被许可|独占许可|授权书|授权区域|授权期限|独家授权|授权经销',
  '代理(?:销售|权|商|区域)|经销(?:权|商)|区域|地区|仲裁|管辖|法院|冠名|赞助|定制|共同研发|联名|支付服务|支付机构|物流服务|快递|赠品|优惠券',
  `数据|报告|个人信息|保密|秘密|披露|透露|(?:放置|发布|展示|添加|分享)${W(8)}链接|二维码|引导|诱导|导流|绕开|广告|宣传|图片`,
].join('|');

const CONSUMER = '自营|买贵|退还差价|退差|差价补偿|补差|价保|保价|消费者可|由平台(?:出资|承担)|平台出资|比价信息';

const PRICE =
  '价格|售价|标价|房价|报价|到手价|活动价|秒杀价|成交价|供货价|单价|底价|低价|价|优惠|条件|返利|账期|待遇|力度|费率|套餐|政策';

const COMPARATOR = [
  '不高于|不得高于|不能高于|不应高于|不超过|不得超过|低于|不劣于|不得劣于|劣于|不差于|不得差于|差于|不得优于|优于|不低于',
  '更低|更优|更优惠|持平|一致|相同|同等|同步|对等|最低|最优惠|最优|最惠|具有竞争力|价格优势|同样',
].join('|');

const LOWEST_ACROSS = `全网${W(4)}(?:最低|最优|底价|低价)|全渠道${W(4)}(?:最低|最优)|(?:所有|全部|任何)${W(6)}渠道${W(6)}最低|最低价格的渠道`;

const MFN = '最惠|最优惠的价格|最优惠价格|最优惠的交易条件|最优惠待遇|最优条件';

const PATTERNS: CuePattern[] = [
  { cls: 'rival', re: re(RIVAL) },
  { cls: 'channel', re: re(CHANNEL) },
  { cls: 'verb', re: re(VERB) },
  { cls: 'close', re: re(CLOSE) },
  { cls: 'prohibit', re: re(PROHIBIT) },
  { cls: 'commit_not', re: re(COMMIT_NOT) },
  { cls: 'oblige', re: re(OBLIGE) },
  { cls: 'negation', re: re(NEGATION) },
  { cls: 'denial', re: re('从未|并未|郑重声明|反映|声称') },
  { cls: 'only', re: re(ONLY) },
  { cls: 'sanction', re: re(SANCTION) },
  { cls: 'condition', re: re(CONDITION) },
  { cls: 'anaphor', re: re(ANAPHOR) },
  { cls: 'misconduct', re: re(MISCONDUCT) },
  { cls: 'non_channel', re: re(NON_CHANNEL) },
  { cls: 'consumer', re: re(CONSUMER) },
  { cls: 'price', re: re(PRICE) },
  { cls: 'comparator', re: re(COMPARATOR) },
  { cls: 'lowest_across', re: re(LOWEST_ACROSS) },
  { cls: 'mfn', re: re(MFN) },
  { cls: 'rival_idiom', re: re('脚踩两只船') },
];

/** ICU word segmentation (built into Node): a cue must begin where a word begins. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function wordStarts(text: string): (offset: number) => boolean {
  const starts = new Set<number>();
  for (const s of segmenter.segment(text)) starts.add(s.index);
  return (offset) => starts.has(offset);
}

export const ZH_LEXICON: Lexicon = {
  language: 'zh',
  patterns: PATTERNS,
  // "但不限于" (including but not limited to) is no contrast.
  contrast: /[,;]\s*(?:但是|但(?!不限于)|然而|不过|可是)/g,
  // 并 but not 并未 / 并不 / 并非 (which negate; 并不得 is "and must not"), 也 but not 也许.
  phraseBreak: /[,;:、]|也(?!许)|并(?![未非无没]|不(?!得))|以及|而且/g,
  verbRivalWindow: 12,
  priceComparatorWindow: 14,
  acceptStart: wordStarts,
  // Content words (入驻, 其他平台) are matched anywhere: ICU splits some of them (不入|驻).
  boundaryClasses: new Set([
    'sanction',
    'oblige',
    'prohibit',
    'negation',
    'price',
    'comparator',
    'misconduct',
    'condition',
  ]),
};
