// Where the catalogue lives: --data-dir, else VETRINA_DATA_DIR, else the same folder the desktop
// app uses (Electron's userData for "Vetrina"), so the CLI, browser mode and the app share it.
import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { AppError } from '../../../shared/contract/errors.ts'

export const APP_FOLDER = 'Vetrina'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VETRINA_DATA_DIR) return resolve(env.VETRINA_DATA_DIR)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const dir = flag ? resolve(flag) : defaultDataDir(env)
  // A file given as the catalogue folder would fail deep inside as "EEXIST … mkdir": say what is wrong.
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new AppError('data_dir_not_folder', `${dir} is a file, not a folder: give --data-dir (or VETRINA_DATA_DIR) the folder that holds the catalogue, or a new folder for a new one.`, { params: { path: dir } })
  }
  return dir
}
