import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseTaskInput } from '../../../../contracts/cases.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { TASK_TITLE_MAX_CHARS } from './case-options.ts';
import { casesApi, useCaseChange } from './cases.api.ts';

/** Follow-ups with due dates; each open one has its own "done" button (a second tap changes nothing). */
export function CaseTasks({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [added, setAdded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const add = useCaseChange(c.id, casesApi.task, (old, task) => ({ ...old, tasks: [...old.tasks, task] }));
  const done = useCaseChange(c.id, casesApi.taskDone, (old, task) => ({ ...old, tasks: old.tasks.map((x) => (x.id === task.id ? task : x)) }));
  const errors = splitError(add.error, ['title', 'dueOn']);
  useFocusFirstInvalid(formRef, add.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setAdded(false);
    const input: CaseTaskInput = { title: title.trim() };
    if (dueOn) input.dueOn = dueOn;
    add.mutate(input, {
      onSuccess: () => {
        setTitle('');
        setDueOn('');
        setAdded(true);
      },
    });
  };

  return (
    <Panel title={t('tasks.title')}>
      {c.tasks.length === 0 ? (
        <p className="muted">{t('tasks.empty')}</p>
      ) : (
        <ul className="case-tasks">
          {c.tasks.map((task) => (
            <li key={task.id} className={['case-task', task.doneAt ? 'case-task--done' : ''].filter(Boolean).join(' ')} data-testid="case-task">
              <div className="case-task__text">
                <p className="case-task__title" id={`task-${task.id}`}>
                  {task.doneAt ? <span aria-hidden="true">✓ </span> : null}
                  {task.title}
                </p>
                <p className="case-task__meta muted">
                  {task.dueOn ? t('tasks.due', { date: fmt.date(task.dueOn) }) : t('tasks.noDue')}
                  {task.doneAt ? ` · ${t('tasks.doneAt', { time: fmt.dateTime(task.doneAt) })}` : null}
                </p>
              </div>
              {canWrite && !task.doneAt ? (
                <Button
                  aria-describedby={`task-${task.id}`}
                  busy={done.isPending && done.variables === task.id}
                  disabled={done.isPending}
                  onClick={() => done.mutate(task.id)}
                >
                  {t('tasks.done')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {done.error ? <Alert tone="error">{done.error.message}</Alert> : null}
      {canWrite ? (
        <form ref={formRef} className="form case-tasks__form" onSubmit={submit} noValidate aria-labelledby="task-new">
          <h3 id="task-new" className="case-tasks__new">
            {t('tasks.new')}
          </h3>
          <TextField
            label={t('tasks.taskTitle')}
            value={title}
            maxLength={TASK_TITLE_MAX_CHARS}
            error={errors.fields.title}
            onChange={(e) => {
              setTitle(e.target.value);
              setAdded(false);
            }}
            autoComplete="off"
          />
          <TextField type="date" label={t('tasks.dueOn')} value={dueOn} error={errors.fields.dueOn} onChange={(e) => setDueOn(e.target.value)} />
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {added ? <Alert tone="success">{t('tasks.added')}</Alert> : null}
          <div className="button-row">
            <Button type="submit" busy={add.isPending} disabled={!title.trim()}>
              {t('tasks.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}
