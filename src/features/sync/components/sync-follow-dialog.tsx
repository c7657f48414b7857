/**
 * "Theo dõi kế hoạch cấp trên" (issue 13, province → districts): the active plan (typically a
 * district or commune plan) follows the higher-level plan's database read-only. Not following: the
 * same one-field address form as "Đồng bộ" (password used once for `_session`, never stored).
 * Following: the follow status, then the higher-level plan's tasks meant for this plan
 * (domain/sync/follow-rule.ts), by date, each with whether this plan has a copy and, when not,
 * "Sao chép vào kế hoạch của tôi" (one undo step). Nothing here edits the higher-level plan: the
 * replication only pulls (store/sync/follow-engine.ts). Local work is never blocked: only this
 * dialog waits.
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { ModalDialog } from '@/components/modal-dialog'
import { useMessages } from '@/components/use-messages'
import { addDays } from '@/domain/dates/local-date'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { formatDate, formatDateOrDateTime } from '@/domain/dates/format-date'
import { copyFollowedTask, listFollowedTasks } from '@/domain/sync/follow-rule'
import type { Plan, Task } from '@/domain/types'
import type { Messages } from '@/lib/i18n/messages-vi'
import { getFollowController } from '@/store/sync/browser-follow'
import { readSavedFollows, useFollowStore, type PlanFollowState } from '@/store/sync/follow-store'
import type { SyncError, SyncErrorKind } from '@/store/sync/sync-types'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { LogInAgainForm, ServerLoginFields, SyncErrorBox } from '@/features/sync/components/server-login-fields'
import { useBrowserOnline } from '@/features/sync/components/sync-status'
import { useServerLogin } from '@/features/sync/hooks/use-server-login'
import { closeSyncDialog } from '@/features/sync/sync-dialogs'
import { describeFollowStatus } from '@/features/sync/utils/follow-status'
import { unreachableError } from '@/features/sync/utils/unreachable-error'

/** The error sentence: the follow-specific one where reading differs from syncing, else the sync one. */
function errorText(kind: SyncErrorKind, messages: Messages): string {
  const own = messages.sync.follow.errors as Partial<Record<SyncErrorKind, string>>
  return own[kind] ?? messages.sync.errors[kind]
}

function datesText(task: Task): string {
  if (!task.allDay) return `${formatDateOrDateTime(task.start)} – ${formatDateOrDateTime(task.end)}`
  const last = addDays(task.end, -1)
  return last <= task.start ? formatDate(task.start) : `${formatDate(task.start)} – ${formatDate(last)}`
}

export function SyncFollowDialog() {
  const messages = useMessages()
  const t = messages.sync
  const f = t.follow
  const uid = useId()
  const plan = usePlannerStore(selectActivePlan)
  const planId = plan.id
  const state = useFollowStore((s) => s.plans[planId])
  const online = useBrowserOnline()
  const following = state !== undefined && readSavedFollows()[planId] !== undefined
  const login = useServerLogin()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SyncError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const run = async (action: () => Promise<{ ok: true } | { ok: false; error: SyncError }>, after?: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      const result = await action()
      // Used once: gone from the form before any message shows.
      login.forgetPassword()
      if (!result.ok) {
        await after?.()
        setError(result.error)
      }
    } catch (caught) {
      setError(unreachableError(caught))
    } finally {
      login.forgetPassword()
      setBusy(false)
    }
  }

  const follow = (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    const checked = login.toRequest()
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    void run(
      async () => (await getFollowController(usePlannerStore)).follow(planId, checked.request),
      // Nothing was saved: forget the attempt (its status) so the form shows again.
      async () => {
        if (!readSavedFollows()[planId]) await (await getFollowController(usePlannerStore)).unfollow(planId)
      },
    )
  }

  const logInAgain = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => (await getFollowController(usePlannerStore)).logInAgain(planId, login.password))
  }

  const stop = async () => {
    setBusy(true)
    try {
      await (await getFollowController(usePlannerStore)).unfollow(planId)
      setError(null)
      setNotice(null)
    } finally {
      setBusy(false)
    }
  }

  const copy = (task: Task, followed: Plan, index: number) => {
    const current = usePlannerStore.getState().plans[planId]
    if (!current) return
    // One store write: one undo step.
    usePlannerStore.getState().replaceActivePlan(copyFollowedTask(current, task, followed, Date.now()))
    setNotice(f.copiedNotice(task.title))
    // The button turns into "already in my plan": keep the keyboard where it was.
    requestAnimationFrame(() => document.getElementById(`${uid}-row-${index}`)?.focus())
  }

  const errorBox = (shown: SyncError | null) => <SyncErrorBox error={shown} textOf={(kind) => errorText(kind, messages)} testId="follow-error" />

  return (
    <ModalDialog title={f.title} onRequestClose={closeSyncDialog} className="sync-dialog follow-dialog" labelledById={`${uid}-title`}>
      {following && state ? (
        <FollowingView
          uid={uid} plan={plan} state={state} online={online} messages={messages} busy={busy} password={login.password} setPassword={login.setPassword}
          errorBox={errorBox(error ?? (state.status.kind === 'error' ? state.status.error : null))}
          notice={notice} onLogInAgain={logInAgain} onCopy={copy} onStop={() => void stop()}
        />
      ) : (
        <form onSubmit={follow} data-testid="follow-form" noValidate>
          <p className="sync-privacy">{f.intro}</p>
          <p className="muted">{f.rule}</p>
          <ServerLoginFields uid={uid} login={login} addressHint={f.addressHint} />
          {errorBox(error)}
          {busy ? <p role="status" className="muted">{f.following}</p> : null}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy || !login.complete} data-testid="follow-submit">{f.follow}</button>
            <span className="spacer" />
            <button type="button" onClick={closeSyncDialog}>{t.close}</button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}

function FollowingView({
  uid, plan, state, online, messages, busy, password, setPassword, errorBox, notice, onLogInAgain, onCopy, onStop,
}: {
  uid: string
  plan: Plan
  state: PlanFollowState
  online: boolean
  messages: Messages
  busy: boolean
  password: string
  setPassword: (value: string) => void
  errorBox: ReactNode
  notice: string | null
  onLogInAgain: (event: FormEvent) => void
  onCopy: (task: Task, followed: Plan, index: number) => void
  onStop: () => void
}) {
  const t = messages.sync
  const f = t.follow
  const followed = state.followed
  const rows = useMemo(() => (followed ? listFollowedTasks(followed, plan) : []), [followed, plan])
  const copied = rows.filter((row) => row.copyId !== null).length
  const status = describeFollowStatus(state, messages, online)
  const unitName = (id: string | null) => (id && followed ? followed.units.find((u) => u.id === id)?.name ?? '' : '')
  const electionDay = followed?.election.electionDay ?? plan.election.electionDay
  return (
    <>
      <dl className="sync-connection" data-testid="follow-source">
        <dt>{f.source}</dt><dd data-testid="follow-source-name">{followed?.name ?? '—'}</dd>
        <dt>{t.server}</dt><dd>{state.source.serverUrl}</dd>
        <dt>{t.database}</dt><dd>{state.source.database}</dd>
        <dt>{t.user}</dt><dd>{state.source.username}</dd>
        <dt>{t.statusLabel}</dt>
        <dd><span className={`follow-status is-${status.tone}`} role="status" data-testid="follow-status" data-kind={state.status.kind}>{status.text}</span></dd>
      </dl>
      {errorBox}
      {state.status.kind === 'error' && state.status.error.kind === 'unauthorised' ? (
        <LogInAgainForm uid={uid} password={password} setPassword={setPassword} busy={busy} onSubmit={onLogInAgain} />
      ) : null}
      {state.skippedDocuments > 0 ? <p className="muted">{t.skipped(state.skippedDocuments)}</p> : null}
      <p className="muted">{f.readOnly} {f.rule}</p>
      <div className="follow-notice" role="status" data-testid="follow-notice">{notice}</div>
      <h3 className="field-label" id={`${uid}-list`}>{f.list}</h3>
      {followed === null ? <p className="muted">{f.waiting}</p> : (
        <>
          <p data-testid="follow-count">{f.count(rows.length, copied)}</p>
          {rows.length === 0 ? <p className="muted">{f.empty}</p> : (
            <ul className="follow-list" aria-labelledby={`${uid}-list`} data-testid="follow-list">
              {rows.map(({ task, copyId }, index) => (
                <li key={task.id} data-testid="follow-task" data-task-id={task.id} data-copied={copyId !== null}>
                  <span className="follow-title" id={`${uid}-title-${index}`}>{task.title}</span>
                  <span className="follow-meta">
                    <span><span className="visually-hidden">{f.dates}: </span>{datesText(task)}</span>
                    <span className="follow-offset">{electionOffsetLabel(task.start.slice(0, 10), electionDay)}</span>
                    {task.leadUnitId ? <span>{f.lead}: {unitName(task.leadUnitId)}</span> : null}
                    <span><span className="visually-hidden">{f.statusColumn}: </span>{messages.status[task.status]}{task.status === 'done' && task.doneOn ? ` (${f.doneOn(formatDate(task.doneOn))})` : ''}</span>
                  </span>
                  <span className="follow-action">
                    {copyId !== null ? (
                      <span className="follow-copied" id={`${uid}-row-${index}`} tabIndex={-1} data-testid="follow-copied">✓ {f.copied}</span>
                    ) : (
                      <button type="button" className="small-button" data-testid="follow-copy" aria-describedby={`${uid}-title-${index}`} onClick={() => onCopy(task, followed, index)}>{f.copy}</button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="muted">{f.stopHint}</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onStop} disabled={busy} data-testid="follow-stop">{f.stop}</button>
        <span className="spacer" />
        <button type="button" onClick={closeSyncDialog}>{t.close}</button>
      </div>
    </>
  )
}
