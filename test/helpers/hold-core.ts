// A process that opens a catalogue and keeps it open until killed (the lock tests kill it with SIGKILL).
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'

const core = Core.open({ dataDir: process.argv[2], logFile: null, secrets: new MemorySecretStore(), startJobs: false })
process.stdout.write('ready\n')
setInterval(() => void core, 1000)
