// The signing vectors of pavilion-api.md §1.3, checked against both the client's signer and the
// sandbox's (written separately, so each checks the other).
import { describe, expect, it } from 'vitest'
import { sign, signBase } from '../../electron/core/publish/sign.ts'
import { expectedSignature } from '../../electron/sandbox/signature.ts'

const top = {
  method: 'taobao.user.seller.get', timestamp: '2013-05-06 13:52:03', format: 'xml', app_key: 'test',
  v: '2.0', fields: 'nick', session: 'test'
}

interface Vector { name: string; params: Record<string, string>; secret: string; method: 'md5' | 'hmac' | 'hmac-sha256' | 'sha256'; path: string; expected: string }

const vectors: Vector[] = [
  { name: 'TOP md5 (published)', params: { ...top, sign_method: 'md5' }, secret: 'test', method: 'md5', path: '', expected: '72CB4D809B375A54502C09360D879C64' },
  { name: 'TOP hmac', params: { ...top, sign_method: 'hmac' }, secret: 'test', method: 'hmac', path: '', expected: 'FA15A9D5B42AB2D6F3397843851ED09A' },
  { name: 'TOP hmac-sha256', params: { ...top, sign_method: 'hmac-sha256' }, secret: 'test', method: 'hmac-sha256', path: '', expected: '267B9C1C7A2FE1CE413DBB95E596616D32107AE0992BE2C22143CFCE303E8E34' },
  {
    name: 'GOP /rest (published)', secret: 'helloworld', method: 'sha256', path: '/order/get',
    params: { access_token: 'test', app_key: '123456', order_id: '1234', sign_method: 'sha256', timestamp: '1517820392000' },
    expected: '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A'
  },
  {
    name: '/sync', secret: 'helloworld', method: 'sha256', path: '',
    params: {
      app_key: '123456', current_page: '1', format: 'json', language: 'ENGLISH', method: 'alibaba.icbu.product.list', page_size: '1',
      session: 'test', sign_method: 'sha256', simplify: 'true', timestamp: '1517820392000'
    },
    expected: '0132E02DD8DFB5107B04E1BD149A889314550545CE7F7D21EFD512923160D136'
  }
]

describe('signing vectors', () => {
  for (const v of vectors) {
    it(`client: ${v.name}`, () => {
      expect(sign(v.params, v.secret, v.method, v.path)).toBe(v.expected)
    })
    it(`sandbox: ${v.name}`, () => {
      expect(expectedSignature(v.params, v.secret, v.method, v.path)).toBe(v.expected)
    })
  }

  it('builds the documented base strings', () => {
    expect(signBase({ ...top, sign_method: 'md5' })).toBe(
      'app_keytestfieldsnickformatxmlmethodtaobao.user.seller.getsessiontestsign_methodmd5timestamp2013-05-06 13:52:03v2.0'
    )
    expect(signBase(vectors[3].params, '/order/get')).toBe('/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000')
  })

  it('leaves out the sign parameter itself and depends on every other value', () => {
    const base = { ...vectors[4].params }
    const signed = sign(base, 'helloworld', 'sha256')
    expect(sign({ ...base, sign: 'ANYTHING' }, 'helloworld', 'sha256')).toBe(signed)
    expect(sign({ ...base, page_size: '2' }, 'helloworld', 'sha256')).not.toBe(signed)
    expect(sign(base, 'other-secret', 'sha256')).not.toBe(signed)
  })

  it('signs non-ASCII values as UTF-8', () => {
    const p = { subject: '特级初榨橄榄油 Extra Vergine', app_key: '1' }
    expect(sign(p, 's', 'sha256')).toBe(expectedSignature(p, 's', 'sha256'))
  })
})
