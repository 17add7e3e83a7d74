// The vocabulary the writer shapes in this folder are written in, and the three things the shape
// test does with a shape: check a real report against it, build every document of that shape a
// writer can write, and count the finding entries a document holds.
//
// A shape says, per field, its JSON type, whether the writer may leave it out, and the placeholder
// values the writer puts there for "none" ("", 0, null, []). It is written from the writer's source
// (a Go struct and its json tags, a Python __dict__, a JSON schema), never from our fixtures.

type Json = unknown
type Obj = Record<string, Json>

export type Shape =
  | { type: 'string'; values?: readonly string[]; example?: string | ((k: number) => string) }
  | { type: 'integer'; values?: readonly number[]; min?: number; example?: number }
  | { type: 'number'; example?: number }
  | { type: 'boolean' }
  | ArrayShape
  | ObjectShape
  /** A part the readers never look into: only its JSON type is checked, and it is generated only
   * from its example (a part without one is left out of generated documents). */
  | { type: 'opaque'; json?: 'object' | 'array' | 'string' | 'number'; example?: Json }
  | { type: 'oneOf'; of: readonly Shape[]; labels: readonly string[] }

export interface ArrayShape {
  type: 'array'
  items: Shape
  minItems?: number
  maxItems?: number
  /** How many entries a generated list gets, where the default (below) is not enough. */
  entries?: number
  /** Each entry for which this holds is one finding: the count the reader must not fall below. */
  finding?: (entry: Obj) => boolean
}

export interface ObjectShape {
  type: 'object'
  fields: Readonly<Record<string, Field>>
  /** Other keys are allowed, with values of this shape (Go maps, SARIF property bags). */
  rest?: Shape
  /** Entries a generated object starts with (the keys of a map). */
  example?: Obj
  /** Recomputes fields the writer derives from others (a summary's counts) after a change. */
  derive?: (o: Obj) => void
}

export interface Field {
  shape: Shape
  /** The writer may leave the key out (Go omitempty/omitzero, an optional schema property). */
  optional: boolean
  /** Values the writer writes for "none" where the type allows them. */
  empty: readonly Json[]
  /** Why the reader must refuse a document where this field is absent, or null. */
  refuse?: { absent?: string; null?: string }
}

/** One version of one scanner's report format, as its writer writes it. */
export interface WriterShape {
  format: 'trivy' | 'gitleaks' | 'checkov' | 'sarif' | 'bandit' | 'semgrep' | 'pip-audit' | 'npm-audit'
  version: string
  /** Where the shape was read: the writer's files at that version, or the schema. */
  source: string
  document: Shape
  /** Documents this writer writes that the generic variants do not build, from the full one. */
  cases?: (full: Json) => { label: string; doc: Json; refused?: string }[]
}

// ---- building shapes ------------------------------------------------------------------------

type Options<S> = Omit<S, 'type'>
export const str = (o: Options<Extract<Shape, { type: 'string' }>> = {}): Shape => ({ type: 'string', ...o })
export const oneOfStr = (values: readonly string[]): Shape => ({ type: 'string', values })
export const int = (o: Options<Extract<Shape, { type: 'integer' }>> = {}): Shape => ({ type: 'integer', ...o })
export const num = (example?: number): Shape => ({ type: 'number', example })
export const bool = (): Shape => ({ type: 'boolean' })
export const arr = (items: Shape, o: Omit<ArrayShape, 'type' | 'items'> = {}): ArrayShape => ({ type: 'array', items, ...o })
export const obj = (fields: Record<string, Field>, o: Omit<ObjectShape, 'type' | 'fields'> = {}): ObjectShape => ({
  type: 'object',
  fields,
  ...o
})
/** An object whose keys the writer chooses (a Go map, a JSON object with additionalProperties). */
export const map = (values: Shape, example?: Obj): ObjectShape => ({ type: 'object', fields: {}, rest: values, example })
export const opaque = (json?: 'object' | 'array' | 'string' | 'number', example?: Json): Shape => ({ type: 'opaque', json, example })
export const oneOf = (alternatives: Record<string, Shape>): Shape => ({
  type: 'oneOf',
  of: Object.values(alternatives),
  labels: Object.keys(alternatives)
})

/** Always written. */
export const must = (shape: Shape, ...empty: Json[]): Field => ({ shape, optional: false, empty })
/** May be left out. */
export const may = (shape: Shape, ...empty: Json[]): Field => ({ shape, optional: true, empty })
/** The same field, with the cases in which the reader must refuse the document. */
export const refusing = (field: Field, refuse: Field['refuse']): Field => ({ ...field, refuse })

// ---- checking a document --------------------------------------------------------------------

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const jsonType = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
/** Whether a value is the given placeholder (placeholders are small: "", 0, null, [], [0, 0]). */
function same(placeholder: Json, value: Json): boolean {
  if (placeholder === null || typeof placeholder !== 'object') return placeholder === value
  if (Array.isArray(placeholder)) {
    return Array.isArray(value) && value.length === placeholder.length && JSON.stringify(value) === JSON.stringify(placeholder)
  }
  return isObj(value) && JSON.stringify(value) === JSON.stringify(placeholder)
}

/** Where a document departs from the shape: a missing field, one of the wrong type, a field the
 * writer does not write, a value outside the writer's set. Empty when the document fits. */
export function problems(shape: Shape, value: Json, at = '$'): string[] {
  const wrong = (expected: string) => [`${at}: ${jsonType(value)} ${short(value)}, expected ${expected}`]
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') return wrong('a string')
      return shape.values && !shape.values.includes(value) ? wrong(`one of ${shape.values.join(', ')}`) : []
    case 'integer':
      if (!Number.isInteger(value)) return wrong('an integer')
      if (shape.values && !shape.values.includes(value as number)) return wrong(`one of ${shape.values.join(', ')}`)
      return shape.min !== undefined && (value as number) < shape.min ? wrong(`an integer >= ${shape.min}`) : []
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong('a number')
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean')
    case 'opaque':
      if (!shape.json) return []
      return jsonType(value) === shape.json || (shape.json === 'number' && typeof value === 'number') ? [] : wrong(`an ${shape.json}`)
    case 'array': {
      if (!Array.isArray(value)) return wrong('an array')
      if (shape.minItems !== undefined && value.length < shape.minItems) return wrong(`at least ${shape.minItems} entries`)
      if (shape.maxItems !== undefined && value.length > shape.maxItems) return wrong(`at most ${shape.maxItems} entries`)
      return value.flatMap((v, i) => problems(shape.items, v, `${at}[${i}]`))
    }
    case 'object': {
      if (!isObj(value)) return wrong('an object')
      const out: string[] = []
      for (const [name, field] of Object.entries(shape.fields)) {
        if (!(name in value)) {
          if (!field.optional) out.push(`${at}.${name}: missing; the writer always writes it`)
          continue
        }
        if (field.empty.some((e) => same(e, value[name]))) continue
        out.push(...problems(field.shape, value[name], `${at}.${name}`))
      }
      for (const name of Object.keys(value)) {
        if (name in shape.fields) continue
        if (shape.rest) out.push(...problems(shape.rest, value[name], `${at}.${name}`))
        else out.push(`${at}.${name}: a field this writer does not write`)
      }
      return out
    }
    case 'oneOf': {
      const tries = shape.of.map((alt) => problems(alt, value, at))
      if (tries.some((p) => p.length === 0)) return []
      // The closest alternative: one of the document's own JSON type, with the fewest problems.
      const typed = tries.filter((p) => !p[0].startsWith(`${at}: ${jsonType(value)} `))
      const best = (typed.length > 0 ? typed : tries).reduce((a, b) => (b.length < a.length ? b : a))
      return [`${at}: fits none of ${shape.labels.join(', ')}; closest: ${best[0]}`]
    }
  }
}

function short(value: Json): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** The alternative of a oneOf that a document fits (the first, if it fits none). */
function alternative(shape: Extract<Shape, { type: 'oneOf' }>, value: Json): Shape {
  return shape.of.find((alt) => problems(alt, value).length === 0) ?? shape.of[0]
}

// ---- counting the finding entries -----------------------------------------------------------

/** How many findings a document of this shape holds, by the shape's own finding markers. */
export function findingsIn(shape: Shape, value: Json): number {
  switch (shape.type) {
    case 'array': {
      if (!Array.isArray(value)) return 0
      let n = 0
      for (const entry of value) {
        if (shape.finding && isObj(entry) && shape.finding(entry)) n++
        n += findingsIn(shape.items, entry)
      }
      return n
    }
    case 'object': {
      if (!isObj(value)) return 0
      let n = 0
      for (const [name, field] of Object.entries(shape.fields)) if (name in value) n += findingsIn(field.shape, value[name])
      return n
    }
    case 'oneOf':
      return findingsIn(alternative(shape, value), value)
    default:
      return 0
  }
}

// ---- generating the documents a writer can write -------------------------------------------

/** How many entries a generated list gets: in a list of findings, two (so that counting is tried)
 * or enough for every value of each enumerated field of an entry to occur once; elsewhere one; and
 * never fewer than the writer writes. */
function entriesFor(shape: ArrayShape): number {
  let n = shape.entries ?? (shape.finding ? 2 : 1)
  if (shape.finding && shape.items.type === 'object') {
    for (const field of Object.values(shape.items.fields)) {
      const s = field.shape
      if ((s.type === 'string' || s.type === 'integer') && s.values) n = Math.max(n, s.values.length)
    }
  }
  return Math.min(Math.max(n, shape.minItems ?? 0), shape.maxItems ?? Infinity)
}

const GONE = Symbol('left out')

/** A document with every field present (`full`), or with every optional field left out. */
function sample(shape: Shape, k: number, full: boolean): Json | typeof GONE {
  switch (shape.type) {
    case 'string':
      if (shape.values) return shape.values[k % shape.values.length]
      return typeof shape.example === 'function' ? shape.example(k) : (shape.example ?? `text-${k}`)
    case 'integer':
      if (shape.values) return shape.values[k % shape.values.length]
      return shape.example ?? Math.max(1, shape.min ?? 1) + k
    case 'number':
      return shape.example ?? 1.5
    case 'boolean':
      return k % 2 === 0
    case 'opaque':
      return shape.example === undefined ? GONE : structuredClone(shape.example)
    case 'array': {
      const out: Json[] = []
      // Entry i of a list inside entry k takes the values of k + i, so nested lists vary too.
      for (let i = 0; i < entriesFor(shape); i++) {
        const entry = sample(shape.items, k + i, full)
        if (entry !== GONE) out.push(entry)
      }
      return out
    }
    case 'object': {
      const out: Obj = structuredClone(shape.example ?? {})
      for (const [name, field] of Object.entries(shape.fields)) {
        // Left out unless the reader must refuse its absence (a variant of its own tries that).
        if (!full && field.optional && !field.refuse?.absent) continue
        const value = sample(field.shape, k, full)
        if (value !== GONE) out[name] = value
        else if (!field.optional) out[name] = field.empty[0] ?? null
      }
      shape.derive?.(out)
      return out
    }
    case 'oneOf':
      return sample(shape.of[0], k, full)
  }
}

/** Each step from a shape to one of its fields: a field name, or into the entries of a list. */
type Step = string | '[]'
interface FieldPath {
  steps: Step[]
  owner: ObjectShape
  name: string
}

function fieldPaths(shape: Shape, steps: Step[] = [], out: FieldPath[] = []): FieldPath[] {
  if (shape.type === 'array') fieldPaths(shape.items, [...steps, '[]'], out)
  else if (shape.type === 'object') {
    for (const [name, field] of Object.entries(shape.fields)) {
      out.push({ steps: [...steps, name], owner: shape, name })
      fieldPaths(field.shape, [...steps, name], out)
    }
  }
  return out
}

/** The paths of each field, grouped by the object shape that declares it: an object used in many
 * places (a SARIF location, a trivy Layer) is changed everywhere at once, as its writer would. */
function fieldsByDeclaration(shape: Shape): { field: Field; paths: Step[][] }[] {
  const groups = new Map<ObjectShape, Map<string, Step[][]>>()
  for (const p of fieldPaths(shape)) {
    const byName = groups.get(p.owner) ?? new Map<string, Step[][]>()
    groups.set(p.owner, byName)
    byName.set(p.name, [...(byName.get(p.name) ?? []), p.steps])
  }
  return [...groups].flatMap(([owner, byName]) => [...byName].map(([name, paths]) => ({ field: owner.fields[name], paths })))
}

/** The document with the field at `steps` changed (or deleted) wherever it occurs. */
function changeAll(doc: Json, steps: Step[], change: (parent: Obj, key: string) => void): void {
  const [step, ...rest] = steps
  if (step === '[]') {
    if (Array.isArray(doc)) for (const entry of doc) changeAll(entry, rest, change)
    return
  }
  if (!isObj(doc) || !(step in doc)) return
  if (rest.length === 0) change(doc, step)
  else changeAll(doc[step], rest, change)
}

/** Runs every `derive` again, innermost first, so derived fields follow a change. */
function rederive(shape: Shape, doc: Json): void {
  if (shape.type === 'array' && Array.isArray(doc)) doc.forEach((entry) => rederive(shape.items, entry))
  else if (shape.type === 'object' && isObj(doc)) {
    for (const [name, field] of Object.entries(shape.fields)) if (name in doc) rederive(field.shape, doc[name])
    shape.derive?.(doc)
  }
}

export interface Variant {
  label: string
  /** The shape (the alternative, for a oneOf) the document was built from. */
  shape: Shape
  doc: Json
  /** Set when the reader must refuse this document, with the reason. */
  refused?: string
}

/**
 * Every document this shape builds: all optional fields present; all left out; each optional field
 * left out in turn; each placeholder the writer uses, in turn. A change applies wherever the field
 * occurs (every entry of every list, every place its object is used), so one document tests it
 * across the whole report.
 */
export function variants(shape: Shape, label = ''): Variant[] {
  if (shape.type === 'oneOf') return shape.of.flatMap((alt, i) => variants(alt, `${label}${shape.labels[i]}: `))
  const full = sample(shape, 0, true)
  const out: Variant[] = [
    { label: `${label}every field present`, shape, doc: full },
    { label: `${label}every optional field left out (but those the reader needs)`, shape, doc: sample(shape, 0, false) }
  ]
  const changed = (name: string, paths: Step[][], change: (parent: Obj, key: string) => void, refused?: string) => {
    const doc = structuredClone(full)
    for (const steps of paths) changeAll(doc, steps, change)
    rederive(shape, doc)
    out.push({ label: `${label}${name}`, shape, doc, refused })
  }
  for (const { field, paths } of fieldsByDeclaration(shape)) {
    const where = paths[0].join('.').replace(/\.\[\]/g, '[]') + (paths.length > 1 ? ` (and ${paths.length - 1} more places)` : '')
    if (field.optional) changed(`without ${where}`, paths, (parent, key) => delete parent[key], field.refuse?.absent)
    for (const empty of field.empty) {
      const refused = empty === null ? field.refuse?.null : undefined
      changed(`${where} = ${JSON.stringify(empty)}`, paths, (parent, key) => (parent[key] = structuredClone(empty)), refused)
    }
  }
  return out
}

/** A document of this shape with every field present, for writer-specific cases built on it. */
export function fullDocument(shape: Shape): Json {
  return sample(shape.type === 'oneOf' ? shape.of[0] : shape, 0, true)
}
