// The methods the sandbox gateway answers on `/sync`; anything else is InvalidApiPath.
import type { MethodDef } from './context.ts'
import { categoryAttributeGet, categoryGet } from './categories.ts'
import { photobankList, photobankUpload } from './photobank.ts'
import {
  batchUpdateDisplay, idDecrypt, idEncrypt, legacyProductApi, productGet, productList, schemaAdd, schemaAddDraft, schemaGet,
  schemaRender, schemaRenderDraft, schemaUpdate
} from './products.ts'

export const METHODS: Record<string, MethodDef> = {
  'alibaba.icbu.photobank.upload': photobankUpload,
  'alibaba.icbu.photobank.list': photobankList,
  'alibaba.icbu.category.get': categoryGet,
  'alibaba.icbu.category.get.new': categoryGet,
  'alibaba.icbu.category.attribute.get': categoryAttributeGet,
  'alibaba.icbu.product.schema.get': schemaGet,
  'alibaba.icbu.product.schema.add': schemaAdd,
  'alibaba.icbu.product.schema.add.draft': schemaAddDraft,
  'alibaba.icbu.product.schema.update': schemaUpdate,
  'alibaba.icbu.product.schema.render': schemaRender,
  'alibaba.icbu.product.schema.render.draft': schemaRenderDraft,
  'alibaba.icbu.product.list': productList,
  'alibaba.icbu.product.get': productGet,
  'alibaba.icbu.product.batch.update.display': batchUpdateDisplay,
  'alibaba.icbu.product.id.encrypt': idEncrypt,
  'alibaba.icbu.product.id.decrypt': idDecrypt,
  'alibaba.icbu.product.add': legacyProductApi,
  'alibaba.icbu.product.update': legacyProductApi
}
