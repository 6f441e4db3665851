// Where the catalogue lives: --data-dir, else VETRINA_DATA_DIR, else the same folder the desktop
// app uses (Electron's userData for "Vetrina"), so the CLI, browser mode and the app share it.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_FOLDER = 'Vetrina'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VETRINA_DATA_DIR) return resolve(env.VETRINA_DATA_DIR)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ? resolve(flag) : defaultDataDir(env)
}
