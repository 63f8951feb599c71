/** A small option parser for the `dmc` commands: `--flag`, `--option value`, `--option=value`, positionals. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = Record<string, { value: boolean; alias?: string }>;

export type Parsed = { options: Record<string, string | true>; positionals: string[] };

export function parseArgs(argv: readonly string[], spec: OptionSpec): Parsed {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  const byAlias = new Map(Object.entries(spec).flatMap(([name, s]) => (s.alias ? [[s.alias, name]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1);
    const name = spec[raw] ? raw : byAlias.get(raw);
    if (!name) throw new UsageError(`unknown option ${arg}`);
    if (!spec[name].value) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positionals };
}

export function str(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function int(parsed: Parsed, name: string, min = 0): number | undefined {
  const v = str(parsed, name);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs an integer >= ${min}; got ${v}`);
  return n;
}

export function oneOf<T extends string>(
  parsed: Parsed,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const v = str(parsed, name) ?? fallback;
  if (v === undefined) throw new UsageError(`--${name} is required (${allowed.join('|')})`);
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got ${v}`);
  return v as T;
}

export function isoDate(parsed: Parsed, name: string): string | undefined {
  const v = str(parsed, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new UsageError(`--${name} needs a date YYYY-MM-DD; got ${v}`);
  return v;
}
