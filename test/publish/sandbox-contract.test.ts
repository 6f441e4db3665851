// Contract tests of the sandbox (pavilion-api.md §4): valid calls in both response forms, every
// error case of §4.5, business validation codes, tokens, photobank limits, audit and persistence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../../electron/sandbox/server.ts'
import { makePhotos, tempDir } from './helpers.ts'
import { call, optionCode, rest, signed, wineXml, type Reply } from './sandbox-calls.ts'

let sb: Sandbox
let dir: string
let photo: { bytes: Buffer; name: string; mime: string }
let image: { fileId: number; url: string }
let rules: string

const WINE = '100008830'
const publishReq = (xml: string, extra: Record<string, unknown> = {}) => ({ param_product_top_publish_request: JSON.stringify({ cat_id: Number(WINE), language: 'en_US', xml, ...extra }) })

beforeAll(async () => {
  dir = tempDir('sandbox-contract')
  sb = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), settings: { audit: { delayMs: 0, rejectWords: ['replica'] } } })
  const [p] = await makePhotos(join(dir, 'photos'), 1)
  photo = { bytes: readFileSync(p.path), name: 'bottle1.jpg', mime: 'image/jpeg' }
  const up = await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'bottle1.jpg' }, { file: photo })
  image = { fileId: up.upload_image_response.file_id, url: up.upload_image_response.photobank_url }
  rules = (await call(sb, 'alibaba.icbu.product.schema.get', { param_product_top_publish_request: JSON.stringify({ cat_id: Number(WINE), language: 'en_US' }) })).data
})

afterAll(async () => {
  await sb.close()
})

const valid = (over: Partial<Parameters<typeof wineXml>[0]> = {}) =>
  wineXml({ images: [image], wineType: optionCode(rules, 'p-1001', 'Red'), unit: optionCode(rules, 'priceUnit', 'Bottle/Bottles'), ...over })

const err = (r: Reply) => r.error_response as { code: string | number; sub_code?: string; sub_msg?: string; type: string; request_id: string }

describe('transport, signing and tokens', () => {
  it('answers a valid call in the simplified form and, without simplify, in the wrapped TOP form with list wrappers', async () => {
    await call(sb, 'alibaba.icbu.product.schema.add', publishReq(valid({ title: 'Brunello di Montalcino DOCG 2018 Red Wine' })))
    const flat = await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH', page_size: '10' })
    expect(flat.request_id).toBeTruthy()
    expect(Array.isArray(flat.products)).toBe(true)
    expect(flat.products[0].main_image.images[0]).toBe(image.url)
    const wrapped = await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH', page_size: '10' }, { simplify: false })
    const body = wrapped.alibaba_icbu_product_list_response
    expect(body.request_id).toBeTruthy()
    expect(body.products.alibaba_product_brief_response[0].main_image.images.string[0]).toBe(image.url)
    expect(body.products.alibaba_product_brief_response[0].keywords.string).toEqual(['chianti classico', 'italian red wine'])
  })

  it('accepts the token as session or access_token, params on the query (GET) for reads, and legacy md5 signing', async () => {
    expect((await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { tokenParam: 'access_token' })).total_item).toBeGreaterThanOrEqual(0)
    expect((await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { get: true })).total_item).toBeGreaterThanOrEqual(0)
    const c = sb.credentials()
    const d = new Date(Date.now() + 8 * 3600_000)
    const p = (x: number) => String(x).padStart(2, '0')
    const ts = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
    const params: Record<string, string> = { method: 'alibaba.icbu.product.list', app_key: c.appKey, timestamp: ts, sign_method: 'md5', format: 'json', v: '2.0', session: c.accessToken, language: 'ENGLISH', simplify: 'true' }
    params.sign = signed(params, c.appSecret, 'md5')
    const r = await (await fetch(`${sb.url}/sync`, { method: 'POST', body: new URLSearchParams(params) })).json() as Reply
    expect(r.error_response).toBeUndefined()
  })

  it('reports every gateway error of §4.5 with its IOP code, and the numeric TOP code when switched', async () => {
    const cases: Array<[string, Promise<Reply>, string, number]> = [
      ['bad signature', call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { badSign: true }), 'IncompleteSignature', 25],
      ['missing signature', call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { noSign: true }), 'IncompleteSignature', 25],
      ['unknown token', call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: { accessToken: 'nope' } }), 'IllegalAccessToken', 27],
      ['unknown app key', call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: { appKey: '999' } }), 'InvalidAppKey', 29],
      ['timestamp skew', call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { timestamp: String(Date.now() - 11 * 60_000) }), 'InvalidTimestamp', 31],
      ['missing parameter', call(sb, 'alibaba.icbu.product.get', { language: 'ENGLISH' }), 'MissingParameter', 40],
      ['unknown method', call(sb, 'alibaba.icbu.product.delete', {}), 'InvalidApiPath', 22],
      ['method not granted', call(sb, 'alibaba.icbu.product.add', {}), 'InsufficientPermission', 11]
    ]
    for (const [name, reply, code] of cases) {
      const e = err(await reply)
      expect(e?.code, name).toBe(code)
      expect(e.request_id, name).toBeTruthy()
    }
    expect(err(await call(sb, 'alibaba.icbu.product.get', { language: 'ENGLISH' })).sub_code).toBe('isv.missing-parameter')
    sb.numericCodes = true
    try {
      for (const [name, , , numeric] of cases.slice(0, 1)) {
        expect(err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { badSign: true })).code, name).toBe(numeric)
      }
      expect(err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: { accessToken: 'nope' } })).code).toBe(27)
    } finally {
      sb.numericCodes = false
    }
  })

  it('bans an app that exceeds the rate ("This ban will last for N more seconds") and enforces a daily quota', async () => {
    const own = await startSandbox({ dbFile: join(dir, 'flow.sqlite'), flow: { qps: 2, burst: 2, banSeconds: 3, dailyQuota: null } })
    try {
      const replies = []
      for (let i = 0; i < 4; i++) replies.push(await call(own, 'alibaba.icbu.product.list', { language: 'ENGLISH' }))
      const banned = err(replies[3])
      expect(banned.code).toBe('ApiCallLimit')
      expect(banned.sub_code).toBe('accesscontrol.limited-by-api-access-count')
      expect(banned.sub_msg).toMatch(/^This ban will last for [1-3] more seconds$/)
      own.flow.opts = { qps: null, banSeconds: 1, dailyQuota: 1 }
      const other = own.provision('second app')
      await call(own, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: other })
      const quota = err(await call(own, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: other }))
      expect(quota.code).toBe('AppCallLimit')
      expect(quota.sub_code).toBe('accesscontrol.limited-by-app-access-count')
    } finally {
      await own.close()
    }
  })

  it('answers provider errors as ISP code 50 (and -2 for photobank) when they are injected', async () => {
    sb.faults.set({ errorRate: 1 })
    try {
      const e = err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }))
      expect([e.code, e.type, e.sub_code]).toEqual(['ServiceError', 'ISP', 'isp.service-error'])
      const p = err(await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'x.jpg' }, { file: photo }))
      expect(p.code).toBe('-2')
    } finally {
      sb.faults.set({ errorRate: 0 })
    }
  })

  it('takes fault settings per run through its loopback controls, which need its own key', async () => {
    expect((await fetch(`${sb.url}/__sandbox/state`)).status).toBe(401)
    expect((await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: '{"errorRate":1}' })).status).toBe(401)
    const key = { Authorization: `Bearer ${sb.controlToken}` }
    const post = (path: string, body: unknown) => fetch(`${sb.url}/__sandbox/${path}`, { method: 'POST', headers: key, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Reply>)
    expect((await post('faults', { errorRate: 1, seed: 7 })).faults).toMatchObject({ errorRate: 1, seed: 7 })
    expect(err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' })).code).toBe('ServiceError')
    await post('faults', { reset: true })
    expect((await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' })).error_response).toBeUndefined()
    const state = await (await fetch(`${sb.url}/__sandbox/state`, { headers: key })).json() as Reply
    expect(state.counts.products).toBeGreaterThan(0)
    expect(state.stats.injectedErrors).toBeGreaterThan(0)
  })

  it('creates and refreshes tokens on /rest; a refreshed or revoked token stops working', async () => {
    const c = sb.credentials()
    const page = await fetch(`${sb.url}/oauth/authorize?client_id=${c.appKey}&redirect_uri=${encodeURIComponent('http://127.0.0.1/cb')}`, { redirect: 'manual' })
    const code = new URL(page.headers.get('location')!).searchParams.get('code')!
    const created = await rest(sb, '/auth/token/create', { code })
    expect(created.code).toBe('0')
    expect(created.expires_in).toBe('864000')
    expect(err(await rest(sb, '/auth/token/create', { code }) as Reply) ?? (await rest(sb, '/auth/token/create', { code }))).toBeTruthy()
    expect((await rest(sb, '/auth/token/create', { code })).code).toBe('InvalidCode')
    const refreshed = await rest(sb, '/auth/token/refresh', { refresh_token: created.refresh_token })
    expect(refreshed.access_token).not.toBe(created.access_token)
    expect(err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: { accessToken: created.access_token } })).code).toBe('IllegalAccessToken')
    expect((await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH' }, { creds: { accessToken: refreshed.access_token } })).error_response).toBeUndefined()
    expect((await rest(sb, '/auth/token/refresh', { refresh_token: created.refresh_token })).code).toBe('InvalidRefreshToken')
    const bad = await rest(sb, '/auth/token/refresh', { refresh_token: refreshed.refresh_token }, { appSecret: 'wrong' })
    expect(bad.code).toBe('IncompleteSignature')
  })
})

describe('photobank', () => {
  it('stores real images and refuses big files, non-images and bad names; both reply shapes', async () => {
    const big = { bytes: Buffer.concat([photo.bytes, Buffer.alloc(5 * 1024 * 1024)]), name: 'big.jpg', mime: 'image/jpeg' }
    expect(err(await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'big.jpg' }, { file: big })).code).toBe('SIZE_TOO_LARGE')
    const text = { bytes: Buffer.from('not an image at all'), name: 'a.jpg', mime: 'image/jpeg' }
    expect(err(await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'a.jpg' }, { file: text })).code).toBe('IMAGE_FORMAT_ERROR')
    expect(err(await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'my photo!.jpg' }, { file: photo })).code).toBe('FILE_NAME_INVALID')
    expect(err(await call(sb, 'alibaba.icbu.photobank.upload', { file_name: 'x.jpg' })).code).toBe('MissingParameter')
    sb.flatPhotobank = true
    try {
      const flat = await call(sb, 'alibaba.icbu.photobank.upload', { file_name: '意大利酒瓶.jpg' }, { file: photo })
      expect(typeof flat.file_id).toBe('number')
      expect(flat.photobank_url).toMatch(/^\/\/127\.0\.0\.1:\d+\/kf\/H[0-9a-f]{32}\.jpg$/)
    } finally {
      sb.flatPhotobank = false
    }
    const served = await fetch(`http:${image.url}`)
    expect(Buffer.from(await served.arrayBuffer()).equals(photo.bytes)).toBe(true)
    const list = await call(sb, 'alibaba.icbu.photobank.list', { page_size: '50' })
    expect(list.pagination_query_list.total_count).toBeGreaterThanOrEqual(2)
  })
})

describe('categories and schema publishing', () => {
  it('serves the category tree, attributes and per-category rules with category-specific option codes', async () => {
    const root = await call(sb, 'alibaba.icbu.category.get.new', { cat_id: '0' })
    expect(root.category.child_ids).toEqual(expect.arrayContaining(['2', '1524', '15', '66']))
    const wine = await call(sb, 'alibaba.icbu.category.get.new', { cat_id: WINE })
    expect(wine.category).toMatchObject({ name: 'Wine', leaf_category: true, parent_ids: ['2', '200'] })
    const attrs = await call(sb, 'alibaba.icbu.category.attribute.get', { cat_id: WINE })
    expect(attrs.attributes.find((a: Reply) => a.en_name === 'Wine Type')).toMatchObject({ required: 'true', input_type: 'single_select' })
    const oilRules = (await call(sb, 'alibaba.icbu.product.schema.get', { param_product_top_publish_request: JSON.stringify({ cat_id: 100008831, language: 'en_US' }) })).data
    expect(optionCode(oilRules, 'priceUnit', 'Bottle/Bottles')).not.toBe(optionCode(rules, 'priceUnit', 'Bottle/Bottles'))
    expect(rules).toContain('<rule name="maxLengthRule" value="128"/>')
    expect(rules).toContain('<rule name="maxLengthRule" value="384" unit="byte"/>')
    const zh = (await call(sb, 'alibaba.icbu.product.schema.get', { param_product_top_publish_request: JSON.stringify({ cat_id: Number(WINE), language: 'zh' }) })).data
    expect(zh).toContain('displayName="红葡萄酒"')
    expect(/<field id="productTitle".*?<\/field>/s.exec(zh)![0]).not.toContain('regexRule')
    expect(/<field id="productTitle".*?<\/field>/s.exec(rules)![0]).toContain('regexRule')
  })

  it('adds a valid product into audit, then approves it; a reject word sends it to tbd', async () => {
    const ok = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(valid({ title: 'Vino Nobile di Montepulciano DOCG Red Wine' })))
    expect(ok).toMatchObject({ biz_success: true })
    expect(String(ok.product_id)).toMatch(/^\d{13}$/)
    const got = await call(sb, 'alibaba.icbu.product.get', { product_id: String(ok.product_id), language: 'ENGLISH' })
    expect(got.product).toMatchObject({ subject: 'Vino Nobile di Montepulciano DOCG Red Wine', status: 'approved', display: 'Y' })
    expect(got.product.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ attribute_name: 'Wine Type', value_name: 'Red' }), expect.objectContaining({ attribute_name: 'Place of Origin', value_name: 'Italy' })]))
    const byEncrypted = await call(sb, 'alibaba.icbu.product.get', { product_id: got.product.product_id, language: 'ENGLISH' })
    expect(byEncrypted.product.subject).toBe(got.product.subject)
    const bad = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(valid({ title: 'Replica Wine Bottle Red 0.75 L' })))
    const rejected = await call(sb, 'alibaba.icbu.product.get', { product_id: String(bad.product_id), language: 'ENGLISH' })
    expect(rejected.product).toMatchObject({ status: 'tbd', display: 'N' })
  })

  it('reports every business failure at once with the ICBU codes', async () => {
    const codesOf = async (xml: string, extra?: Record<string, unknown>) => {
      const r = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(xml, extra))
      expect(r.biz_success).toBe(false)
      expect(r.trace_id).toBeTruthy()
      expect(r.message.split(';').length).toBe(r.msg_code.split(';').length)
      return r.msg_code.split(';') as string[]
    }
    const noTitle = valid().replace(/<field id="productTitle".*?<\/field>/s, '')
    expect(await codesOf(noTitle)).toEqual(['CHK_BASIC_REQUIRED'])
    expect(await codesOf(valid({ title: 'Vino rosso “Toscano” – 0,75 L!' }))).toEqual(['CHK_BASIC_REGEX'])
    expect(await codesOf(valid({ title: 'A'.repeat(129) }))).toEqual(['CHK_BASIC_MAX_LENGTH'])
    expect(await codesOf(valid({ images: Array.from({ length: 7 }, () => image) }))).toContain('CHK_BASIC_MAX_INPUT_NUM')
    expect(await codesOf(valid({ images: [{ fileId: 999999, url: '//elsewhere.example/kf/x.jpg' }] }))).toContain('PUB_BIZCHECK_DESCRIPTION_IMAGE_SOURCE_ERROR')
    expect(await codesOf(valid({ ladder: [[600, 6.6], [120, 7.4]] }))).toEqual(['CHK_STEP_LADDER_PERIOD_VALUE_ERROR'])
    expect(await codesOf(valid({ ladder: [[120, 0]] }))).toEqual(['CHK_STEP_LADDER_PERIOD_VALUE_ERROR'])
    expect(await codesOf(valid({ ladder: [[12, 1], [24, 1], [36, 1], [48, 1], [60, 1]], moq: 12 }))).toEqual(['CHK_STEP_LADDER_PERIOD_VALUE_ERROR'])
    expect(await codesOf(valid({ moq: 6 }))).toEqual(['CHK_STEP_CATEGORY_QUALITY_MINSIZE_ERROR'])
    expect(await codesOf(valid({ wineType: '123' }))).toEqual(['CHK_BASIC_ONEOF'])
    const custom = `<field id="customMoreProperty" type="multiComplex">${Array.from({ length: 11 }, (_, i) => `<complex-values><field id="propName"><value>P${i}</value></field><field id="valueName"><value>V</value></field></complex-values>`).join('')}</field>`
    expect(await codesOf(valid({ extra: custom }))).toEqual(['PUB_BIZCHECK_PROPERTY_CUSTOM_ITEMS_LIMIT'])
    expect(await codesOf('<itemSchema><field id="productTitle"><value>x</value></itemSchema>')).toEqual(['PUB_BIZCHECK_XML_PARSE_ERROR'])
    expect(await codesOf(valid(), { cat_id: 200 })).toEqual(['CHK_CAT_NOT_LEAF'])
    expect(await codesOf(valid(), { cat_id: 77777 })).toEqual(['PUB_BIZCHECK_CAT_DATA_NOTEXIST'])
    // Items wrapped in a nested <complex-value> are dropped, so the ladder is missing.
    const nested = valid().replace(/<complex-values><field id="quantity"><value>120/, '<complex-values><complex-value><field id="quantity"><value>120').replace('<value>7.4</value></field></complex-values>', '<value>7.4</value></field></complex-value></complex-values>')
    expect(await codesOf(nested.replace(/<complex-values><field id="quantity"><value>600.*?<\/complex-values>/s, ''))).toEqual(['CHK_BASIC_REQUIRED'])
    // Several failures together, joined by ';'.
    const several = await codesOf(valid({ title: 'Vino “x”', moq: 1, wineType: '1' }))
    expect(several).toEqual(['CHK_BASIC_REGEX', 'CHK_BASIC_ONEOF', 'CHK_STEP_CATEGORY_QUALITY_MINSIZE_ERROR'])
  })

  it('drafts skip required fields and cannot be updated; updates need a live product out of audit and its owner', async () => {
    const draft = await call(sb, 'alibaba.icbu.product.schema.add.draft', publishReq('<itemSchema><field id="productTitle"><value>Draft only</value></field></itemSchema>'))
    expect(draft.biz_success).toBe(true)
    const upd = await call(sb, 'alibaba.icbu.product.schema.update', publishReq(valid(), { product_id: draft.product_id }))
    expect(upd).toMatchObject({ biz_success: false, message: 'Record does not exist' })
    expect((await call(sb, 'alibaba.icbu.product.schema.render.draft', publishReq('', { product_id: draft.product_id }))).data).toContain('Draft only')

    const audited = await startSandbox({ dbFile: join(dir, 'audit.sqlite'), settings: { audit: { delayMs: 60_000, rejectWords: [] } } })
    try {
      const [p] = await makePhotos(join(dir, 'photos2'), 1)
      const up = await call(audited, 'alibaba.icbu.photobank.upload', { file_name: 'b.jpg' }, { file: { bytes: readFileSync(p.path), name: 'b.jpg', mime: 'image/jpeg' } })
      const img = { fileId: up.upload_image_response.file_id, url: up.upload_image_response.photobank_url }
      const doc = wineXml({ images: [img], wineType: optionCode(rules, 'p-1001', 'Red'), unit: optionCode(rules, 'priceUnit', 'Bottle/Bottles') })
      const added = await call(audited, 'alibaba.icbu.product.schema.add', publishReq(doc))
      const inAudit = await call(audited, 'alibaba.icbu.product.schema.update', publishReq(doc, { product_id: added.product_id }))
      expect(inAudit.msg_code).toBe('PUB_BIZCHECK_PRODUCT_IN_AUDITING')
      audited.settings.audit.delayMs = 0
      audited.store.db.prepare('UPDATE products SET audit_due_at = 0').run()
      const other = audited.provision('other seller app', 'another-seller')
      const notOwner = await call(audited, 'alibaba.icbu.product.schema.update', publishReq(doc, { product_id: added.product_id }), { creds: other })
      expect(notOwner.msg_code).toBe('PUB_BIZCHECK_NOT_PRODUCT_OWNER')
      const title = '<itemSchema><field id="productTitle"><value>Chianti Classico Riserva DOCG Red Wine</value></field></itemSchema>'
      const updated = await call(audited, 'alibaba.icbu.product.schema.update', publishReq(title, { product_id: added.product_id }))
      expect(updated.biz_success).toBe(true)
      const rendered = (await call(audited, 'alibaba.icbu.product.schema.render', publishReq('', { product_id: added.product_id }))).data as string
      expect(rendered).toContain('Chianti Classico Riserva DOCG Red Wine')
      expect(rendered).toContain(`fileId="${img.fileId}"`)
    } finally {
      await audited.close()
    }
  })

  it('lists with filters and page limits, switches display, and keeps its state across restarts', async () => {
    expect(err(await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH', page_size: '31' })).sub_code).toBe('isv.invalid-parameter')
    expect(err(await call(sb, 'alibaba.icbu.product.list', {})).code).toBe('MissingParameter')
    const hits = await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH', subject: 'brunello', page_size: '30' })
    expect(hits.products.map((p: Reply) => p.subject)).toEqual(['Brunello di Montalcino DOCG 2018 Red Wine'])
    const future = await call(sb, 'alibaba.icbu.product.list', { language: 'ENGLISH', gmt_modified_from: '2099-01-01 00:00:00' })
    expect(future.total_item).toBe(0)
    const enc = hits.products[0].product_id as string
    expect((await call(sb, 'alibaba.icbu.product.batch.update.display', { new_display: 'off', product_id_list: enc })).sub_success).toBe(true)
    expect((await call(sb, 'alibaba.icbu.product.get', { product_id: enc, language: 'ENGLISH' })).product.display).toBe('N')
    expect(err(await call(sb, 'alibaba.icbu.product.batch.update.display', { new_display: 'on', product_id_list: enc }, { get: true })).code).toBe('InvalidParameter')
    const before = sb.store.counts()
    const file = join(dir, 'sandbox.sqlite')
    const again = await startSandbox({ dbFile: file.replace('sandbox.sqlite', 'sandbox.sqlite') }).catch(() => null)
    // Same file, second server: it sees the same products and the same default credentials.
    expect(again).not.toBeNull()
    expect(again!.store.counts().products).toBe(before.products)
    expect(again!.credentials().appKey).toBe(sb.credentials().appKey)
    await again!.close()
  })
})
