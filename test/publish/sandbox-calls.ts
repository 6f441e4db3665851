// A deliberately plain ICBU caller for the sandbox contract tests, written apart from Vetrina's
// client (its own signing with node:crypto) so the tests check the sandbox, not our client.
import { createHash, createHmac } from 'node:crypto'
import type { Sandbox, SandboxCredentials } from '../../electron/sandbox/server.ts'

export type Reply = Record<string, any>

export function signed(params: Record<string, string>, secret: string, method: 'sha256' | 'md5' = 'sha256', path = ''): string {
  const base = path + Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => k + params[k]).join('')
  return method === 'md5'
    ? createHash('md5').update(secret + base + secret).digest('hex').toUpperCase()
    : createHmac('sha256', secret).update(base).digest('hex').toUpperCase()
}

export interface CallOpts {
  creds?: Partial<SandboxCredentials>
  simplify?: boolean
  timestamp?: string
  tokenParam?: 'session' | 'access_token'
  badSign?: boolean
  noSign?: boolean
  noToken?: boolean
  get?: boolean
  file?: { bytes: Uint8Array; name: string; mime: string }
}

export async function call(sb: Sandbox, method: string, business: Record<string, string>, opts: CallOpts = {}): Promise<Reply> {
  const c = { ...sb.credentials(), ...opts.creds }
  const params: Record<string, string> = {
    ...business, method, app_key: c.appKey, timestamp: opts.timestamp ?? String(Date.now()), sign_method: 'sha256', format: 'json'
  }
  if (opts.simplify !== false) params.simplify = 'true'
  if (!opts.noToken) params[opts.tokenParam ?? 'session'] = c.accessToken
  if (!opts.noSign) params.sign = opts.badSign ? 'ABCDEF0123456789' : signed(params, c.appSecret)
  let res: Response
  if (opts.get) {
    res = await fetch(`${sb.url}/sync?${new URLSearchParams(params)}`)
  } else if (opts.file) {
    const form = new FormData()
    for (const [k, v] of Object.entries(params)) form.append(k, v)
    form.append('image_bytes', new Blob([opts.file.bytes as Uint8Array<ArrayBuffer>], { type: opts.file.mime }), opts.file.name)
    res = await fetch(`${sb.url}/sync`, { method: 'POST', body: form })
  } else {
    res = await fetch(`${sb.url}/sync`, { method: 'POST', body: new URLSearchParams(params) })
  }
  return (await res.json()) as Reply
}

export async function rest(sb: Sandbox, path: string, business: Record<string, string>, creds: Partial<SandboxCredentials> = {}): Promise<Reply> {
  const c = { ...sb.credentials(), ...creds }
  const params: Record<string, string> = { ...business, app_key: c.appKey, timestamp: String(Date.now()), sign_method: 'sha256' }
  params.sign = signed(params, c.appSecret, 'sha256', path)
  const res = await fetch(`${sb.url}/rest${path}`, { method: 'POST', body: new URLSearchParams(params) })
  return (await res.json()) as Reply
}

/** A complete, valid wine listing document (fields as in pavilion-api.md §2.3). */
export function wineXml(o: { title?: string; images: Array<{ fileId: number | string; url: string }>; ladder?: Array<[number, number]>; moq?: number; wineType: string; extra?: string; unit: string }): string {
  const imgs = o.images.map((im, i) => `<field id="scImages_${i}" type="input"><value fileId="${im.fileId}">${im.url}</value></field>`).join('')
  const ladder = (o.ladder ?? [[120, 7.4], [600, 6.6]]).map(([q, p]) => `<complex-values><field id="quantity"><value>${q}</value></field><field id="price"><value>${p}</value></field></complex-values>`).join('')
  return `<itemSchema>
<field id="productTitle" type="input"><value>${o.title ?? 'Chianti Classico DOCG 2020 Red Wine 0.75 L'}</value></field>
<field id="productKeywords" type="complex"><complex-value><field id="productKeywords_0" type="input"><value>chianti classico
italian red wine</value></field></complex-value></field>
<field id="scImages" type="complex"><complex-value>${imgs}</complex-value></field>
<field id="icbuCatProp" type="complex"><complex-value>
  <field id="p-2" type="input"><value>Fattoria Demo</value></field>
  <field id="p-3" type="singleCheck"><value inputValue="Italy">-1</value></field>
  <field id="p-1001" type="singleCheck"><value>${o.wineType}</value></field>
</complex-value></field>
<field id="priceUnit" type="singleCheck"><value>${o.unit}</value></field>
<field id="saleType" type="singleCheck"><value>normal</value></field>
<field id="scPrice" type="singleCheck"><value>1</value></field>
<field id="ladderPrice" type="multiComplex">${ladder}</field>
<field id="minOrderQuantity" type="input"><value>${o.moq ?? 120}</value></field>
<field id="ladderPeriod" type="multiComplex"><complex-values><field id="quantity"><value>1200</value></field><field id="day"><value>15</value></field></complex-values></field>
<field id="productDescType" type="singleCheck"><value>2</value></field>
<field id="superText" type="input"><value>&lt;p&gt;Tuscan red wine.&lt;/p&gt;&lt;img src="${o.images[0]?.url ?? ''}"/&gt;</value></field>
${o.extra ?? ''}
</itemSchema>`
}

/** The option code with this display name under field `fieldId` of a rules document. */
export function optionCode(rules: string, fieldId: string, displayName: string): string {
  const field = new RegExp(`<field id="${fieldId}"[^>]*>(.*?)</field>`, 's').exec(rules)?.[1] ?? ''
  const m = new RegExp(`<option displayName="${displayName}" value="([^"]+)"`).exec(field)
  if (!m) throw new Error(`no option ${displayName} in ${fieldId}`)
  return m[1]
}
