import type { DestinationStream, LoggerOptions } from 'pino';
import { ConfigError, read, type Env } from './env';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, `info` unless set. */
export function logLevel(env: Env): LogLevel {
  const value = read(env, 'LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return value as LogLevel;
}

/**
 * How the processes write their logs. `json` (the default): one JSON object per line, for
 * production, containers and log shippers. `pretty`: one readable line per entry for a person at a
 * terminal, warnings and errors coloured; `npm start` picks it when its output is a terminal.
 */
export type LogFormat = 'json' | 'pretty';

export function logFormat(env: Env): LogFormat {
  const value = env.LOG_FORMAT?.trim() || 'json';
  if (value !== 'json' && value !== 'pretty')
    throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${value}"`);
  return value;
}

/**
 * Nest's start-up chatter (every module initialised, every route mapped: some 150 lines) and the
 * line per answered request are for debugging; at a terminal they would bury what matters.
 */
const STARTUP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'WebSocketsController',
]);

interface Entry {
  service?: string;
  context?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** `api Database: applied migrations: …` or `api: request errored GET /api/v1/me 500 3 ms`. */
function line(entry: Entry, messageKey: string): string {
  const who = [entry.service, entry.context].filter(Boolean).join(' ');
  const { req, res, responseTime } = entry;
  const request = req?.method
    ? ` ${req.method} ${req.url}${res?.statusCode ? ` ${res.statusCode}` : ''}${responseTime !== undefined ? ` ${responseTime} ms` : ''}`
    : '';
  return `${who ? `${who}: ` : ''}${text(entry[messageKey])}${request}`;
}

/** The message as written: a string as it is, anything else (a logged object) as JSON, nothing as nothing. */
function text(message: unknown): string {
  if (message === undefined || message === null) return '';
  return typeof message === 'string' ? message : (JSON.stringify(message) ?? '');
}

/** A development dependency, loaded only when asked for: a production image (npm ci --omit=dev) never pays for it. */
function loadPinoPretty(): typeof import('pino-pretty') {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pino-pretty') as typeof import('pino-pretty');
  } catch {
    throw new ConfigError(
      'LOG_FORMAT=pretty needs pino-pretty, a development dependency (install with `npm ci`, not --omit=dev), or set LOG_FORMAT=json',
    );
  }
}

export interface TerminalLogging {
  /** Merged into the pino (or pino-http) options. */
  options: Pick<LoggerOptions, 'hooks'> & {
    customLogLevel: (req: unknown, res: { statusCode: number }, error?: Error) => 'debug' | 'info' | 'error';
  };
  stream: DestinationStream;
}

/**
 * For `pretty`: pino-pretty as the destination, Nest's start-up lines one level down (debug), and
 * answered requests at debug unless they failed — so the start banner stays on screen. Null for `json`.
 */
export function terminalLogging(format: LogFormat): TerminalLogging | null {
  if (format === 'json') return null;
  const pretty = loadPinoPretty();
  return {
    options: {
      hooks: {
        logMethod(args, method, level) {
          const context = (args[0] as { context?: unknown } | undefined)?.context;
          if (level === 30 && typeof context === 'string' && STARTUP_CONTEXTS.has(context))
            return this.debug(...(args as [string]));
          return method.apply(this, args);
        },
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    },
    stream: pretty({
      colorize: process.stdout.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service,context,req,res,responseTime,reqId',
      messageFormat: (entry, messageKey) => line(entry, messageKey),
    }),
  };
}
