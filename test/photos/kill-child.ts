// Opens a core on a data folder (argv[2]) with the stalling engine and adds a file (argv[3]);
// the test kills this process with SIGKILL while the engine's renditions are not yet recorded.
import { join } from 'node:path'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'

const core = Core.open({ dataDir: process.argv[2], logFile: null, secrets: new MemorySecretStore(), photoEngine: join(import.meta.dirname, 'stall-engine.ts') })
await core.api().photos.add({ sources: [{ kind: 'path', path: process.argv[3] }] })
setInterval(() => undefined, 1000)
