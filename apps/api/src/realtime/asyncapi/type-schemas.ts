/**
 * JSON Schemas of TypeScript types, read by the compiler: the AsyncAPI document's payloads are derived from the
 * contracts' types rather than kept beside them. Covers what the protocol uses: objects (interfaces, intersections),
 * arrays, unions, literals, string/number/boolean/null, unknown. A named type (an interface or type alias declared
 * in the contracts, not generic) becomes a component, referenced by `$ref`; documentation comments become
 * `description`, and `@pattern`, `@maxLength`, `@minimum` tags the keywords of the same name.
 */
import { dirname, join } from 'node:path';
import ts from 'typescript';

export type JsonSchema = { [keyword: string]: unknown };

export interface DerivedSchemas {
  /** The schema of each requested type expression, by its given name. */
  types: Record<string, JsonSchema>;
  /** The named types they use, by name (`$ref: <refPrefix><name>`). */
  components: Record<string, JsonSchema>;
}

/**
 * `expressions`: name → a type expression in terms of `C`, the module `entry` (e.g. `C.PresenceUser`,
 * `Parameters<C.ServerToClientEvents['presence']>[0]`). Named types declared under entry's folder become components.
 */
export function deriveSchemas(entry: string, expressions: Record<string, string>, refPrefix: string): DerivedSchemas {
  const { checker, folder, virtual, typeOf } = compile(entry, expressions);
  const components: Record<string, JsonSchema> = {};
  const converting = new Set<string>();

  const nameOf = (type: ts.Type): string | undefined => {
    const symbol = type.aliasSymbol && !type.aliasTypeArguments?.length ? type.aliasSymbol : interfaceSymbol(type);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration || !declaration.getSourceFile().fileName.startsWith(folder + '/')) return undefined;
    if (declaration.getSourceFile().fileName === virtual) return undefined;
    return symbol.name;
  };

  const interfaceSymbol = (type: ts.Type): ts.Symbol | undefined => {
    if (!(type.flags & ts.TypeFlags.Object)) return undefined;
    const objectFlags = (type as ts.ObjectType).objectFlags;
    if (objectFlags & ts.ObjectFlags.Interface) return type.symbol;
    // A generic interface's instantiation (RealtimeEvent<'comment.created'>) is written out where it is used.
    return undefined;
  };

  const documentation = (symbol: ts.Symbol | undefined): JsonSchema => {
    if (!symbol) return {};
    const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const keywords: JsonSchema = text ? { description: text } : {};
    for (const tag of symbol.getJsDocTags(checker)) {
      const value = ts.displayPartsToString(tag.text).trim();
      if (tag.name === 'pattern') keywords.pattern = value;
      if (tag.name === 'maxLength' || tag.name === 'minimum') keywords[tag.name] = Number(value);
    }
    return keywords;
  };

  const convert = (type: ts.Type, where: string): JsonSchema => {
    const name = nameOf(type);
    if (name) {
      if (!(name in components) && !converting.has(name)) {
        converting.add(name);
        const symbol = type.aliasSymbol ?? type.symbol;
        components[name] = { ...documentation(symbol), ...inline(type, `${where} (${name})`) };
        converting.delete(name);
      }
      return { $ref: `${refPrefix}${name}` };
    }
    return inline(type, where);
  };

  const inline = (type: ts.Type, where: string): JsonSchema => {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.String || f & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral()) return { type: 'string', const: type.value };
    if (type.isNumberLiteral()) return { type: 'number', const: type.value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: checker.typeToString(type) === 'true' };
    if (type.isUnion()) return union(type.types, where);
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: convert(item, `${where}[]`) };
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return object(type, where);
    throw new Error(`${where}: no JSON Schema for the type ${checker.typeToString(type)}`);
  };

  const union = (members: ts.Type[], where: string): JsonSchema => {
    let types = members.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
    // `boolean` inside a union is its two literals.
    const bools = types.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    const schemas: JsonSchema[] = [];
    if (bools.length === 2) {
      types = types.filter((m) => !bools.includes(m));
      schemas.push({ type: 'boolean' });
    }
    schemas.push(...types.map((m) => convert(m, where)));
    // In a fixed order (the compiler's is that of type creation, which unrelated code may change): null last.
    schemas.sort((a, b) => Number(a.type === 'null') - Number(b.type === 'null'));
    if (schemas.length === 1) return schemas[0];
    const only = (keys: string[]) => schemas.every((s) => Object.keys(s).every((k) => keys.includes(k)));
    if (only(['type']) && schemas.every((s) => typeof s.type === 'string'))
      return { type: schemas.map((s) => s.type as string).sort(byTypeName) };
    if (only(['type', 'const']) && schemas.every((s) => 'const' in s || s.type === 'null')) {
      const kinds = [...new Set(schemas.map((s) => s.type as string))].sort(byTypeName);
      const values = schemas.filter((s) => 'const' in s).map((s) => s.const as string | number | boolean);
      return {
        type: kinds.length === 1 ? kinds[0] : kinds,
        enum: [...values.sort(), ...(kinds.includes('null') ? [null] : [])],
      };
    }
    return { oneOf: schemas };
  };

  const object = (type: ts.Type, where: string): JsonSchema => {
    if (type.getCallSignatures().length > 0) throw new Error(`${where}: a function is not a payload`);
    if (checker.getIndexInfosOfType(type).length > 0) throw new Error(`${where}: index signatures are not supported`);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const at = `${where}.${property.name}`;
      const schema = convert(checker.getTypeOfSymbol(property), at);
      const keywords = documentation(property);
      // Keywords beside a $ref are ignored by JSON Schema draft 7 (AsyncAPI's): wrap it.
      properties[property.name] =
        '$ref' in schema && Object.keys(keywords).length > 0
          ? { ...keywords, allOf: [schema] }
          : { ...schema, ...keywords };
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    // An instantiation of a generic (RealtimeEvent<"comment.created">) is titled so.
    const generic = (type as ts.TypeReference).typeArguments?.length ? { title: checker.typeToString(type) } : {};
    return { ...generic, type: 'object', properties, ...(required.length ? { required } : {}) };
  };

  const types: Record<string, JsonSchema> = {};
  for (const name of Object.keys(expressions)) types[name] = convert(typeOf(name), name);
  return { types, components: sortKeys(components) };
}

/** The property names of each type expression (`C.ServerToClientEvents`), in declaration order. */
export function propertyNames(entry: string, expressions: Record<string, string>): Record<string, string[]> {
  const { checker, typeOf } = compile(entry, expressions);
  return Object.fromEntries(
    Object.keys(expressions).map((name) => [name, checker.getPropertiesOfType(typeOf(name)).map((p) => p.name)]),
  );
}

/** The string literals a type expression stands for (`C.AckedMessage`), sorted. */
export function literalsOf(entry: string, expression: string): string[] {
  const { typeOf } = compile(entry, { literals: expression });
  const type = typeOf('literals');
  const members = type.isUnion() ? type.types : [type];
  if (!members.every((m) => m.isStringLiteral())) throw new Error(`${expression} is not a union of string literals`);
  return members.map((m) => m.value).sort();
}

function compile(entry: string, expressions: Record<string, string>) {
  const folder = dirname(entry);
  const virtual = join(folder, '__derive_schemas__.ts');
  const source = [
    `import type * as C from './${entry.slice(folder.length + 1).replace(/\.ts$/, '')}';`,
    ...Object.entries(expressions).map(([name, expression]) => `export type ${alias(name)} = ${expression};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === virtual ? ts.createSourceFile(file, source, language, true) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === virtual || fileExists(file);
  const program = ts.createProgram([virtual], options, host);
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length > 0)
    throw new Error(
      ts.formatDiagnostics(problems, { ...host, getNewLine: () => '\n', getCanonicalFileName: (f) => f }),
    );
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(virtual)!;
  const typeOf = (name: string): ts.Type => {
    const declaration = file.statements.find(
      (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === alias(name),
    )!;
    return checker.getTypeFromTypeNode(declaration.type);
  };
  return { checker, folder, virtual, typeOf };
}

const TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const byTypeName = (a: string, b: string) => TYPE_NAMES.indexOf(a) - TYPE_NAMES.indexOf(b);

const alias = (name: string) => `T_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
