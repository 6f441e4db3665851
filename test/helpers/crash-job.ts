// A process that runs a checkpointing job and is killed mid-way by the jobs test (SIGKILL),
// to prove that a real crash resumes from the last checkpoint.
import { z } from 'zod'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import { countingJob } from './jobs.ts'
import { msg } from '../../shared/messages/message.ts'

const dataDir = process.argv[2]
const core = Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore() })
core.s.jobs.register(countingJob(core, 20))
if (process.argv[3] === 'enqueue') core.s.jobs.enqueue('test.count', { to: 40 }, { title: msg('common:jobs.untitled', { test: 'count to 40' }) })
core.events.on('job.progress', (job) => {
  if (job.state === 'running') process.stdout.write(`progress ${job.done}\n`)
})
void z
