import type { Writable } from 'node:stream';
import { reportVolumes, type Reader } from '../eligibility/report-volumes.service';
import type { ReportVolumes } from '../eligibility/eligibility.types';
import { ANNEX_A_SQL, REPORT_SQL } from './exchange.sql';
import { reportFields } from './export.service';
import { VOLUME_SECTIONS, volumeRowLabel, type SlotDevice } from './layouts';
import { asText, tableWriter, type Cell, type Column } from './sheets';

/**
 * An EPCL report regenerated from the database, section by section as the published document has them
 * (front matter, §1 context with summary counts and the volume tables, §2 Live Service Criteria with RAG,
 * §3 the risk register, Annex A, Annex D clause evidence, the objection window), so the seeded report 22
 * can be compared with the document. Rendered as Markdown, HTML or an xlsx workbook.
 */
export type ReportModel = {
  front: Record<string, unknown>;
  entries: {
    report_group: number;
    epcl_id: string;
    cohort: string;
    s1sp_name: string;
    installation_status: string;
    state: string;
    basis: string | null;
    basis_epcl_id: string | null;
    devices: SlotDevice[];
    evidence: { role: string; title: string }[];
  }[];
  criteria: { no: number; title: string; rag: string | null; commentary: string | null }[];
  clauses: {
    clause_ref: string;
    section: string;
    summary: string | null;
    statement: string;
    evidence_date: string | null;
    evidence_count: number | null;
    doc_ref: string | null;
  }[];
  risks: Record<string, unknown>[];
  volumes: ReportVolumes;
};

export class ReportNotFound extends Error {}

export async function loadReport(reader: Reader, number: number): Promise<ReportModel> {
  const [front] = await reader.sql<Record<string, unknown>>(REPORT_SQL, [number]);
  if (!front) throw new ReportNotFound(`no EPCL report number ${number}`);
  const id = front.id as number;
  const [entries, criteria, clauses, risks, volumes] = await Promise.all([
    reader.sql<ReportModel['entries'][number]>(ANNEX_A_SQL, [id]),
    reader.sql<ReportModel['criteria'][number]>(
      `select l.no, l.title, c.rag, c.commentary from live_service_criterion l
         left join epcl_report_criterion c on c.criterion_no = l.no and c.report_id = $1 order by l.no`,
      [id],
    ),
    reader.sql<ReportModel['clauses'][number]>(
      `select ce.clause_ref, ce.section, sc.summary, ce.statement, ce.evidence_date::text as evidence_date, ce.evidence_count, ce.doc_ref
         from epcl_report_clause_evidence ce left join svtad_clause sc on sc.ref = ce.clause_ref
        where ce.report_id = $1 order by ce.section, ce.id`,
      [id],
    ),
    reader.sql<Record<string, unknown>>(`select * from epcl_report_risk where report_id = $1 order by id`, [
      id,
    ]),
    reportVolumes(reader, id),
  ]);
  return { front, entries, criteria, clauses, risks, volumes };
}

const STATUS_ORDER = ['ACTIVE', 'DORMANT', 'MIXED'] as const;
const GROUP_TITLE = { 1: 'Group 1 (tested)', 2: 'Group 2 (substantively equivalent)' } as const;
const SECTION_TITLE: Record<string, string> = {
  GROUP_1_TESTED: 'Group 1',
  GROUPS_1_AND_2: 'Groups 1 & 2',
  GROUP_2_SE: 'Group 2',
};

/** A table as header + rows of strings, the shape every renderer draws. */
type Table = { title?: string; header: string[]; rows: string[][] };
type Section = { heading: string; paragraphs: string[]; tables: Table[] };

const n = (v: number) => v.toLocaleString('en-GB');
const deviceText = (d: SlotDevice) =>
  `${d.type} ${d.manufacturer} ${d.model} hw ${d.hardware} fw ${d.firmware}`;

function summary(m: ReportModel): Table {
  const rows: string[][] = [];
  for (const g of [1, 2] as const) {
    const mine = m.entries.filter((e) => e.report_group === g);
    rows.push([
      GROUP_TITLE[g],
      ...STATUS_ORDER.map((s) => n(mine.filter((e) => e.installation_status === s).length)),
      n(mine.length),
    ]);
  }
  rows.push([
    'Total',
    ...STATUS_ORDER.map((s) => n(m.entries.filter((e) => e.installation_status === s).length)),
    n(m.entries.length),
  ]);
  return { title: 'Requested entries', header: ['', 'Active', 'Dormant', 'Mixed', 'Entries'], rows };
}

function volumeTables(m: ReportModel): Table[] {
  const tables: Table[] = [];
  for (const t of m.volumes.tables) {
    const section = t.section as keyof typeof VOLUME_SECTIONS;
    for (const which of ['published', 'recomputed'] as const) {
      const rows: string[][] = [];
      for (const r of [...t.rows, { ...t.totals, basis: 'TOTALS' }]) {
        const f = r[which];
        if (!f) continue;
        rows.push([
          volumeRowLabel(section, r.basis),
          ...STATUS_ORDER.map((s) => n(f.installs[s.toLowerCase() as 'active'])),
          ...STATUS_ORDER.map((s) => n(f.devices[s.toLowerCase() as 'active'])),
        ]);
      }
      const totals = t.totals[which];
      if (totals) rows.push(['Totals', n(totals.installs.total), '', '', n(totals.devices.total), '', '']);
      if (rows.length)
        tables.push({
          title: `${VOLUME_SECTIONS[section].title}: ${which === 'published' ? 'as published' : 'recomputed from the inventory'}`,
          header: [
            VOLUME_SECTIONS[section].title,
            'Installs Active',
            'Installs Dormant',
            'Installs Mixed',
            'Devices Active',
            'Devices Dormant',
            'Devices Mixed',
          ],
          rows,
        });
    }
  }
  return tables;
}

/** The report's sections, format-neutral. */
export function reportSections(m: ReportModel): Section[] {
  const f = m.front;
  const s = (v: unknown) => asText(v);
  const groups = [1, 2].map((g) => m.entries.filter((e) => e.report_group === g).length);
  return [
    {
      heading: s(f.title),
      paragraphs: [],
      tables: [
        {
          header: ['Field', 'Value'],
          rows: reportFields(f)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => [k, v as string]),
        },
      ],
    },
    {
      heading: '1. Context of EPCL Request',
      paragraphs: [
        `Annex A sets out ${n(m.entries.length)} entries that DCC proposes to add to the EPCL: ${n(groups[0])} in Group 1 (tested) and ${n(groups[1])} in Group 2 (proposed as substantively equivalent to a Group 1 entry).`,
        f.upgradeable_unmigrated_installs
          ? `Stated in the report: approximately ${n(f.upgradeable_unmigrated_installs as number)} unmigrated SMETS1 installations with the potential to be firmware upgraded to its DMCs (as of ${s(f.upgradeable_as_of)}). Recomputed from the inventory: ${n(m.volumes.tables.find((t) => (t.section as string) === 'OVERALL')?.rows.find((r) => (r.basis as string) === 'POTENTIAL_FW_UPGRADE')?.recomputed.installs.total ?? 0)}.`
          : '',
        `Volume tables: ${m.volumes.rule}`,
      ].filter(Boolean),
      tables: [summary(m), ...volumeTables(m)],
    },
    {
      heading: '2. Live Service Criteria Assessment',
      paragraphs: [],
      tables: [
        {
          header: ['#', 'Live Service Criteria', 'RAG Status', 'Commentary'],
          rows: m.criteria.map((c) => [
            String(c.no),
            c.title,
            c.rag === 'NA' ? 'N/A' : (c.rag ?? '(not assessed)'),
            c.commentary ?? '',
          ]),
        },
      ],
    },
    {
      heading: '3. EPCL Reports Risk Register',
      paragraphs: [
        f.risk_register_url
          ? `The EPCL Reports Risk Register: ${s(f.risk_register_url)}`
          : 'No risk register link recorded.',
        m.risks.length
          ? `${m.risks.length} risk(s) recorded against this report.`
          : 'No risks recorded against this report.',
      ],
      tables: [],
    },
    {
      heading: '4. Confirmation of DCC Information',
      paragraphs: [
        [f.signatory_name, f.signatory_role].filter(Boolean).map(s).join(', ') || 'No signatory recorded.',
      ],
      tables: [],
    },
    {
      heading: 'Objection window',
      paragraphs: [
        `SECAS notified: ${s(f.secas_notified_on) || 'not recorded'}. Objections within 5 working days, by ${s(f.objection_deadline) || 'not computed'}, to ${s(f.objections_to) || 'the Secretary of State'}. State: ${s(f.state)}.`,
      ],
      tables: [],
    },
    {
      heading: 'Annex A – EPCL entries Requested for Eligible Product Combination List',
      paragraphs: [],
      tables: [
        {
          header: [
            'Group',
            'EPCL ID',
            'Cohort',
            'Status',
            'State',
            'Basis',
            'Basis EPCL ID',
            'DMC devices',
            'Test reports',
          ],
          rows: m.entries.map((e) => [
            String(e.report_group),
            e.epcl_id,
            e.cohort,
            e.installation_status,
            e.state,
            e.basis ?? '',
            e.basis_epcl_id ?? '',
            e.devices.map(deviceText).join('; '),
            e.evidence.map((ev) => `${ev.role}: ${ev.title}`).join('; '),
          ]),
        },
      ],
    },
    {
      heading: 'Annex D – Mapping to Clause 20 of the SVTAD',
      paragraphs: [],
      tables: [
        {
          header: ['Section', 'Clause', 'Summary', 'Statement', 'Date', 'Count', 'Reference'],
          rows: m.clauses.map((c) => [
            SECTION_TITLE[c.section] ?? c.section,
            c.clause_ref,
            c.summary ?? '',
            c.statement,
            c.evidence_date ?? '',
            c.evidence_count === null ? '' : String(c.evidence_count),
            c.doc_ref ?? '',
          ]),
        },
      ],
    },
  ];
}

const mdCell = (v: string) => v.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderMarkdown(m: ReportModel): string {
  const out: string[] = [];
  for (const [i, sec] of reportSections(m).entries()) {
    out.push(`${i === 0 ? '#' : '##'} ${sec.heading}`, '');
    for (const p of sec.paragraphs) out.push(p, '');
    for (const t of sec.tables) {
      if (t.title) out.push(`**${t.title}**`, '');
      out.push(`| ${t.header.map(mdCell).join(' | ')} |`, `| ${t.header.map(() => '---').join(' | ')} |`);
      for (const r of t.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

const esc = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderHtml(m: ReportModel): string {
  const body: string[] = [];
  for (const [i, sec] of reportSections(m).entries()) {
    body.push(i === 0 ? `<h1>${esc(sec.heading)}</h1>` : `<h2>${esc(sec.heading)}</h2>`);
    for (const p of sec.paragraphs) body.push(`<p>${esc(p)}</p>`);
    for (const t of sec.tables) {
      if (t.title) body.push(`<h3>${esc(t.title)}</h3>`);
      body.push(
        `<table><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
        ...t.rows.map(
          (r) =>
            `<tr>${r.map((c) => `<td${/^(G|A|R)$/.test(c) ? ` class="rag-${c}"` : ''}>${esc(c)}</td>`).join('')}</tr>`,
        ),
        '</tbody></table>',
      );
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(asText(m.front.title ?? 'EPCL report'))}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eee}
.rag-G{background:#c6efce}.rag-A{background:#ffeb9c}.rag-R{background:#ffc7ce}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

/** The report as a workbook: one sheet per section. */
export async function writeReportXlsx(m: ReportModel, out: Writable): Promise<void> {
  const writer = tableWriter('xlsx', out);
  const names = [
    'Report',
    'Context',
    'Live Service Criteria',
    'Risk Register',
    'Confirmation',
    'Objection Window',
    'Annex A',
    'Annex D',
  ];
  for (const [i, sec] of reportSections(m).entries()) {
    const columns: Column[] = [
      { header: 'Table', type: 'text' },
      ...(sec.tables[0]?.header ?? ['Text']).map((h) => ({ header: h || ' ', type: 'text' as const })),
    ];
    const width = Math.max(columns.length, ...sec.tables.map((t) => t.header.length + 1));
    while (columns.length < width) columns.push({ header: ' ', type: 'text' });
    const sheet = await writer.sheet(names[i] ?? `Section ${i + 1}`, columns);
    for (const p of sec.paragraphs) await sheet.row(['', p]);
    for (const [ti, t] of sec.tables.entries()) {
      if (ti > 0 || t.title) await sheet.row([t.title ?? '', ...t.header]);
      for (const r of t.rows) await sheet.row([t.title ?? '', ...r.map((c): Cell => c)]);
    }
  }
  await writer.finish();
}
