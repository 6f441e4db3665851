// alibaba.icbu.category.get.new (and the older .get) and alibaba.icbu.category.attribute.get.
import { SandboxError } from '../errors.ts'
import { childCategories, findCategory } from '../catalog-data.ts'
import { skuRules } from '../sku-rules.ts'
import { required, type MethodDef } from './context.ts'

const bool = (b: boolean) => (b ? 'true' : 'false')

function categoryId(params: Record<string, string>): number {
  const raw = required(params, 'cat_id')
  if (!/^\d+$/.test(raw)) throw new SandboxError('invalidParameter', { subMsg: 'cat_id must be a number' })
  return Number(raw)
}

function parentIds(id: number): number[] {
  const out: number[] = []
  let c = findCategory(id)
  while (c && c.parentId !== 0) {
    out.unshift(c.parentId)
    c = findCategory(c.parentId)
  }
  return out
}

export const categoryGet: MethodDef = {
  auth: false,
  write: false,
  run(ctx) {
    const id = categoryId(ctx.params)
    if (id === 0) {
      const roots = childCategories(0)
      return { category: { category_id: 0, name: 'All categories', cn_name: '全部类目', level: 0, leaf_category: false, parent_ids: [], child_ids: roots.map((c) => String(c.id)) } }
    }
    const c = findCategory(id)
    if (!c) throw new SandboxError('invalidParameter', { subMsg: `category ${id} does not exist`, subCode: 'PUB_BIZCHECK_CAT_DATA_NOTEXIST' })
    return {
      category: {
        category_id: c.id, name: c.name.en, cn_name: c.name.zh, level: c.level, leaf_category: c.leaf,
        parent_ids: parentIds(c.id).map(String), child_ids: childCategories(c.id).map((x) => String(x.id))
      }
    }
  },
  wrapLists(result) {
    const c = result.category as { parent_ids: string[]; child_ids: string[] }
    return { ...result, category: { ...c, parent_ids: { string: c.parent_ids }, child_ids: { string: c.child_ids } } }
  }
}

export const categoryAttributeGet: MethodDef = {
  auth: false,
  write: false,
  run(ctx) {
    const id = categoryId(ctx.params)
    const c = findCategory(id)
    if (!c) throw new SandboxError('invalidParameter', { subMsg: `category ${id} does not exist`, subCode: 'PUB_BIZCHECK_CAT_DATA_NOTEXIST' })
    if (!c.leaf) throw new SandboxError('invalidParameter', { subMsg: `category ${id} is not a leaf category`, subCode: 'CHK_CAT_NOT_LEAF' })
    return {
      attributes: (c.attributes ?? []).map((a) => ({
        attr_id: a.id, en_name: a.name.en, required: bool(a.required),
        input_type: a.kind === 'single' ? 'single_select' : a.kind === 'multi' ? 'multi_select' : 'input',
        show_type: a.kind === 'single' ? 'list_box' : a.kind === 'multi' ? 'check_box' : 'input',
        value_type: 'string', sku_attribute: 'false', customize_image: 'false', customize_value: bool(a.custom), car_model: 'false',
        parent_attr_id: -1,
        attribute_values: a.values.map((v) => ({ attr_value_id: v.id, en_name: v.name.en, sku_value: 'false' }))
      })).concat((skuRules(c.id)?.attributes ?? []).map((a) => ({
        attr_id: a.id, en_name: a.name.en, required: 'false', input_type: 'multi_select', show_type: 'check_box', value_type: 'string',
        sku_attribute: 'true', customize_image: bool(a.image !== 'none'), customize_value: bool(a.custom), car_model: 'false', parent_attr_id: -1,
        attribute_values: a.values.map((v) => ({ attr_value_id: v.id, en_name: v.name.en, sku_value: 'true' }))
      })))
    }
  },
  wrapLists(result) {
    const attrs = result.attributes as Array<Record<string, unknown> & { attribute_values: unknown[] }>
    return { ...result, attributes: { attribute: attrs.map((a) => ({ ...a, attribute_values: { attribute_value: a.attribute_values } })) } }
  }
}
