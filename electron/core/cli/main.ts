// The vetrina command: headless bulk work over the same core (npm run cli -- …), in the language
// of --lang or the system locale.
import { Command, CommanderError } from 'commander'
import { assertRuntimeSupportsSqlite } from '../store/db.ts'
import { APP_VERSION } from '../core.ts'
import { UI_LANGUAGES } from '../../../shared/domain/locales.ts'
import { COMMANDS } from './commands/index.ts'
import { localizeCommander } from './commander-text.ts'
import { isUiLanguage, langArgument, say } from './lang.ts'

assertRuntimeSupportsSqlite()
const asked = langArgument(process.argv.slice(2))
if (asked !== null && !isUiLanguage(asked)) {
  process.stderr.write(`${say('cli:errorPrefix')} ${say('cli:badLang', { value: asked, languages: UI_LANGUAGES.join(', ') })}\n`)
  process.exit(2)
}

const program = localizeCommander(new Command('vetrina'))
  .description(say('cli:about'))
  .version(APP_VERSION, '-V, --version', say('cli:help.versionOption'))
  .option('--lang <lang>', say('cli:common.lang'))
  .showHelpAfterError()
  .exitOverride()
for (const register of COMMANDS) register(program)

// `vetrina --data-dir DIR import …` as git-style tools take it: a --data-dir before the command
// is moved behind it, where every command reads it.
const argv = [...process.argv]
const first = argv.findIndex((a, i) => i >= 2 && !a.startsWith('-') && !(argv[i - 1] === '--data-dir') && !(argv[i - 1] === '--lang'))
for (let i = 2; first > 0 && i < first; i++) {
  if (argv[i] === '--data-dir' && argv[i + 1]) {
    argv.push(...argv.splice(i, 2))
    break
  }
  if (argv[i].startsWith('--data-dir=')) {
    argv.push(...argv.splice(i, 1))
    break
  }
}

try {
  await program.parseAsync(argv)
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2
  else {
    process.stderr.write(`${say('cli:errorPrefix')} ${say('errors:internal')} (${(err as Error).message})\n`)
    process.exitCode = 1
  }
}
