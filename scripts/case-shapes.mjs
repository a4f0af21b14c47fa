// Writes server/case-v1p1-shapes.json: for each CASE 1.1 data type of the official OpenAPI 3
// description (test/fixtures/schemas/case-v1p1-openapi3.json, © 1EdTech), its properties and
// what kind of value each holds, its required properties, and whether it is open (extensions).
// The provider conforms its CASE 1.1 answers to these shapes at run time without the schema.
// Run again when the schema changes: `node scripts/case-shapes.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const api = JSON.parse(readFileSync(new URL('../test/fixtures/schemas/case-v1p1-openapi3.json', import.meta.url), 'utf8'));
const schemas = api.components.schemas;
const refName = ref => ref.split('/').pop();

function kindOf(p) {
  if (p.$ref) return { ref: refName(p.$ref) };
  // An enumerated vocabulary, extensible with `ext:` terms: its terms.
  if (p.anyOf || p.oneOf) return { vocabulary: (p.anyOf ?? p.oneOf).flatMap(alt => alt.enum ?? []) };
  if (p.type === 'array') return p.items.$ref ? { array: refName(p.items.$ref) } : 'string[]';
  if (p.enum) return { enum: p.enum };
  if (p.type === 'integer') return 'integer';
  if (p.type === 'number') return 'number';
  if (p.format === 'uri') return 'uri';
  if (p.format === 'date-time') return 'date-time';
  if (p.format === 'date') return 'date';
  if (p.pattern) return 'uuid';
  return 'string';
}

const shapes = {};
for (const [name, schema] of Object.entries(schemas)) {
  shapes[name] = {
    props: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([prop, p]) => [prop, kindOf(p)])),
    required: schema.required ?? [],
    ...(schema.additionalProperties === true ? { open: true } : {}),
  };
}
writeFileSync(new URL('../server/case-v1p1-shapes.json', import.meta.url), `${JSON.stringify(shapes)}\n`);
console.log(`${Object.keys(shapes).length} types`);
