// How the variants will show on Alibaba.com: the sale property each axis maps to and, for each
// value, the option it goes out as — found by name or size, chosen here from the closest ones, or
// sent as a custom value where the category allows it — and whether its picture is there.
import { Download, Globe, ImageOff } from 'lucide-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VariantOptionsInfo } from '../../../../../shared/contract/publish-variants.ts'
import type { Product, VariantAxisMapping, VariantValueMapping } from '../../../../../shared/domain/product.ts'
import { axisValueKey } from '../../../../../shared/domain/variants.ts'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { navigate } from '../../../app/router.ts'
import { Badge, type Tone } from '../../../ui/Badge.tsx'
import { Button } from '../../../ui/Button.tsx'
import { Card, Notice } from '../../../ui/Card.tsx'
import { Combobox, type ComboboxOption } from '../../../ui/Combobox.tsx'
import { Select } from '../../../ui/Select.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast } from '../../../ui/toasts.ts'
import { problemText } from '../../publish/problems.tsx'
import { useEditor } from '../editor-context.tsx'

type Axis = VariantOptionsInfo['axes'][number]
type ValueState = Axis['values'][number]

const AUTO = ''
const CUSTOM = 'custom'
const SOURCE_TONE: Record<ValueState['source'], Tone> = { chosen: 'success', auto: 'success', custom: 'info', new: 'info', stale: 'danger', none: 'danger' }

export function PavilionCard(props: { variants: Product[]; label(axis: string): string }) {
  const { t } = useTranslation()
  const { product, savePatch, readOnly } = useEditor()
  const [info, setInfo] = useState<VariantOptionsInfo | null>(null)
  const load = useCallback(() => {
    api.publish.variantOptions({ productId: product.id }).then(setInfo).catch((err) => toast(errorText(err, t), 'err'))
  }, [product.id, t])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [load, product.version, props.variants])
  useEvent('data.changed', (e) => (e.entity === 'publish.rules' || e.entity === 'category') && load())

  const saveAxis = async (axis: string, next: VariantAxisMapping) => {
    const empty = !next.attribute && Object.keys(next.values ?? {}).length === 0
    if (await savePatch({ variantOptions: { [axis]: empty ? null : next } }, [`variantOptions.${axis}`])) load()
  }
  const current = (axis: string): VariantAxisMapping => ({ ...product.variantOptions[axis], values: product.variantOptions[axis]?.values ?? {} })
  const chooseAttribute = (axis: string, attributeName: string) => void saveAxis(axis, { ...current(axis), attribute: attributeName || undefined })
  const chooseValue = (axis: string, value: string, choice: string, attributes: VariantOptionsInfo['attributes'], attributeId: string | null) => {
    const mapping = current(axis)
    const values = Object.fromEntries(Object.entries(mapping.values).filter(([k]) => axisValueKey(k) !== axisValueKey(value)))
    let chosen: VariantValueMapping | null = null
    if (choice === CUSTOM) chosen = { custom: value.slice(0, 70) }
    else if (choice !== AUTO) {
      const option = attributes.find((a) => a.id === attributeId)?.options.find((o) => o.value === choice)
      if (option) chosen = { option: option.value, name: option.name }
    }
    void saveAxis(axis, { ...mapping, values: chosen ? { ...values, [value]: chosen } : values })
  }

  const refresh = () => api.publish.refreshRules({}).then(() => toast(t('catalog:variantsTab.pavilion.downloading'))).catch((err) => toast(errorText(err, t), 'err'))

  let body
  if (!info) body = <p className="muted">{t('common:loading')}</p>
  else if (info.state !== 'ok') {
    body = (
      <Notice tone={info.state === 'no_variants' ? 'info' : 'warning'} testId="pavilion-state">
        {t(`catalog:variantsTab.pavilion.state.${info.state}`)}{' '}
        {info.state === 'rules_not_downloaded' && !readOnly && <Button size="sm" icon={Download} onClick={() => void refresh()}>{t('catalog:variantsTab.pavilion.download')}</Button>}
        {(info.state === 'no_category' || info.state === 'not_linked') && <Button size="sm" variant="link" onClick={() => navigate('catalog', product.id, 'general')}>{t('catalog:variantsTab.pavilion.openGeneral')}</Button>}
      </Notice>
    )
  } else {
    body = (
      <>
        {info.problems.length > 0 && (
          <Notice tone="danger" testId="variant-problems">
            <ul style={{ margin: 0, paddingLeft: 'var(--space-4)' }}>
              {info.problems.map((p, i) => <li key={i}>{problemText(p, t)}</li>)}
            </ul>
          </Notice>
        )}
        {info.axes.map((axis) => <AxisMapping key={axis.axis} axis={axis} info={info} label={props.label(axis.axis)} readOnly={readOnly}
          onAttribute={(name) => chooseAttribute(axis.axis, name)} onValue={(value, choice) => chooseValue(axis.axis, value, choice, info.attributes, axis.attributeId)} />)}
      </>
    )
  }
  return <Card title={t('catalog:variantsTab.pavilion.title')} icon={Globe} testId="variant-pavilion" subtitle={t('catalog:variantsTab.pavilion.subtitle')}>{body}</Card>
}

function AxisMapping(props: { axis: Axis; info: VariantOptionsInfo; label: string; readOnly: boolean; onAttribute(name: string): void; onValue(value: string, choice: string): void }) {
  const { t } = useTranslation()
  const { axis, info } = props
  const attribute = info.attributes.find((a) => a.id === axis.attributeId)
  const attributeChoices = [
    { value: AUTO, label: t('catalog:variantsTab.pavilion.automatic') },
    // The pavilion's own names for its sale properties, from the English listing's rules: its words, not ours.
    ...info.attributes.map((a) => ({ value: a.name, label: a.name, lang: 'en' }))
  ]
  return (
    <section className="stack" style={{ marginBottom: 'var(--space-4)' }} data-testid={`axis-${axis.axis}`}>
      <div className="row">
        <strong>{props.label}</strong>
        <span className="muted">→</span>
        <Select<string> inline aria-label={t('catalog:variantsTab.pavilion.attributeOf', { axis: props.label })} disabled={props.readOnly}
          value={axis.chosen ? attribute?.name ?? AUTO : AUTO} onChange={props.onAttribute} options={attributeChoices} testId={`attribute-${axis.axis}`} />
        {!axis.chosen && attribute && <span className="muted small">{t('catalog:variantsTab.pavilion.foundAs', { name: attribute.name })}</span>}
        {!attribute && <Badge tone="danger">{t('catalog:variantsTab.pavilion.noAttribute')}</Badge>}
        {attribute?.picture === 'required' && <Badge tone="info">{t('catalog:variantsTab.pavilion.picturesRequired')}</Badge>}
      </div>
      {attribute && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('catalog:variantsTab.pavilion.value')}</th>
                <th className="num">{t('catalog:variantsTab.pavilion.variants')}</th>
                <th>{t('catalog:variantsTab.pavilion.onAlibaba')}</th>
                <th>{t('catalog:variantsTab.pavilion.status')}</th>
                {attribute.picture !== 'none' && <th>{t('catalog:variantsTab.pavilion.picture')}</th>}
              </tr>
            </thead>
            <tbody>
              {axis.values.map((v) => <ValueRow key={v.value} v={v} attribute={attribute} readOnly={props.readOnly} onChange={(choice) => props.onValue(v.value, choice)} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function ValueRow(props: { v: ValueState; attribute: VariantOptionsInfo['attributes'][number]; readOnly: boolean; onChange(choice: string): void }) {
  const { t } = useTranslation()
  const { v, attribute } = props
  const suggested = new Set(v.suggestions.map((s) => s.value))
  const options: Array<ComboboxOption> = [
    { value: AUTO, label: t('catalog:variantsTab.pavilion.automatic') },
    ...(attribute.custom ? [{ value: CUSTOM, label: t('catalog:variantsTab.pavilion.asCustom', { value: v.value }) }] : []),
    ...v.suggestions.map((s) => ({ value: s.value, label: s.name, group: t('catalog:variantsTab.pavilion.closest') })),
    ...attribute.options.filter((o) => !suggested.has(o.value)).map((o) => ({ value: o.value, label: o.name, group: t('catalog:variantsTab.pavilion.allOptions') }))
  ]
  const value = v.source === 'chosen' && v.mapping?.kind === 'option' ? v.mapping.option : v.source === 'custom' ? CUSTOM : AUTO
  const shown = v.mapping ? (v.mapping.kind === 'option' ? v.mapping.name : t('catalog:variantsTab.pavilion.customShown', { text: v.mapping.text })) : t('catalog:variantsTab.pavilion.notLinked')
  return (
    <tr data-testid="value-row" data-value={v.value}>
      <td>{v.value}</td>
      <td className="num">{v.variants}</td>
      <td>
        <Combobox size="sm" aria-label={t('catalog:variantsTab.pavilion.optionFor', { value: v.value })} value={value} onChange={props.onChange} options={options}
          disabled={props.readOnly} invalid={v.mapping === null} testId={`option-${v.value}`} />
        <div className="muted small" lang={v.mapping?.kind === 'option' ? 'en' : undefined}>{shown}</div>
      </td>
      <td><Badge tone={SOURCE_TONE[v.source]} testId={`source-${v.value}`}>{t(`catalog:variantsTab.pavilion.source.${v.source}`)}</Badge></td>
      {attribute.picture !== 'none' && (
        <td>
          {v.picture === 'ok' && <Badge tone="success">{t('catalog:variantsTab.pavilion.pictureOk')}</Badge>}
          {v.picture === 'missing' && v.pictureVariantId && (
            <Button size="sm" variant="link" icon={ImageOff} onClick={() => navigate('catalog', v.pictureVariantId!, 'photos')}>{t('catalog:variantsTab.pavilion.addPicture')}</Button>
          )}
        </td>
      )}
    </tr>
  )
}
