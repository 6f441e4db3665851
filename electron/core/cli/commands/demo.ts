// vetrina demo create — makes the sample catalogue (about 30 products of a winery and oil mill, a
// leather workshop and a majolica maker, with photos and translations) in a folder of its own, ready
// to publish to the built-in sandbox. Without --data-dir it goes where the app's "Prova con un
// catalogo di esempio" opens it: the demo folder beside the firm's catalogue. Every line it prints
// comes from the message catalogues (cli:demo.*), in the CLI's language (--lang or the system's).
import type { Command } from 'commander'
import { errorText } from '../../../../shared/messages/errors.ts'
import type { TFunction } from '../../../../shared/messages/translator.ts'
import { APP_VERSION } from '../../core.ts'
import { resolveDataDir } from '../../platform/data-dir.ts'
import { demoFolderOf } from '../../platform/demo-folder.ts'
import { DEMO_STEPS } from '../../system/demo/build.ts'
import { createDemoCatalogue } from '../../system/demo/create.ts'
import { common } from '../context.ts'
import { say, t } from '../lang.ts'

interface DemoOptions {
  dataDir?: string
  replace?: boolean
  json?: boolean
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description(say('cli:demo.about'))
  common(demo.command('create').description(say('cli:demo.createAbout')))
    .option('--replace', say('cli:demo.replaceOption'))
    .action(async (o: DemoOptions) => {
      try {
        const dir = o.dataDir ? resolveDataDir(o.dataDir) : demoFolderOf(resolveDataDir(undefined))
        const started = Date.now()
        let shown = ''
        const made = await createDemoCatalogue(dir, {
          replace: !!o.replace,
          appVersion: APP_VERSION,
          progress: (_done, _total, step) => {
            if (o.json || step === shown) return
            shown = step
            process.stderr.write(`${t('cli:demo.step', { n: DEMO_STEPS.indexOf(step) + 1, total: DEMO_STEPS.length, step: t(`cli:demo.steps.${step}`) })}\n`)
          }
        })
        const seconds = (Date.now() - started) / 1000
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ ok: true, ...made, seconds }, null, 2)}\n`)
          return
        }
        process.stdout.write(`${summary(t, made.dir, made.created, made.result, seconds)}\n`)
      } catch (err) {
        if (o.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: (err as { code?: string }).code ?? 'internal', message: errorText(err, t) } }, null, 2)}\n`)
        else process.stderr.write(`${t('cli:demo.failed', { reason: errorText(err, t) })}\n`)
        process.exitCode = 1
      }
    })
}

function summary(t: TFunction, dir: string, created: boolean, r: Awaited<ReturnType<typeof createDemoCatalogue>>['result'], seconds: number): string {
  if (!created || !r) return [t('cli:demo.kept', { dir }), t('cli:demo.next', { dir })].join('\n')
  return [
    t('cli:demo.created', { dir, seconds: Math.round(seconds * 10) / 10 }),
    t('cli:demo.contents', { products: r.products, photos: r.photos, categories: r.categoriesLinked }),
    t('cli:demo.translations', { approved: r.translations.approved, translated: r.translations.translated, missing: r.translations.missing }),
    t('cli:demo.next', { dir })
  ].join('\n')
}
