import { allocateInOrder } from '../allocation';

/**
 * The answer line of `allocate` (SPEC §6) for one request: `{"quotas": {…}}` with the ids in request
 * order (a JS object would put ids like "7" first). Throws allocate()'s InputError for a refused one.
 */
export function allocationAnswer(req: unknown): string {
  const { ids, quotas } = allocateInOrder(req);
  let body = '';
  for (let i = 0; i < ids.length; i++) body += `${i ? ',' : ''}${jsonString(ids[i])}:${quotas[i]}`;
  return `{"quotas":{${body}}}`;
}

/** Characters JSON.stringify writes otherwise than as themselves (quotes, controls, lone surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(id), without its cost for the ids most requests have (`--jsonl` answers thousands). */
function jsonString(id: string): string {
  return ESCAPED.test(id) ? JSON.stringify(id) : `"${id}"`;
}
