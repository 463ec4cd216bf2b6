import fs from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validation against the published HSDS 3.0 JSON Schemas (vendored in ./hsds-3.0, see its
 * README), not against our own idea of HSDS: a partner's importer will hold the file to the
 * published schemas, so our tests must too.
 *
 * Dialect: the schema files declare no `$schema`; HSDS's openapi.json (OpenAPI 3.1) references
 * them and declares `jsonSchemaDialect` 2020-12, so they are read as 2020-12 (ajv/dist/2020).
 * They use only keywords that mean the same in draft-07, so the choice changes no verdict.
 *
 * Accepts the shape toHsds writes (a Page whose `contents` are services), a bare array of
 * services, or one service — the forms the HSDS API returns.
 */

export interface HsdsValidation {
  ok: boolean;
  errors: { path: string; message: string }[];
}

const SCHEMA_DIR = new URL('./hsds-3.0/', import.meta.url);

/**
 * Keywords HSDS puts in its schemas for its own tooling (CSV/datapackage generation, docs).
 * Declared rather than switching strict mode off, so a real typo in a schema keyword would
 * still fail loudly.
 */
const HSDS_ANNOTATIONS = ['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'example', 'core', 'tabular_required'];

let validators: { page: ValidateFunction; services: ValidateFunction; service: ValidateFunction } | null = null;

/** Built on first use: compiling ~20 schemas costs tens of ms that importing this module should not. */
function getValidators() {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_ANNOTATIONS);
  const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
  for (const file of fs.readdirSync(SCHEMA_DIR).sort()) {
    // Each schema is registered under its file name: that is how they $ref one another.
    if (file.endsWith('.json') && file !== 'openapi.json') ajv.addSchema(read(file), file);
  }
  const openapi = read('openapi.json') as { components: { schemas: { Page: object } } };
  ajv.addSchema(openapi.components.schemas.Page, 'hsds-page');
  validators = {
    service: ajv.getSchema('service.json')!,
    services: ajv.compile({ type: 'array', items: { $ref: 'service.json' } }),
    page: ajv.compile({
      allOf: [{ $ref: 'hsds-page' }],
      type: 'object',
      required: ['contents'],
      properties: { contents: { type: 'array', items: { $ref: 'service.json' } } },
    }),
  };
  return validators;
}

export function validateHsds(doc: unknown): HsdsValidation {
  const v = getValidators();
  const validate = Array.isArray(doc) ? v.services : isObject(doc) && 'contents' in doc ? v.page : v.service;
  if (validate(doc)) return { ok: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: e.message ?? e.keyword,
  }));
  return { ok: false, errors };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
