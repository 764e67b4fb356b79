import { format, resolveConfig } from 'prettier';
import { buildAsyncApiDocument } from './asyncapi';

/** The document as committed: JSON laid out by Prettier with the repository's settings (so `format:check` passes). */
export async function asyncApiText(path = 'docs/asyncapi.json'): Promise<string> {
  const config = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(buildAsyncApiDocument()), { ...config, parser: 'json', filepath: path });
}
