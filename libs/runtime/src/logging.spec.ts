import { Writable } from 'node:stream';
import pino from 'pino';
import { ConfigError } from './env';
import { logFormat, terminalLogging } from './logging';

describe('LOG_FORMAT', () => {
  it('is json unless pretty is asked for, and names a wrong value', () => {
    expect(logFormat({})).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(() => logFormat({ LOG_FORMAT: 'colour' })).toThrow(
      new ConfigError('LOG_FORMAT must be json or pretty, got "colour"'),
    );
    expect(terminalLogging('json')).toBeNull();
  });
});

describe('pretty logs for a person at a terminal', () => {
  const written = (entries: (log: pino.Logger) => void) => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    const log = pino({ level: 'info', ...terminalLogging('pretty')!.options }, sink);
    entries(log);
    return lines;
  };

  it("moves Nest's start-up chatter to debug and keeps everything else", () => {
    const lines = written((log) => {
      log.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/me, GET} route');
      log.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
      log.info({ context: 'Database' }, 'applied migrations: x');
      log.warn({ context: 'RouterExplorer' }, 'a warning is never hidden');
    });
    expect(lines.map((l) => l.msg)).toEqual(['applied migrations: x', 'a warning is never hidden']);
  });

  it('logs answered requests at debug unless they failed', () => {
    const { customLogLevel } = terminalLogging('pretty')!.options;
    expect(customLogLevel({}, { statusCode: 200 })).toBe('debug');
    expect(customLogLevel({}, { statusCode: 304 })).toBe('debug');
    expect(customLogLevel({}, { statusCode: 404 })).toBe('info');
    expect(customLogLevel({}, { statusCode: 500 })).toBe('error');
    expect(customLogLevel({}, { statusCode: 200 }, new Error('x'))).toBe('error');
  });
});
