// vetrina demo create — makes the sample catalogue (about 30 products of a winery and oil mill, a
// leather workshop and a majolica maker, with photos and translations) in a folder of its own, ready
// to publish to the built-in sandbox. Without --data-dir it goes where the app's "Prova con un
// catalogo di esempio" opens it: the demo folder beside the firm's catalogue. Every line it prints
// comes from the message catalogues (cli:demo.*), in the language of --lang or of the terminal.
import type { Command } from 'commander'
import { UI_LANGUAGES, type UiLanguage } from '../../../../shared/domain/locales.ts'
import { errorText } from '../../../../shared/messages/errors.ts'
import { translator, type TFunction } from '../../../../shared/messages/translator.ts'
import { APP_VERSION } from '../../core.ts'
import { resolveDataDir } from '../../platform/data-dir.ts'
import { demoFolderOf } from '../../platform/demo-folder.ts'
import { DEMO_STEPS } from '../../system/demo/build.ts'
import { createDemoCatalogue } from '../../system/demo/create.ts'

/** The language asked for, else the terminal's (LC_ALL, LANG: it_IT.UTF-8 → it), else English. */
export function cliLanguage(asked?: string, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  const wanted = asked ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? ''
  const tag = wanted.replace(/[.@].*$/, '').replace('_', '-').toLowerCase()
  if (tag.startsWith('zh')) return 'zh-CN'
  return UI_LANGUAGES.find((l) => l === tag || l === tag.split('-')[0]) ?? 'en'
}

interface DemoOptions {
  dataDir?: string
  replace?: boolean
  json?: boolean
  lang?: string
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('the sample catalogue: try Vetrina without touching your own catalogue')
  demo.command('create')
    .description('make the sample catalogue in a folder of its own (default: beside your catalogue, where the app opens it)')
    .option('--data-dir <dir>', 'the sample catalogue\'s folder (empty, or a sample catalogue already)')
    .option('--replace', 'make it again even if a sample catalogue is there')
    .option('--lang <lang>', 'language of the output: it, en or zh-CN (default: the terminal\'s)')
    .option('--json', 'print machine-readable JSON')
    .action(async (o: DemoOptions) => {
      const t = translator(cliLanguage(o.lang))
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
