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

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2
  else {
    process.stderr.write(`error: ${(err as Error).message}\n`)
    process.exitCode = 1
  }
}
