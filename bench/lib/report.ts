import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One line of a result table: a figure, the physical-limit reference measured in the same run, and their ratio. */
export interface Row {
  measure: string;
  value: number;
  unit: string;
  /** What the figure is compared with (e.g. "bare node http", "same SQL, direct"). */
  reference?: string;
  refValue?: number;
  /** value / refValue (how many times the limit). */
  ratio?: number;
  note?: string;
}

export interface BenchResult {
  name: string;
  startedAt: string;
  durationMs: number;
  params: Record<string, unknown>;
  rows: Row[];
  /** Further tables printed after the rows (e.g. a per-query breakdown). */
  tables?: Table[];
  /** Lines printed after the tables (plans, findings). */
  lines?: string[];
  /** Anything else worth keeping (plans, breakdowns, raw summaries). */
  details: Record<string, unknown>;
}

export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

export function printGrid(t: Table) {
  const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${t.title}`);
  console.log(line(t.header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of t.rows) console.log(line(r));
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    /** Other work on the machine skews every figure: kept with each result. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const fmt = (v: number | undefined, unit = '') => {
  if (v === undefined || Number.isNaN(v)) return '';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

export function printTable(result: BenchResult) {
  const header = ['measure', 'value', 'reference (limit)', 'ref value', 'ratio'];
  const lines = result.rows.map((r) => [
    r.measure,
    fmt(r.value, r.unit),
    r.reference ?? '',
    fmt(r.refValue, r.refValue === undefined ? '' : r.unit),
    r.ratio === undefined || Number.isNaN(r.ratio) ? '' : `${r.ratio.toFixed(r.ratio >= 10 ? 0 : r.ratio >= 2 ? 1 : 2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\n== ${result.name} (${(result.durationMs / 1000).toFixed(1)} s)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  const notes = result.rows.filter((r) => r.note).map((r) => `  * ${r.measure}: ${r.note}`);
  if (notes.length) console.log(notes.join('\n'));
  for (const t of result.tables ?? []) printGrid(t);
  if (result.lines?.length) console.log(`\n${result.lines.join('\n')}`);
}

/** .bench/<name>-<timestamp>.json and .bench/<name>-latest.json, for comparing runs. */
export function writeJson(result: BenchResult): string {
  const dir = path.join(repoRoot, '.bench');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const body = JSON.stringify({ ...result, machine: machine() }, null, 2);
  const file = path.join(dir, `${result.name}-${stamp}.json`);
  fs.writeFileSync(file, body);
  fs.writeFileSync(path.join(dir, `${result.name}-latest.json`), body);
  return file;
}
