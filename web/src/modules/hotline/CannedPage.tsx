import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../../contracts/hotline.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { cannedApi, useInvalidateCanned } from './canned.api.ts';
import { CannedForm } from './CannedForm.tsx';
import { useCannedResponses } from './hotline.api.ts';
import { LANGS } from './inbox-options.ts';
import './inbox.css';

const LANG_NAMES = { ko: '한국어', en: 'English', es: 'Español' } as const;

/**
 * Coordinators keep the answers responders insert: each written in Korean, English and
 * Spanish, so the inbox can insert the member's language whatever the responder's UI is.
 */
export function CannedPage() {
  const { t } = useTranslation('hotline');
  const list = useCannedResponses();
  const refresh = useInvalidateCanned();
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [removing, setRemoving] = useState<CannedResponse | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <>
      <PageHeading title={t('canned.pageTitle')} description={t('canned.intro')} />
      <Panel title={editing ? t('canned.editTitle') : t('canned.addTitle')}>
        <CannedForm
          key={`${editing?.id ?? 'new'}-${formKey}`}
          editing={editing}
          onDone={() => {
            setEditing(null);
            setFormKey((k) => k + 1);
          }}
        />
      </Panel>
      <Panel title={t('canned.listTitle')}>
        {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : list.isError ? <Alert tone="error">{(list.error as Error).message}</Alert> : null}
        {list.data && !list.data.items.length ? <p>{t('canned.empty')}</p> : null}
        <ul className="canned-list">
          {list.data?.items.map((c) => (
            <li key={c.id} className="canned-item">
              <h3 className="canned-item__title">{c.title}</h3>
              {c.category ? <p className="canned-item__category">{t(`inbox.categories.${c.category}`)}</p> : null}
              <dl className="canned-item__bodies">
                {LANGS.map((l) => (
                  <div key={l}>
                    <dt>{LANG_NAMES[l]}</dt>
                    <dd lang={l}>{c.bodies[l]}</dd>
                  </div>
                ))}
              </dl>
              <div className="form__actions">
                <Button onClick={() => setEditing(c)} aria-label={t('canned.editOne', { title: c.title })}>{t('canned.edit')}</Button>
                <Button variant="danger" onClick={() => setRemoving(c)} aria-label={t('canned.removeOne', { title: c.title })}>{t('canned.remove')}</Button>
              </div>
            </li>
          ))}
        </ul>
      </Panel>
      <ConfirmDialog
        subject={removing}
        title={t('canned.removeTitle')}
        body={(c) => t('canned.removeBody', { title: c.title })}
        confirmLabel={t('canned.remove')}
        cancelLabel={t('canned.cancel')}
        closeLabel={t('canned.close')}
        action={(c) => cannedApi.remove(c.id)}
        onDone={() => {
          void refresh();
          if (editing?.id === removing?.id) setEditing(null);
        }}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
