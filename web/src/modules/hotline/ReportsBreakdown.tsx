import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotlineReport } from '../../../../contracts/hotline-admin.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { LanguageName } from '../people/LanguageName.tsx';
import { formatShare } from './reports-format.ts';

interface Row {
  key: string;
  label: ReactNode;
  count: number;
}

/** A count with its share as a bar; the percentage is written out, the bar only repeats it. */
function ShareTable({ caption, labelHeader, rows, whole, empty }: { caption: string; labelHeader: string; rows: Row[]; whole: number; empty: string }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <DataTable
      caption={caption}
      hideCaption
      rowKey={(r) => r.key}
      rows={rows}
      empty={empty}
      columns={[
        { key: 'label', header: labelHeader, primary: true, render: (r) => r.label },
        { key: 'count', header: t('reports.breakdown.count'), className: 'num', render: (r) => fmt.number(r.count) },
        {
          key: 'share',
          header: t('reports.breakdown.share'),
          render: (r) => (
            <span className="report-share">
              <span className="report-share__text">{formatShare(r.count, whole, lang)}</span>
              <span className="report-share__bar" aria-hidden="true">
                <span style={{ width: `${whole > 0 ? Math.round((r.count / whole) * 100) : 0}%` }} />
              </span>
            </span>
          ),
        },
      ]}
    />
  );
}

/** Conversations by language and by category (uncategorised ones counted, and said so). */
export function ReportsBreakdown({ report: r }: { report: HotlineReport }) {
  const { t } = useTranslation('hotline');
  const empty = t('reports.byDay.none');
  return (
    <div className="report-breakdown">
      <Panel title={t('reports.byLanguage.title')}>
        <ShareTable
          caption={t('reports.byLanguage.title')}
          labelHeader={t('reports.byLanguage.language')}
          whole={r.conversations}
          empty={empty}
          rows={r.byLanguage.map((l) => ({ key: l.lang, label: <LanguageName lang={l.lang} />, count: l.count }))}
        />
      </Panel>
      <Panel title={t('reports.byCategory.title')}>
        <ShareTable
          caption={t('reports.byCategory.title')}
          labelHeader={t('reports.byCategory.category')}
          whole={r.conversations}
          empty={empty}
          rows={r.byCategory.map((c) => ({
            key: c.category ?? '-',
            label: c.category ? t(`inbox.categories.${c.category}`, { defaultValue: c.category }) : t('reports.byCategory.none'),
            count: c.count,
          }))}
        />
      </Panel>
    </div>
  );
}
