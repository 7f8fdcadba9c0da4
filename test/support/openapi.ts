/** Validates endpoint responses against openapi.yaml with a real JSON Schema 2020-12 validator. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
}

const document = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as OpenApi & Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...document, $id: 'openapi.yaml' });

/** Throws unless `body` matches the documented schema for this path, method and status. */
export function assertMatchesSpec(method: string, status: number, body: unknown, path = '/auth/{provider}'): void {
  const operation = document.paths[path]?.[method.toLowerCase()];
  let response = operation?.responses[String(status)] as { $ref?: string; content?: Record<string, { schema: object }> } | undefined;
  // A shared response (`$ref: '#/components/responses/…'`).
  if (response?.$ref) response = response.$ref.split('/').slice(1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, document) as typeof response;
  if (!response) throw new Error(`openapi.yaml documents no ${status} for ${method} ${path}`);
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return;
  const ref = (schema as { $ref?: string }).$ref;
  const validate = ajv.getSchema(`openapi.yaml${ref}`) ?? ajv.compile(schema);
  if (!validate(body)) throw new Error(`${method} ${status} body does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}
