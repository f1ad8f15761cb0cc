/** Subtitle text encodings: detection (BOM, strict UTF-8, UTF-16/32 without BOM, scored legacy candidates) and exact re-encoding. */
import { isUtf8 } from 'node:buffer';
import { analyse as chardetAnalyse } from 'chardet';
import iconv from 'iconv-lite';
import { english, type Translate } from './i18n';

/** How an encoding was decided, for diagnostics. */
export type DetectionMethod = 'bom' | 'utf-8' | 'wide-unicode' | 'scored' | 'forced';

export interface DecodedText {
  /** The text with the BOM removed. */
  text: string;
  /** iconv-lite lower-case canonical name: `utf-8`, `utf-16le`, `gb18030`, `windows-1252`... */
  encoding: string;
  bom: boolean;
  method: DetectionMethod;
  /** Lossy decoding and similar facts the user should know before saving over the file. */
  warnings: string[];
  /** Set when the encoding is only a guess (not valid UTF-8 and no legacy encoding fits clearly); else null. */
  doubt?: EncodingDoubt | null;
}

/** An uncertain encoding guess, for the open warning, Reopen with Encoding… and `check`'s `encoding-guess`. */
export interface EncodingDoubt {
  /** The encoding the text was decoded with. */
  guessed: string;
  /** Other plausible encodings, most plausible first (those decoding the file differently from the guess). */
  alternatives: string[];
  /** Lines with non-ASCII bytes that are valid UTF-8, and those that are not (both > 0: mixed encodings). */
  utf8Lines: number;
  otherLines: number;
  /** The warning in words (no file name: callers add it). */
  message: string;
}

/** Thrown when the bytes are not text; `byteOffset` is where the first binary data was found. */
export class BinaryDataError extends Error {
  constructor(readonly byteOffset: number) {
    super(`binary data at byte ${byteOffset}`);
    this.name = 'BinaryDataError';
  }
}

/** Thrown for an encoding name iconv-lite does not know. */
export class UnknownEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unknown encoding "${encoding}"`);
    this.name = 'UnknownEncodingError';
  }
}

// ---------------------------------------------------------------------------------------------
// Names and BOMs

const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  // UTF-32LE first: its BOM starts with the UTF-16LE one.
  { encoding: 'utf-32le', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'utf-32be', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
];

/** Spellings people and tools use (`UTF8`, `cp1252`, `GBK`, `Shift-JIS`), keyed without case or punctuation. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  utf16be: 'utf-16be',
  utf32: 'utf-32le',
  utf32le: 'utf-32le',
  utf32be: 'utf-32be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  euccn: 'gb18030',
  xgbk: 'gb18030',
  big5: 'big5',
  cp950: 'big5',
  big5hkscs: 'big5hkscs',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  xsjis: 'shift_jis',
  mskanji: 'shift_jis',
  cp932: 'shift_jis',
  windows31j: 'shift_jis',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  ksc56011987: 'euc-kr',
  eucjp: 'euc-jp',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  cp866: 'cp866',
  ibm866: 'cp866',
  cp874: 'windows-874',
  windows874: 'windows-874',
  tis620: 'windows-874',
  latin1: 'iso-8859-1',
  latin2: 'iso-8859-2',
  macroman: 'macintosh',
  macintosh: 'macintosh',
  ascii: 'ascii',
  usascii: 'ascii',
};

/** The canonical lower-case name for an encoding label, or null when iconv-lite cannot handle it. */
export function canonicalEncoding(label: string): string | null {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  const alias = ALIASES[key];
  if (alias) return alias;
  const windows = /^(?:windows|win|cp|xcp)(125\d)$/.exec(key);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso8859(\d{1,2})$/.exec(key);
  if (iso) return iconv.encodingExists(`iso-8859-${iso[1]}`) ? `iso-8859-${iso[1]}` : null;
  return iconv.encodingExists(label) ? label.toLowerCase() : null;
}

/** The BOM bytes of an encoding, or an empty buffer for encodings that have none. */
export function bomBytes(encoding: string): Buffer {
  const entry = BOMS.find((b) => b.encoding === encoding);
  return Buffer.from(entry ? entry.bytes : []);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** The encoding announced by a BOM at the start of `bytes`, or null. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const { encoding, bytes: prefix } of BOMS) {
    // FF FE 00 00 is also a UTF-16LE BOM followed by U+0000; only a whole number of 4-byte units makes it UTF-32.
    if (encoding === 'utf-32le' && bytes.length % 4 !== 0) continue;
    if (startsWith(bytes, prefix)) return { encoding, length: prefix.length };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Decoding and encoding

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

/** Encodes text for saving; the result decodes back to `text`, and for text read from a file, equals its bytes. */
export function encodeText(text: string, options: { encoding: string; bom: boolean }): Buffer {
  const encoding = canonicalEncoding(options.encoding);
  if (encoding === null) throw new UnknownEncodingError(options.encoding);
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding, { addBOM: false });
  return options.bom ? Buffer.concat([bomBytes(encoding), body]) : body;
}

/**
 * The first character `encoding` cannot represent (it would be saved as `?`), with its UTF-16 index,
 * or null when the whole text survives. Lone surrogates count as unencodable in every encoding.
 */
export function firstUnencodable(text: string, encoding: string): { index: number; char: string } | null {
  // isWellFormed (native) first: the regex alone takes ~50 ms on a 14 MB document at every save.
  const wellFormed = (text as string & { isWellFormed?: () => boolean }).isWellFormed?.() === true;
  const lone = wellFormed ? null : /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  let limit = lone ? lone.index : text.length;
  const canonical = canonicalEncoding(encoding);
  if (canonical === null) throw new UnknownEncodingError(encoding);
  if (!canonical.startsWith('utf-')) {
    const back = decodeAs(encodeText(text, { encoding: canonical, bom: false }), canonical);
    if (back !== text) {
      let i = 0;
      while (i < limit && back.charCodeAt(i) === text.charCodeAt(i)) i++;
      limit = Math.min(limit, i);
    }
  }
  if (limit >= text.length) return null;
  const code = text.codePointAt(limit) ?? 0;
  return { index: limit, char: String.fromCodePoint(code) };
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Warnings for a decoding that would not write back the same bytes (invalid sequences, non-canonical forms). */
function roundTripWarnings(text: string, body: Uint8Array, encoding: string, t: Translate): string[] {
  if (encodeText(text, { encoding, bom: false }).equals(body)) return [];
  const unit = encoding.startsWith('utf-32') ? 4 : encoding.startsWith('utf-16') ? 2 : 1;
  if (body.length % unit !== 0) return [t('main:encoding.truncated', { encoding, bytes: body.length % unit })];
  const replaced = countChar(text, '\uFFFD');
  if (replaced > 0) return [t('main:encoding.replaced', { count: replaced, encoding })];
  return [t('main:encoding.nonCanonical', { encoding })];
}

// ---------------------------------------------------------------------------------------------
// Binary data

/** Share of disallowed control bytes above which a file is binary, e.g. 12% in random data, ~0 in text. */
const CONTROL_RATIO_LIMIT = 0.005;
/** Fewer control bytes than this never make a file binary: a stray 0x03 in a subtitle is damage, not data. */
const CONTROL_COUNT_MIN = 4;
/** Bytes scanned for control characters (the NUL check covers the whole file). */
const CONTROL_SCAN_BYTES = 4 * 1024 * 1024;

/** Control characters text files do not contain; tab, LF, VT, FF, CR, SUB (DOS end of file) and ESC are allowed. */
function isDisallowedControl(code: number): boolean {
  return code === 0x7f || (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1a && code !== 0x1b);
}

/**
 * Byte offset of binary data in an ASCII-compatible file, or -1: any NUL byte, or control bytes
 * making up more than 0.5% of the first 4 MB. Every candidate encoding keeps bytes below 0x20 as
 * themselves (trail bytes of GBK/Big5/Shift_JIS start at 0x30/0x40), so this is valid before decoding.
 */
export function findBinaryByte(bytes: Uint8Array): number {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return nul;
  const end = Math.min(bytes.length, CONTROL_SCAN_BYTES);
  let count = 0;
  let first = -1;
  for (let i = 0; i < end; i++) {
    if (isDisallowedControl(bytes[i] as number)) {
      if (first === -1) first = i;
      count++;
    }
  }
  return count >= CONTROL_COUNT_MIN && count / Math.max(end, 1) > CONTROL_RATIO_LIMIT ? first : -1;
}

/** Byte offset of binary data in decoded UTF-16/32 text (any NUL, or too many controls), or -1. */
function findBinaryChar(text: string, encoding: string, bomLength: number): number {
  let first = text.indexOf('\0');
  if (first === -1) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      if (!isDisallowedControl(text.charCodeAt(i))) continue;
      if (first === -1) first = i;
      count++;
    }
    if (count < CONTROL_COUNT_MIN || count / Math.max(text.length, 1) <= CONTROL_RATIO_LIMIT) return -1;
  }
  return bomLength + encodeText(text.slice(0, first), { encoding, bom: false }).length;
}

// ---------------------------------------------------------------------------------------------
// UTF-16 and UTF-32 without a BOM

/** Bytes looked at to recognise UTF-16/32 without a BOM. */
const WIDE_SNIFF_BYTES = 64 * 1024;

/**
 * UTF-16/32 without a BOM, recognised by where its NUL bytes fall: an SRT always has digits,
 * colons and line breaks, e.g. `1\n` in UTF-16LE is `31 00 0A 00` (NULs at odd offsets).
 */
export function sniffWideUnicode(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, WIDE_SNIFF_BYTES) & ~3;
  if (n < 4) return null;
  const zeros: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[(i & 3) as 0 | 1 | 2 | 3]++;
  const [z0, z1, z2, z3] = zeros;
  const quads = n / 4;
  const candidates: string[] = [];
  if (bytes.length % 4 === 0) {
    // Code points stop at U+10FFFF, so one byte of every unit is always zero and its neighbour almost always.
    if (z3 === quads && z2 >= 0.9 * quads && z0 < 0.5 * quads) candidates.push('utf-32le');
    if (z0 === quads && z1 >= 0.9 * quads && z3 < 0.5 * quads) candidates.push('utf-32be');
  }
  const pairs = n / 2;
  const even = z0 + z2;
  const odd = z1 + z3;
  // Even an all-Chinese SRT is over half ASCII (numbers, timings, line breaks), so 20% NULs is a safe floor;
  // a stray NUL in an 8-bit file stays far below it.
  if (odd >= 0.2 * pairs && even <= 0.1 * odd) candidates.push('utf-16le');
  if (even >= 0.2 * pairs && odd <= 0.1 * even) candidates.push('utf-16be');
  for (const encoding of candidates) if (looksLikeWideText(bytes, encoding)) return encoding;
  return null;
}

function looksLikeWideText(bytes: Uint8Array, encoding: string): boolean {
  const sample = decodeAs(bytes.subarray(0, Math.min(bytes.length, WIDE_SNIFF_BYTES) & ~3), encoding);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/.test(sample)) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (isDisallowedControl(sample.charCodeAt(i))) controls++;
  return controls <= sample.length * 0.01 && !sample.includes('\0');
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings: decode with every plausible candidate and score how natural the text looks

type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'hebrew'
  | 'arabic'
  | 'thai'
  | 'han'
  | 'hiragana'
  | 'katakana'
  | 'hangul'
  | 'inherited'
  | 'other';

interface Profile {
  /** The language's frequent letters or characters (both cases): +1. */
  common: ReadonlySet<string>;
  /** Its other letters: +0.5. */
  letters: ReadonlySet<string>;
  /** Score of other letters of these scripts; letters of any other script score FOREIGN_LETTER. */
  scripts: Partial<Record<Script, number>>;
}

const FOREIGN_LETTER = -2;
/** U+FFFD, C1 controls, private-use and unassigned characters: what a wrong decoding produces. */
const ISSUE_SCORE = -6;

function bothCases(letters: string): Set<string> {
  const set = new Set<string>();
  for (const ch of letters) {
    set.add(ch);
    const upper = ch.toUpperCase();
    if ([...upper].length === 1) set.add(upper);
  }
  return set;
}

/** A Latin-script language: its frequent accented letters +1, its other accented letters +0.5, foreign accents -1. */
function latin(common: string, rare = ''): Profile {
  return { letters: bothCases(common + rare), common: bothCases(common), scripts: { latin: -1 } };
}

function cyrillic(letters: string, common: string): Profile {
  return { letters: bothCases(letters), common: bothCases(common), scripts: { cyrillic: -1 } };
}

/** Languages written in one script of their own: frequent letters +1, the rest of the script +0.5. */
function ownScript(script: Script, common: string): Profile {
  return { letters: new Set<string>(), common: charSet(common), scripts: { [script]: 0.5 } };
}

function charSet(chars: string): Set<string> {
  return new Set(chars);
}

function rangeChars(from: number, to: number): string {
  let out = '';
  for (let cp = from; cp <= to; cp++) out += String.fromCodePoint(cp);
  return out;
}

// The ~2,200 most frequent Chinese characters (about 99% of running text), in simplified and traditional forms.
const HANS_COMMON =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟遂狭肖甜霞驳裕顽摘矮秒卿畜咽披辅勾盆疆赌塑畏吵囊嗯泊肺骤缠冈羞瞪吊贾漏斑涛悠鹿俘锡卑葬铭滩嫁催翅盒蛮矣潘歧赐锅廊拆灌勉盲宰佐啥胀扯辽筒棋裤唉朴咐孕誓喉妄拘链驰栏逝窃艳臭纤棵趁匠盈翁愁瞬婴孝颈倘谅蔽畅赠妮莎尉冻跪闯葡厨鸭颠遮谊吁辟瘤嫂框亨钦庸歉芝吼衫摊宴嘱衷娇矩讶耸裸碧摧薪淋耻胶屠鹅饥盼脖虹翠崩账逢赚撑翔倡绵猴枯巫昭怔渊凑溪蠢禅旺寓藤匪伞碑挪脂谣掘兆勿冤捧枉棍锻颂敞擅蜡抄炭揽蛙胳枕';
const HANT_COMMON =
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島托央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架域沙掉括艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固席松秘謝魯遇康慮幸均銷鐘詩藏趕劇票損忽巨炮舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖招婚脫補謂督毒油療旅澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁宮喝借君禁陰園謀宋避抓榮姑孫逃牙束跳頂玉鎮雪午練迫爺篇肉嘴館遍凡礎洞卷坦牛寧紙諸訓私莊祖絲翻暴森塔默握戲隱熟骨訪弱蒙歌店鬼軟典欲薩夥遭盤爸擴蓋弄雄穩忘億刺擁徒姆楊齊賽趣曲刀床迎冰虛玩析窗醒妻透購替塞努休虎揚途侵刑綠兄迅套貿畢唯谷輪庫跡尤競街促延震棄甲偉麻川申緩潛閃售燈針哲絡抵朱埃抱鼓植純夏忍頁傑築折鄭貝尊吳秀混臣雅振染盛怒舞圓搞狂措姓殘秋培迷誠寬宇猛擺梅毀伸摩盟末乃悲拍丁趙硬麥蔣操耶阻訂彩抽贊魔紛沿喊違妹浪匯幣豐藍殊獻桌啦瓦萊援譯奪汽燒距裁偏符勇觸課敬哭懂牆襲召罰俠廳拜巧側韓冒債曼融慣享戴童猶乘掛獎紹厚縱障訊涉徹刊丈爆烏役描洗瑪患妙鏡唱煩簽仙彼弗症仿傾牌陷鳥轟咱菜閉奮慶撤淚茶疾緣播朗杜奶季丹狗尾儀偷奔珠蟲駐孔宜艾橋淡翼恨繁寒伴嘆旦愈潮糧縮罷聚徑恰挑袋灰捕徐珍幕映裂泰隔啟尖忠累炎暫估泛荒償橫拒瑞憶孤鼻鬧羊呆厲衡胞零窮舍碼赫婆魂災洪腿膽津俗辯胸曉勁貧仁偶輯邦恢賴圈摸仰潤堆碰艇稍遲輛廢淨兇署壁御奉旋冬礦抬蛋晨伏吹雞倍糊秦盾杯租騎乏隆診奴攝喪污渡旗甘耐憑扎搶緒粗肩梁幻菲皆碎宙叔岩蕩綜爬荷悉蒂返井壯薄悄掃敏礙殖詳迪矛霍允幅撒剩凱顆罵賞液番箱貼漫酸郎腰舒眉憂浮辛戀餐嚇挺勵辭艘鍵伍峰尺昨黎輩貫偵滑券崇擾憲繞趨慈喬閱汗枝拖墨脅插箭臘粉泥氏彭拔騙鳳慧媒佩憤撲齡驅惜豪掩兼躍屍肅帕駛堡屆欣惠冊儲飄桑閒慘潔蹤勃賓頻仇磨遞邪撞擬滾奏巡顏劑績貢瘋坡瞧截燃焦殿偽柳鎖逼頗昏勸呈搜勤戒駕漂飲曹朵仔柔倆孟腐幼踐籍牧涼牲佳娜濃芳稿竹腹跌邏垂遵脈貌柏獄猜憐惑陶獸帳飾貸昌敘躺鋼溝寄扶鋪鄧壽懼詢湯盜肥嘗匆輝奈扣廷澳嘛董遷凝慰厭髒騰幽怨鞋丟埋泉湧轄躲晉紫艱魏吾慌祝郵吐狠鑒曰械咬鄰赤擠彎椅陪割揭韋悟聰霧鋒梯貓祥闊譽籌叢牽鳴沈閣穆屈旨袖獵臂蛇賀柱拋鼠瑟戈牢遜邁欺噸琴衰瓶惱燕仲誘狼池疼盧仗冠粒遙呂玄塵馮撫淺敦糾鑽晶豈峽蒼噴耗凌敲菌賠塗粹扁虧寂煤熊恭濕循暖糖賦抑秩帽哀宿踏爛袁侯抖夾昆肝擦豬煉恆慎搬紐紋玻漁磁銅齒跨押怖漠疲叛遣茲祭醉拳彌斜檔稀捷膚疫腫豆削崗晃吞宏癌肚隸履漲耀扭壇撥沃繪伐堪僕郭犧殲墓僱廉契拼懲捉覆刷劫嫌瓜歇雕悶乳串娃繳喚贏蓮霸桃妥瘦搭赴岳嘉艙俊址龐耕銳縫悔邀玲惟斥宅添挖呵訟氧浩羽斤酷掠妖禍侍乙妨貪掙汪尿莉懸唇翰倉軌枚鹽覽傅帥廟芬屏寺胖璃愚滴疏蕭姿顫醜劣柯寸扔盯辱匹俱辨餓蜂哦腔鬱潰謹糟葛苗腸忌溜鴻爵鵬鷹籠丘桂滋聊擋綱肌茨殼痕碗穴膀卓賢臥膜毅錦欠哩函茫昂薛皺誇豫胃舌剝傲拾窩睜攜陵哼棉晴鈴填飼渴吻扮逆脆喘罩卜爐柴愉繩胎蓄眠竭餵傻慕渾奸扇櫃悅攔誕飽泡賊亭夕爹酬儒姻卵氛洩桿挨僧蜜吟遂狹肖甜霞駁裕頑摘矮秒卿畜咽披輔勾盆疆賭塑畏吵囊嗯泊肺驟纏岡羞瞪吊賈漏斑濤悠鹿俘錫卑葬銘灘嫁催翅盒蠻矣潘歧賜鍋廊拆灌勉盲宰佐啥脹扯遼筒棋褲唉朴咐孕誓喉妄拘鏈馳欄逝竊豔臭纖棵趁匠盈翁愁瞬嬰孝頸倘諒蔽暢贈妮莎尉凍跪闖葡廚鴨顛遮誼籲闢瘤嫂框亨欽庸歉芝吼衫攤宴囑衷嬌矩訝聳裸碧摧薪淋恥膠屠鵝飢盼脖虹翠崩賬逢賺撐翔倡綿猴枯巫昭怔淵湊溪蠢禪旺寓藤匪傘碑挪脂謠掘兆勿冤捧枉棍鍛頌敞擅蠟抄炭攬蛙胳枕';
const KANA = `${rangeChars(0x3041, 0x3096)}${rangeChars(0x30a1, 0x30fa)}ー`;
const JA_KANJI =
  '日一国人年大十二本中長出三時行見月分後前生五間上東四今金九入学高円子外八六下来気小七山話女北午百書先名川千水半男西電校語土木聞食車何南万毎白天母火右読友左休父雨会同事自社発者地業方新場員立開手力問代明動京目通言理体田主題意不作用度強公持野以思家世多正安院心界教文元重近考画海売知道集別物使品計死特私始朝運終台広住無真有口少町料工建空急止送切転研足究楽起着店病質待試族銀早映親験英医仕去味写字答夜音注帰古歌買悪図週室歩風紙黒花春赤青館屋色走秋夏習駅洋旅服夕借曜飲肉貸堂鳥飯勉冬昼茶弟牛魚兄犬妹姉漢僕君彼俺様達顔頭当丈夫供部違願頼嫌戻助殺警察逃信変';
const KO_COMMON =
  '이다는의에하고을가지서기리로사자도한대나어정들인수아시그요게일해니보면있것주만상부제전과장구라은를없우적오신성여소마문원생내했되세스말까거국동으저치미때모위러안데터경중화공비실연개야할분관네물진방무음좋금와트히두반심선명당회학법알운식결발교통계평현강너왜뭐우리같죠잖싶습봐줘좀더잘못래예디왔워미랑늘갈겠';

const PROFILES = {
  french: latin('éèàçê', 'âæëîïôœùûüÿ'),
  german: latin('äöüß'),
  spanish: latin('áéíñóú', 'üªº'),
  portuguese: latin('ãáéçíóõêà', 'âôúü'),
  italian: latin('àèéìòù', 'íóúº'),
  catalan: latin('àèéíòóç', 'ïúü'),
  dutch: latin('éë', 'áäèïóöüú'),
  nordic: latin('åäöæø', 'éü'),
  icelandic: latin('áéíóúðþæö', 'ý'),
  estonian: latin('äõöü', 'šž'),
  albanian: latin('çë'),
  polish: latin('ąćęłńóśźż'),
  czech: latin('áčéěířšýžů', 'ďňťú'),
  slovak: latin('áčéíľňóšťýž', 'äĺŕďôú'),
  hungarian: latin('áéíóöőúüű'),
  romanian: latin('ăâîșțşţ'),
  croatian: latin('čćđšž'),
  turkish: { ...latin('çğıöşü', 'âîû'), letters: bothCases('çğıöşüâîûİ'), common: bothCases('çğıöşüİ') },
  lithuanian: latin('ąčęėįšųūž'),
  latvian: latin('āčēģīķļņšūž'),
  // Windows-1258 writes most tones as combining marks after the base letter.
  // Only the letters and tone marks French, Portuguese... do not share count as frequent: otherwise
  // `Où êtes-vous ?`, identical in 1252 and 1258, would be called Vietnamese.
  vietnamese: latin(
    `ăđơư\u0300\u0301\u0303\u0309\u0323`,
    `àáâãèéêìíòóôõùúýĩũạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ`,
  ),
  russian: cyrillic('абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'оеаинтсрвлкмдпу'),
  ukrainian: cyrillic('абвгґдеєжзиіїйклмнопрстуфхцчшщьюя', 'оанівиртеслкудмп'),
  belarusian: cyrillic('абвгдеёжзійклмнопрстуўфхцчшыьэюя', 'аоенірсктл'),
  bulgarian: cyrillic('абвгдежзийклмнопрстуфхцчшщъьюя', 'аоеинтрсвлкдпм'),
  serbian: cyrillic('абвгдђежзијклљмнњопрстћуфхцчџш', 'аиоенрсјткувдлмп'),
  macedonian: cyrillic('абвгдѓежзѕијклљмнњопрстќуфхцчџш', 'аоеинрстквдлмп'),
  greek: ownScript('greek', 'αεοιτνσςηυρκπμλάέήίόύώΑΕΟΙΤΝΣΗΚΠΜ'),
  hebrew: ownScript('hebrew', 'יוהלאמרבנתשעכדק'),
  arabic: ownScript('arabic', 'الينمورتهبدكعةف'),
  thai: ownScript('thai', 'านรอกเงมยลดวสบทคตะหไจพขปชแ่้ีัิุื็์'),
  chineseSimplified: { letters: new Set<string>(), common: charSet(HANS_COMMON), scripts: { han: 0.25 } },
  chineseTraditional: { letters: new Set<string>(), common: charSet(HANT_COMMON), scripts: { han: 0.25 } },
  japanese: {
    letters: new Set<string>(),
    common: charSet(KANA + JA_KANJI),
    // Other kanji (half-width katakana, U+FF61.., score as symbols: see charInfo).
    scripts: { han: 0.25, hiragana: 0.25, katakana: 0.25 },
  },
  korean: { letters: new Set<string>(), common: charSet(KO_COMMON), scripts: { hangul: 0.5, han: 0 } },
} satisfies Record<string, Profile>;

type Language = keyof typeof PROFILES;

const WESTERN: Language[] = [
  'french',
  'german',
  'spanish',
  'portuguese',
  'italian',
  'catalan',
  'dutch',
  'nordic',
  'icelandic',
  'estonian',
  'albanian',
];
const CENTRAL: Language[] = ['polish', 'czech', 'slovak', 'hungarian', 'romanian', 'croatian', 'german', 'albanian'];
const CYRILLIC: Language[] = ['russian', 'ukrainian', 'belarusian', 'bulgarian', 'serbian', 'macedonian'];
const BALTIC: Language[] = ['lithuanian', 'latvian', 'estonian', 'polish', 'german'];

/** Legacy candidates in order of preference when two decodings look equally natural (e.g. German in 1252 and 1250). */
const CANDIDATES: readonly { encoding: string; languages: Language[] }[] = [
  { encoding: 'windows-1252', languages: WESTERN },
  { encoding: 'gb18030', languages: ['chineseSimplified', 'chineseTraditional'] },
  { encoding: 'windows-1251', languages: CYRILLIC },
  { encoding: 'shift_jis', languages: ['japanese'] },
  { encoding: 'big5', languages: ['chineseTraditional'] },
  { encoding: 'euc-kr', languages: ['korean'] },
  { encoding: 'windows-1250', languages: CENTRAL },
  { encoding: 'windows-1256', languages: ['arabic'] },
  { encoding: 'windows-1253', languages: ['greek'] },
  { encoding: 'windows-1254', languages: ['turkish'] },
  { encoding: 'windows-1255', languages: ['hebrew'] },
  { encoding: 'windows-1257', languages: BALTIC },
  { encoding: 'windows-874', languages: ['thai'] },
  { encoding: 'windows-1258', languages: ['vietnamese'] },
  { encoding: 'euc-jp', languages: ['japanese'] },
  { encoding: 'koi8-r', languages: CYRILLIC },
  { encoding: 'koi8-u', languages: CYRILLIC },
  { encoding: 'iso-8859-2', languages: CENTRAL },
  { encoding: 'iso-8859-15', languages: WESTERN },
  { encoding: 'iso-8859-5', languages: CYRILLIC },
  { encoding: 'iso-8859-7', languages: ['greek'] },
  { encoding: 'iso-8859-9', languages: ['turkish'] },
  { encoding: 'iso-8859-8', languages: ['hebrew'] },
  { encoding: 'iso-8859-6', languages: ['arabic'] },
  { encoding: 'iso-8859-13', languages: BALTIC },
  { encoding: 'cp866', languages: CYRILLIC },
];

const ALL_LANGUAGES = Object.keys(PROFILES) as Language[];

/** Detector names that differ from the candidate they support. */
const DETECTOR_NAMES: Record<string, string> = { 'ISO-8859-1': 'windows-1252', 'UTF-8': 'utf-8' };

interface CharInfo {
  kind: 'letter' | 'mark' | 'punct' | 'cjk-punct' | 'symbol' | 'digit' | 'neutral' | 'issue';
  script: Script;
  upper: boolean;
  lower: boolean;
}

const SCRIPT_TESTS: readonly [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u],
  ['han', /\p{Script=Han}/u],
  ['hiragana', /\p{Script=Hiragana}/u],
  ['katakana', /\p{Script=Katakana}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['inherited', /\p{Script=Inherited}/u],
];
const ALPHABETIC = new Set<Script>(['latin', 'cyrillic', 'greek', 'hebrew', 'arabic', 'thai', 'other']);
const CJK = new Set<Script>(['han', 'hiragana', 'katakana', 'hangul']);
/** Symbols normal in subtitles: music notes, currencies, degrees. */
const USUAL_SYMBOLS = new Set('♪♫♩♬€£¥¢©®°™•§×');
/** Punctuation that may sit inside a word: `l’homme`, `col·lecció`. */
const WORD_PUNCTUATION = new Set('’‘·‧‐‑');
/** Typographic punctuation of real text (`— Tu viens ?`, `«Да»`, `¿Qué?`): mild evidence for a decoding. */
const TYPOGRAPHIC = new Set('—–…«»“”„‘’‹›¡¿');
/** Ideographic and full-width punctuation (`，。、「」！？`): strong evidence for a CJK decoding. */
const CJK_PUNCTUATION = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

const charInfoCache = new Map<number, CharInfo>();

function charInfo(cp: number): CharInfo {
  const cached = charInfoCache.get(cp);
  if (cached) return cached;
  const ch = String.fromCodePoint(cp);
  let script: Script = 'other';
  // The prolonged sound mark ー is "Common" in Unicode but only ever used with kana.
  if (cp === 0x30fc || cp === 0xff70) script = 'katakana';
  else for (const [name, test] of SCRIPT_TESTS) if (test.test(ch)) script = name;
  let kind: CharInfo['kind'];
  if (cp === 0xfffd || /[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u.test(ch)) kind = 'issue';
  // Half-width katakana and punctuation (U+FF61..U+FF9F) are what Latin-1 bytes A1..DF give when read as
  // Shift_JIS (`£5` -> `｣5`, `50°C` -> `50ｰC`); subtitles write full-width kana, so they are no evidence for it.
  else if (cp >= 0xff61 && cp <= 0xff9f) kind = 'symbol';
  else if (/\p{L}/u.test(ch)) kind = 'letter';
  else if (/\p{M}/u.test(ch)) kind = 'mark';
  else if (CJK_PUNCTUATION.test(ch)) kind = 'cjk-punct';
  else if (/\p{P}/u.test(ch)) kind = 'punct';
  else if (/\p{Nd}/u.test(ch)) kind = 'digit';
  else if (/[\p{S}\p{No}\p{Nl}]/u.test(ch) && !USUAL_SYMBOLS.has(ch)) kind = 'symbol';
  else kind = 'neutral';
  const info: CharInfo = { kind, script, upper: /\p{Lu}/u.test(ch), lower: /\p{Ll}/u.test(ch) };
  charInfoCache.set(cp, info);
  return info;
}

/** What a decoding looks like, independent of language: context penalties plus letter counts for profile scoring. */
interface TextEvidence {
  nonAscii: number;
  contextScore: number;
  letters: Map<string, { count: number; script: Script }>;
}

function isAlphabeticLetter(info: CharInfo): boolean {
  return info.kind === 'letter' && ALPHABETIC.has(info.script);
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** Penalty for a letter that sits oddly among its neighbours: `cafй` (mixed scripts), `оПХБЕР` (case), `Gr鰶e`. */
function letterContextScore(info: CharInfo, prev: number, next: number): number {
  let score = 0;
  const before = charInfo(prev);
  const after = charInfo(next);
  if (ALPHABETIC.has(info.script)) {
    const mixed = [before, after].some((n) => isAlphabeticLetter(n) && n.script !== info.script);
    if (mixed) score -= 2;
  } else if (CJK.has(info.script) && isAsciiLetter(prev) && isAsciiLetter(next)) score -= 1;
  // Korean puts particles after Latin words (`TV를`), never Latin letters straight after a syllable (`d챕j`).
  else if (info.script === 'hangul' && isAsciiLetter(next)) score -= 1;
  if (info.upper && before.kind === 'letter') score -= before.lower ? 1.5 : 0.25;
  return score;
}

/** Letters that only end words (Greek final sigma, Hebrew final forms, Arabic ta marbuta): `κόσμος`, `שלום`. */
const WORD_FINAL = new Set('ςךםןףץة');
/** Digits that are ordinary in text; other scripts' digits (Thai ๓) mostly come from misread bytes. */
const USUAL_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/u;

function isThaiConsonant(cp: number): boolean {
  return cp >= 0x0e01 && cp <= 0x0e2e;
}

/** Context score of the non-ASCII character at `i`: where it sits says as much as what it is. */
function contextScoreAt(cps: readonly number[], i: number, info: CharInfo): number {
  const cp = cps[i] as number;
  const prev = cps[i - 1] ?? 0x20;
  const next = cps[i + 1] ?? 0x20;
  const insideWord = isAlphabeticLetter(charInfo(prev)) && isAlphabeticLetter(charInfo(next));
  switch (info.kind) {
    case 'issue':
      return ISSUE_SCORE;
    case 'symbol':
      return insideWord ? -2 : -1;
    case 'punct': {
      const ch = String.fromCodePoint(cp);
      if (insideWord) return WORD_PUNCTUATION.has(ch) ? 0 : -1;
      return TYPOGRAPHIC.has(ch) ? 0.5 : 0;
    }
    case 'cjk-punct':
      return insideWord ? -1 : 1;
    case 'digit':
      return USUAL_DIGITS.test(String.fromCodePoint(cp)) ? 0 : -0.5;
    case 'mark': {
      // A combining mark belongs on a letter, at most two deep (Thai vowel + tone, Vietnamese tone).
      const before = charInfo(prev);
      if (before.kind === 'letter') return 0;
      if (before.kind === 'mark' && charInfo(cps[i - 2] ?? 0x20).kind === 'letter') return 0;
      return -2;
    }
    case 'letter': {
      let score = letterContextScore(info, prev, next);
      if (WORD_FINAL.has(String.fromCodePoint(cp)) && charInfo(next).kind === 'letter') score -= 2;
      // Thai leading vowels (เ แ โ ใ ไ) always come before a consonant.
      if (cp >= 0x0e40 && cp <= 0x0e44 && !isThaiConsonant(next)) score -= 1;
      // A lone letter right before a number is a currency sign misread (`£20` in Windows-1250 is `Ł20`).
      if (isAlphabeticLetter(info) && !isLetterLike(prev) && next >= 0x30 && next <= 0x39) score -= 2;
      return score;
    }
    default:
      return 0;
  }
}

function isLetterLike(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetter(cp);
  const kind = charInfo(cp).kind;
  return kind === 'letter' || kind === 'mark';
}

/**
 * Penalties over words and lines: a Latin word of three or more letters with no ASCII letter
 * (`ŕéôä`, Hebrew read as Windows-1250), and a few non-Latin letters in a line of ASCII words
 * (`Ч Tu viens ce soir`, a dash read as Cyrillic; `d챕j횪 vu`, UTF-8 read as EUC-KR) are what
 * wrong code pages produce.
 */
function wordAndLineScore(cps: readonly number[]): number {
  let score = 0;
  let wordAscii = 0;
  let wordAccented = 0;
  let lineAscii = 0;
  let lineForeign = 0;
  for (let i = 0; i <= cps.length; i++) {
    const cp = cps[i] ?? 0x0a;
    if (isLetterLike(cp)) {
      const script = cp < 0x80 ? 'latin' : charInfo(cp).script;
      if (cp < 0x80) wordAscii++;
      else if (script === 'latin') wordAccented++;
      else if ((ALPHABETIC.has(script) && script !== 'other') || CJK.has(script)) lineForeign++;
      if (cp < 0x80) lineAscii++;
      continue;
    }
    if (wordAscii === 0 && wordAccented >= 3) score -= wordAccented;
    wordAscii = 0;
    wordAccented = 0;
    if (cp === 0x0a) {
      if (lineForeign > 0 && lineAscii >= 3 * lineForeign) score -= lineForeign;
      lineAscii = 0;
      lineForeign = 0;
    }
  }
  return score;
}

function gatherEvidence(text: string): TextEvidence {
  const cps = Array.from(text, (c) => c.codePointAt(0) as number);
  const letters = new Map<string, { count: number; script: Script }>();
  let nonAscii = 0;
  let contextScore = wordAndLineScore(cps);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] as number;
    if (cp < 0x80) continue;
    nonAscii++;
    const info = charInfo(cp);
    contextScore += contextScoreAt(cps, i, info);
    if (info.kind === 'letter' || info.kind === 'mark') {
      const ch = String.fromCodePoint(cp);
      const entry = letters.get(ch);
      if (entry) entry.count++;
      else letters.set(ch, { count: 1, script: info.script });
    }
  }
  return { nonAscii, contextScore, letters };
}

function profileScore(evidence: TextEvidence, profile: Profile): number {
  let total = 0;
  for (const [ch, { count, script }] of evidence.letters) {
    let score: number;
    if (profile.common.has(ch)) score = 1;
    else if (profile.letters.has(ch)) score = 0.5;
    else score = profile.scripts[script] ?? FOREIGN_LETTER;
    total += score * count;
  }
  return total;
}

/** Mean plausibility per non-ASCII character (about -6..1) of a decoding read as one of `languages`. */
function plausibility(evidence: TextEvidence, languages: readonly Language[]): number {
  if (evidence.nonAscii === 0) return 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const language of languages) best = Math.max(best, profileScore(evidence, PROFILES[language]));
  return (evidence.contextScore + best) / evidence.nonAscii;
}

/** Bytes of non-ASCII lines scored per candidate; more adds time, not accuracy. */
const SAMPLE_BYTES = 32 * 1024;

/**
 * The lines that hold non-ASCII bytes, up to SAMPLE_BYTES: only they tell encodings apart, and a
 * mostly-English file may have its one accented word anywhere. Lines split at LF, which is never
 * part of a multi-byte character in any candidate encoding.
 */
function nonAsciiLines(bytes: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  let total = 0;
  let lineStart = 0;
  let high = false;
  for (let i = 0; i <= bytes.length && total < SAMPLE_BYTES; i++) {
    const b = i < bytes.length ? (bytes[i] as number) : 0x0a;
    if (b >= 0x80) high = true;
    else if (b === 0x0a) {
      if (high) {
        parts.push(bytes.subarray(lineStart, Math.min(i + 1, bytes.length)));
        total += i + 1 - lineStart;
      }
      lineStart = i + 1;
      high = false;
    }
  }
  return Buffer.concat(parts);
}

/** Small nudges from chardet's statistics, used only to settle near ties between equally natural decodings. */
function detectorBonus(sample: Buffer): Map<string, number> {
  const bonus = new Map<string, number>();
  for (const match of chardetAnalyse(sample)) {
    const encoding = DETECTOR_NAMES[match.name] ?? canonicalEncoding(match.name);
    if (encoding && !bonus.has(encoding)) bonus.set(encoding, (0.01 * match.confidence) / 100);
  }
  return bonus;
}

/** A ranked guess: each candidate decoding with its plausibility score, best first. */
export interface EncodingGuess {
  encoding: string;
  score: number;
}

/** Scores every legacy candidate (and lossy UTF-8) on the non-ASCII lines of `bytes`; best first. */
export function rankLegacyEncodings(bytes: Uint8Array): EncodingGuess[] {
  const sample = nonAsciiLines(bytes);
  const bonus = detectorBonus(sample);
  const options = [{ encoding: 'utf-8', languages: ALL_LANGUAGES }, ...CANDIDATES];
  // Candidates that decode the sample identically (German in 1252 and 1250, kana in EUC-JP and GB18030)
  // share the evidence and the detector's best opinion; their own languages and their order decide.
  const groups = new Map<string, { encoding: string; languages: Language[]; rank: number }[]>();
  options.forEach(({ encoding, languages }, rank) => {
    const text = decodeAs(sample, encoding);
    const group = groups.get(text);
    if (group) group.push({ encoding, languages, rank });
    else groups.set(text, [{ encoding, languages, rank }]);
  });
  const guesses: EncodingGuess[] = [];
  for (const [text, members] of groups) {
    const evidence = gatherEvidence(text);
    const extra = Math.max(...members.map((m) => bonus.get(m.encoding) ?? 0));
    for (const { encoding, languages, rank } of members) {
      // The rank term settles near ties in favour of the more common encoding (1250 over ISO-8859-2).
      guesses.push({ encoding, score: plausibility(evidence, languages) + extra - rank * 1e-3 });
    }
  }
  return guesses.sort((a, b) => b.score - a.score);
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Decodes subtitle file bytes: BOM, then UTF-16/32 by NUL pattern, then strict UTF-8 (pure ASCII
 * is reported as `utf-8`), then the most natural-looking legacy decoding. `forced` skips detection
 * (a user's "reopen with encoding"). Throws BinaryDataError or UnknownEncodingError.
 */
export function decodeSubtitleBytes(bytes: Uint8Array, forced?: string, t: Translate = english): DecodedText {
  if (forced !== undefined) return decodeForced(bytes, forced, t);
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bom: false, method: 'utf-8', warnings: [] };
  const bom = sniffBom(bytes);
  if (bom) return decodeKnown(bytes, bom.encoding, bom.length, 'bom', t);
  const wide = sniffWideUnicode(bytes);
  if (wide) return decodeKnown(bytes, wide, 0, 'wide-unicode', t);
  const binaryAt = findBinaryByte(bytes);
  if (binaryAt !== -1) throw new BinaryDataError(binaryAt);
  if (isUtf8(bytes))
    return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', bom: false, method: 'utf-8', warnings: [] };
  const ranked = rankLegacyEncodings(bytes);
  const encoding = ranked[0]?.encoding ?? 'windows-1252';
  const text = decodeAs(bytes, encoding);
  const doubt = assessGuess(bytes, ranked, t);
  const warnings = roundTripWarnings(text, bytes, encoding, t);
  return {
    text,
    encoding,
    bom: false,
    method: 'scored',
    warnings: doubt ? [doubt.message, ...warnings] : warnings,
    doubt,
  };
}

/**
 * A legacy guess is trusted when its decoding reads as natural text: plausibility at or above CONFIDENT_SCORE
 * (clean Windows-1251, 1252 and GB18030 text scores 0.9 to 1.0), or at least FAIR_SCORE and clearly ahead of every
 * decoding that reads differently (French with curly quotes in 1252: 0.43 against 0.23 for 1250). Invalid UTF-8,
 * mixed files and noise score below 0.2.
 */
const CONFIDENT_SCORE = 0.5;
const FAIR_SCORE = 0.2;
const CLEAR_MARGIN = 0.1;

/** Counts the non-ASCII lines that are valid UTF-8 and those that are not. */
function utf8LineCounts(bytes: Uint8Array): { utf8Lines: number; otherLines: number; utf8Sample: Buffer } {
  const parts: Uint8Array[] = [];
  let utf8Lines = 0;
  let otherLines = 0;
  let lineStart = 0;
  let high = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? (bytes[i] as number) : 0x0a;
    if (b >= 0x80) high = true;
    else if (b === 0x0a) {
      if (high) {
        const line = bytes.subarray(lineStart, i + 1);
        if (isUtf8(line)) {
          utf8Lines++;
          parts.push(line);
        } else otherLines++;
      }
      lineStart = i + 1;
      high = false;
    }
  }
  return { utf8Lines, otherLines, utf8Sample: Buffer.concat(parts) };
}

/** Null when the best legacy guess is clear; otherwise what is uncertain, in words. */
export function assessGuess(
  bytes: Uint8Array,
  ranked: readonly EncodingGuess[],
  t: Translate = english,
): EncodingDoubt | null {
  const best = ranked[0];
  if (!best) return null;
  const { utf8Lines, otherLines, utf8Sample } = utf8LineCounts(bytes);
  // A legacy line can be valid UTF-8 by chance (two GB18030 characters often are): such lines decode to nonsense,
  // so the UTF-8 lines count as a second encoding only when they read as natural text.
  const mixed =
    utf8Lines > 0 &&
    otherLines > 0 &&
    plausibility(gatherEvidence(decodeAs(utf8Sample, 'utf-8')), ALL_LANGUAGES) >= CONFIDENT_SCORE;
  const sample = nonAsciiLines(bytes);
  const guessedText = decodeAs(sample, best.encoding);
  const alternatives: string[] = [];
  let runnerUp = Number.NEGATIVE_INFINITY;
  const seen = new Set([guessedText]);
  for (const guess of ranked.slice(1)) {
    if (alternatives.length >= 4) break;
    const decoded = decodeAs(sample, guess.encoding);
    if (seen.has(decoded)) continue;
    seen.add(decoded);
    if (alternatives.length === 0) runnerUp = guess.score;
    alternatives.push(guess.encoding);
  }
  const confident =
    best.score >= CONFIDENT_SCORE || (best.score >= FAIR_SCORE && best.score - runnerUp >= CLEAR_MARGIN);
  if (confident && !mixed) return null;
  if (!alternatives.includes('utf-8') && best.encoding !== 'utf-8' && utf8Lines > 0) alternatives.unshift('utf-8');
  const why =
    best.encoding === 'utf-8' && utf8Lines > 0
      ? t('main:encoding.mostlyUtf8', { count: otherLines })
      : mixed
        ? t('main:encoding.mixed', {
            utf8: t('main:encoding.mixedUtf8', { count: utf8Lines }),
            other: t('main:encoding.mixedOther', { count: otherLines }),
          })
        : best.encoding === 'utf-8'
          ? t('main:encoding.noFit')
          : t('main:encoding.unclear');
  const others = alternatives.join(', ');
  return {
    guessed: best.encoding,
    alternatives,
    utf8Lines,
    otherLines,
    message:
      alternatives.length > 0
        ? t('main:encoding.guessWithOthers', { why, encoding: best.encoding, others })
        : t('main:encoding.guess', { why, encoding: best.encoding }),
  };
}

function decodeKnown(
  bytes: Uint8Array,
  encoding: string,
  bomLength: number,
  method: DetectionMethod,
  t: Translate,
): DecodedText {
  const body = bytes.subarray(bomLength);
  const wide = encoding.startsWith('utf-16') || encoding.startsWith('utf-32');
  if (!wide) {
    const binaryAt = findBinaryByte(body);
    if (binaryAt !== -1) throw new BinaryDataError(binaryAt + bomLength);
  }
  const text = decodeAs(body, encoding);
  if (wide) {
    const binaryAt = findBinaryChar(text, encoding, bomLength);
    if (binaryAt !== -1) throw new BinaryDataError(binaryAt);
  }
  return { text, encoding, bom: bomLength > 0, method, warnings: roundTripWarnings(text, body, encoding, t) };
}

function decodeForced(bytes: Uint8Array, label: string, t: Translate): DecodedText {
  const encoding = canonicalEncoding(label);
  if (encoding === null) throw new UnknownEncodingError(label);
  const bom = sniffBom(bytes);
  const bomLength = bom && bom.encoding === encoding ? bom.length : 0;
  return { ...decodeKnown(bytes, encoding, bomLength, 'forced', t), method: 'forced' };
}
