// The vetrina command: headless bulk work over the same core (npm run cli -- …).
import { Command, CommanderError } from 'commander'
import { assertRuntimeSupportsSqlite } from '../store/db.ts'
import { APP_VERSION } from '../core.ts'
import { COMMANDS } from './commands/index.ts'

assertRuntimeSupportsSqlite()
const program = new Command('vetrina')
  .description('Vetrina — catalogue studio for the Made in Italy Pavilion on Alibaba.com')
  .version(APP_VERSION)
  .showHelpAfterError()
  .exitOverride()
for (const register of COMMANDS) register(program)

// `vetrina --data-dir DIR import …` as git-style tools take it: a --data-dir before the command
// is moved behind it, where every command reads it.
const argv = [...process.argv]
const first = argv.findIndex((a, i) => i >= 2 && !a.startsWith('-') && !(argv[i - 1] === '--data-dir'))
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
    process.stderr.write(`error: ${(err as Error).message}\n`)
    process.exitCode = 1
  }
}
