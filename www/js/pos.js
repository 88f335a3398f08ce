// Chinese names of jieba's part-of-speech tags (the ICTCLAS tag set it uses).

const NAMES = {
  a: '形容词', ad: '副形词', ag: '形容词性语素', an: '名形词',
  b: '区别词', c: '连词',
  d: '副词', df: '副词', dg: '副词性语素',
  e: '叹词', eng: '英文', f: '方位词', g: '语素', h: '前缀',
  i: '成语', j: '简称', k: '后缀', l: '习用语',
  m: '数词', mg: '数词性语素', mq: '数量词',
  n: '名词', ng: '名词性语素', nr: '人名', nrfg: '人名', nrt: '人名（音译）',
  ns: '地名', nt: '机构名', nz: '其他专名',
  o: '拟声词', p: '介词', q: '量词',
  r: '代词', rg: '代词性语素', rr: '人称代词', rz: '指示代词',
  s: '处所词', t: '时间词', tg: '时间词性语素',
  u: '助词', ud: '助词', ug: '助词', uj: '助词', ul: '助词', uv: '助词', uz: '助词',
  v: '动词', vd: '副动词', vg: '动词性语素', vi: '不及物动词', vn: '动名词', vq: '动量词',
  x: '字符串', y: '语气词', z: '状态词', zg: '状态词性语素',
  un: '未知', w: '标点',
};

/** '名词' for 'n'; an unknown tag is shown as itself. */
export const posName = (tag) => NAMES[tag] ?? tag;

/** 'n 名词' — the tag and its name, as shown in the table and the filter. */
export const posLabel = (tag) => (NAMES[tag] ? `${tag} ${NAMES[tag]}` : tag);
