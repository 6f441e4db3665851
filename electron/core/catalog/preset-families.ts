// Attribute families Vetrina ships: the pavilion's common B2B fields, and one family per sector
// typical of the Made in Italy Pavilion (wine, olive oil, leather goods, ceramics, cosmetics).
import type { z } from 'zod'
import type { AttributeDef } from '../../../shared/domain/catalog-structure.ts'

type Def = z.input<typeof AttributeDef>
const L = (it: string, en: string, zh: string) => ({ it, en, 'zh-CN': zh })
const opt = (code: string, it: string, en: string, zh: string) => ({ code, label: L(it, en, zh) })

const common: Def[] = [
  { code: 'brand_name', type: 'text', label: L('Marchio', 'Brand name', '品牌'), group: 'general' },
  { code: 'model_number', type: 'text', label: L('Codice modello', 'Model number', '型号'), group: 'general' },
  { code: 'shelf_life', type: 'number', label: L('Durata di conservazione', 'Shelf life', '保质期'), units: ['months', 'days', 'years'], group: 'general' },
  { code: 'storage', type: 'text', localizable: true, label: L('Conservazione', 'Storage conditions', '储存条件'), group: 'general' },
  { code: 'private_label', type: 'boolean', label: L('Private label (OEM)', 'Private label (OEM)', '贴牌 (OEM)'), group: 'general' },
  {
    code: 'customization', type: 'multiselect', label: L('Personalizzazione', 'Customization', '定制'), group: 'general',
    options: [
      opt('logo', 'Logo', 'Logo', '标志'), opt('packaging', 'Confezione', 'Packaging', '包装'),
      opt('label', 'Etichetta', 'Label', '标签'), opt('graphic', 'Grafica', 'Graphic', '图案')
    ]
  },
  { code: 'sample_available', type: 'boolean', label: L('Campione disponibile', 'Sample available', '可提供样品'), group: 'general' }
]

const wine: Def[] = [
  {
    code: 'wine_type', type: 'select', label: L('Tipologia', 'Wine type', '葡萄酒类型'), group: 'wine', required: true,
    options: [
      opt('red', 'Rosso', 'Red', '红葡萄酒'), opt('white', 'Bianco', 'White', '白葡萄酒'), opt('rose', 'Rosato', 'Rosé', '桃红葡萄酒'),
      opt('sparkling', 'Spumante', 'Sparkling', '起泡酒'), opt('dessert', 'Da dessert', 'Dessert', '甜酒'), opt('fortified', 'Liquoroso', 'Fortified', '加强酒')
    ]
  },
  {
    code: 'grape_varieties', type: 'multiselect', label: L('Vitigni', 'Grape varieties', '葡萄品种'), group: 'wine',
    options: [
      opt('sangiovese', 'Sangiovese', 'Sangiovese', '桑娇维塞'), opt('nebbiolo', 'Nebbiolo', 'Nebbiolo', '内比奥罗'),
      opt('montepulciano', 'Montepulciano', 'Montepulciano', '蒙特布查诺'), opt('primitivo', 'Primitivo', 'Primitivo', '普里米蒂沃'),
      opt('nero_davola', "Nero d'Avola", "Nero d'Avola", '黑达沃拉'), opt('barbera', 'Barbera', 'Barbera', '巴贝拉'),
      opt('merlot', 'Merlot', 'Merlot', '梅洛'), opt('cabernet_sauvignon', 'Cabernet Sauvignon', 'Cabernet Sauvignon', '赤霞珠'),
      opt('trebbiano', 'Trebbiano', 'Trebbiano', '特雷比奥罗'), opt('glera', 'Glera', 'Glera', '格雷拉'),
      opt('vermentino', 'Vermentino', 'Vermentino', '维蒙蒂诺'), opt('pinot_grigio', 'Pinot Grigio', 'Pinot Grigio', '灰皮诺'),
      opt('chardonnay', 'Chardonnay', 'Chardonnay', '霞多丽'), opt('malvasia', 'Malvasia', 'Malvasia', '玛尔维萨')
    ]
  },
  { code: 'vintage', type: 'number', label: L('Annata', 'Vintage', '年份'), group: 'wine' },
  { code: 'alcohol', type: 'number', label: L('Gradazione alcolica', 'Alcohol content', '酒精度'), units: ['% vol'], group: 'wine' },
  { code: 'bottle_volume', type: 'number', label: L('Formato bottiglia', 'Bottle size', '瓶装容量'), units: ['L', 'cl', 'ml'], group: 'wine' },
  { code: 'appellation', type: 'text', label: L('Denominazione', 'Appellation', '产区等级'), group: 'wine' },
  { code: 'serving_temperature', type: 'text', label: L('Temperatura di servizio', 'Serving temperature', '饮用温度'), group: 'wine' }
]

const oliveOil: Def[] = [
  {
    code: 'oil_grade', type: 'select', label: L('Categoria', 'Grade', '等级'), group: 'oil', required: true,
    options: [
      opt('extra_virgin', 'Extravergine di oliva', 'Extra virgin olive oil', '特级初榨橄榄油'),
      opt('virgin', 'Vergine di oliva', 'Virgin olive oil', '初榨橄榄油'), opt('olive', 'Di oliva', 'Olive oil', '橄榄油')
    ]
  },
  {
    code: 'cultivars', type: 'multiselect', label: L('Cultivar', 'Cultivars', '橄榄品种'), group: 'oil',
    options: [
      opt('frantoio', 'Frantoio', 'Frantoio', '弗朗托约'), opt('leccino', 'Leccino', 'Leccino', '莱切诺'),
      opt('moraiolo', 'Moraiolo', 'Moraiolo', '莫拉约洛'), opt('coratina', 'Coratina', 'Coratina', '科拉蒂纳'),
      opt('nocellara', 'Nocellara del Belice', 'Nocellara del Belice', '诺切拉拉'), opt('taggiasca', 'Taggiasca', 'Taggiasca', '塔加斯卡'),
      opt('biancolilla', 'Biancolilla', 'Biancolilla', '比安科利拉'), opt('peranzana', 'Peranzana', 'Peranzana', '佩兰扎纳')
    ]
  },
  { code: 'acidity', type: 'number', label: L('Acidità', 'Acidity', '酸度'), units: ['%'], group: 'oil' },
  { code: 'harvest_year', type: 'number', label: L('Anno di raccolta', 'Harvest year', '采摘年份'), group: 'oil' },
  { code: 'volume', type: 'number', label: L('Formato', 'Volume', '容量'), units: ['L', 'ml'], group: 'oil' },
  { code: 'cold_extracted', type: 'boolean', label: L('Estratto a freddo', 'Cold extracted', '冷萃取'), group: 'oil' }
]

const leather: Def[] = [
  {
    code: 'material', type: 'select', label: L('Materiale', 'Material', '材质'), group: 'materials', required: true,
    options: [
      opt('full_grain', 'Pelle pieno fiore', 'Full-grain leather', '全粒面真皮'), opt('top_grain', 'Pelle fiore corretto', 'Top-grain leather', '头层牛皮'),
      opt('suede', 'Scamosciato', 'Suede', '麂皮'), opt('nubuck', 'Nabuk', 'Nubuck', '磨砂皮'),
      opt('vegetable_tanned', 'Cuoio conciato al vegetale', 'Vegetable-tanned leather', '植鞣革')
    ]
  },
  {
    code: 'colour', type: 'select', label: L('Colore', 'Colour', '颜色'), group: 'materials',
    options: [
      opt('black', 'Nero', 'Black', '黑色'), opt('brown', 'Marrone', 'Brown', '棕色'), opt('cognac', 'Cognac', 'Cognac', '干邑色'),
      opt('tan', 'Cuoio', 'Tan', '棕褐色'), opt('red', 'Rosso', 'Red', '红色'), opt('blue', 'Blu', 'Blue', '蓝色'),
      opt('green', 'Verde', 'Green', '绿色'), opt('white', 'Bianco', 'White', '白色'), opt('grey', 'Grigio', 'Grey', '灰色')
    ]
  },
  {
    code: 'size', type: 'select', label: L('Taglia', 'Size', '尺码'), group: 'materials',
    options: [opt('xs', 'XS', 'XS', 'XS'), opt('s', 'S', 'S', 'S'), opt('m', 'M', 'M', 'M'), opt('l', 'L', 'L', 'L'), opt('xl', 'XL', 'XL', 'XL'), opt('one_size', 'Taglia unica', 'One size', '均码')]
  },
  { code: 'lining', type: 'text', localizable: true, label: L('Fodera', 'Lining', '内衬'), group: 'materials' },
  { code: 'hardware', type: 'text', localizable: true, label: L('Accessori metallici', 'Hardware', '五金配件'), group: 'materials' }
]

const ceramics: Def[] = [
  {
    code: 'technique', type: 'select', label: L('Tecnica', 'Technique', '工艺'), group: 'ceramics',
    options: [
      opt('hand_painted', 'Dipinto a mano', 'Hand-painted', '手绘'), opt('majolica', 'Maiolica', 'Majolica', '马约利卡陶器'),
      opt('stoneware', 'Gres', 'Stoneware', '炻器'), opt('porcelain', 'Porcellana', 'Porcelain', '瓷器'), opt('terracotta', 'Terracotta', 'Terracotta', '赤陶')
    ]
  },
  { code: 'pattern', type: 'text', localizable: true, label: L('Decoro', 'Pattern', '图案'), group: 'ceramics' },
  { code: 'diameter', type: 'number', label: L('Diametro', 'Diameter', '直径'), units: ['cm', 'mm'], group: 'ceramics' },
  { code: 'dishwasher_safe', type: 'boolean', label: L('Lavabile in lavastoviglie', 'Dishwasher safe', '可用洗碗机清洗'), group: 'ceramics' },
  { code: 'microwave_safe', type: 'boolean', label: L('Adatto al microonde', 'Microwave safe', '可用微波炉'), group: 'ceramics' }
]

const cosmetics: Def[] = [
  { code: 'content_volume', type: 'number', label: L('Contenuto', 'Content', '净含量'), units: ['ml', 'g'], group: 'cosmetics' },
  {
    code: 'skin_type', type: 'multiselect', label: L('Tipo di pelle', 'Skin type', '适用肤质'), group: 'cosmetics',
    options: [
      opt('all', 'Tutti', 'All', '所有肤质'), opt('dry', 'Secca', 'Dry', '干性'), opt('oily', 'Grassa', 'Oily', '油性'),
      opt('combination', 'Mista', 'Combination', '混合性'), opt('sensitive', 'Sensibile', 'Sensitive', '敏感性')
    ]
  },
  { code: 'inci', type: 'text', label: L('Ingredienti (INCI)', 'Ingredients (INCI)', '成分 (INCI)'), group: 'cosmetics' },
  { code: 'pao', type: 'number', label: L('Periodo dopo apertura (PAO)', 'Period after opening (PAO)', '开封后保质期'), units: ['months'], group: 'cosmetics' },
  { code: 'vegan', type: 'boolean', label: L('Vegano', 'Vegan', '纯素'), group: 'cosmetics' }
]

export interface PresetFamily {
  id: string
  code: string
  label: Record<string, string>
  attributes: Def[]
}

/** Every sector family includes the pavilion's common fields first. */
export const PRESET_FAMILIES: PresetFamily[] = [
  { id: 'fam_pavilion', code: 'pavilion', label: L('Alibaba B2B – campi comuni', 'Alibaba B2B – common fields', '阿里巴巴 B2B – 通用字段'), attributes: common },
  { id: 'fam_wine', code: 'wine', label: L('Vino', 'Wine', '葡萄酒'), attributes: [...common, ...wine] },
  { id: 'fam_olive_oil', code: 'olive_oil', label: L('Olio extravergine', 'Olive oil', '橄榄油'), attributes: [...common, ...oliveOil] },
  { id: 'fam_leather', code: 'leather', label: L('Pelletteria', 'Leather goods', '皮具'), attributes: [...common, ...leather] },
  { id: 'fam_ceramics', code: 'ceramics', label: L('Ceramica', 'Ceramics', '陶瓷'), attributes: [...common, ...ceramics] },
  { id: 'fam_cosmetics', code: 'cosmetics', label: L('Cosmetica', 'Cosmetics', '化妆品'), attributes: [...common, ...cosmetics] }
]
