// Commander's own words in the CLI's language: help headings ("Usage:" → "Uso:"), the help and
// version options, "(default: …)", and its error messages (unknown option, missing argument …),
// which commander writes in English and we turn into sentences from the catalogue.
import type { Command, Help, Option } from 'commander'
import { say } from './lang.ts'

const TITLES: Record<string, string> = {
  'Usage:': 'cli:help.usage',
  'Arguments:': 'cli:help.arguments',
  'Options:': 'cli:help.options',
  'Global Options:': 'cli:help.globalOptions',
  'Commands:': 'cli:help.commands'
}

/** Commander's error lines, each with the sentence that replaces it (groups become params a, b). */
const ERRORS: Array<[RegExp, string]> = [
  [/^error: unknown option '([^']*)'/, 'cli:commander.unknownOption'],
  [/^error: unknown command '([^']*)'/, 'cli:commander.unknownCommand'],
  [/^error: missing required argument '([^']*)'/, 'cli:commander.missingArgument'],
  [/^error: option '([^']*)' argument missing/, 'cli:commander.optionArgumentMissing'],
  [/^error: required option '([^']*)' not specified/, 'cli:commander.requiredOption'],
  [/^error: too many arguments/, 'cli:commander.tooManyArguments'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid/, 'cli:commander.invalidArgument'],
  [/^error: (.*) cannot be used with (.*)$/, 'cli:commander.conflict']
]

export function commanderError(text: string): string {
  const [first, ...rest] = text.trimEnd().split('\n')
  for (const [re, key] of ERRORS) {
    const m = re.exec(first)
    if (!m) continue
    const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(rest.join('\n'))?.[1] ?? /Did you mean ([^?]+)\?/.exec(first)?.[1]
    const line = `${say('cli:errorPrefix')} ${say(key, { a: m[1] ?? '', b: m[2] ?? '' })}`
    return `${line}${suggestion ? `\n${say('cli:commander.didYouMean', { suggestion })}` : ''}\n`
  }
  return text
}

/** Applies the language to a program; subcommands added later inherit it. */
export function localizeCommander(program: Command): Command {
  return program
    .helpOption('-h, --help', say('cli:help.helpOption'))
    .helpCommand('help [command]', say('cli:help.helpCommand'))
    .configureHelp({
      styleTitle: (title: string) => (TITLES[title] ? say(TITLES[title]) : title),
      optionDescription(this: Help, option: Option): string {
        const shown = option.defaultValue !== undefined && (option.required || option.optional)
        const extra = shown ? ` (${say('cli:help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) })})` : ''
        return `${option.description}${extra}`
      }
    })
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) })
}
