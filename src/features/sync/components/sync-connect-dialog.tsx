/**
 * "Đồng bộ": connects the active plan to a CouchDB database (issue 13), or shows its connection.
 * One address field (`https://host/database`, split by domain/sync/database-address.ts), user name,
 * password (used once for CouchDB's `_session`, never stored: the browser keeps the session cookie).
 * Every failure is one of the core's error kinds, each explained in the user's language; the local
 * plan is never touched by a failed attempt, and editing goes on meanwhile (the dialog is the only
 * thing waiting). Loaded when first opened, with PouchDB behind it (store/sync/browser-sync.ts).
 * It also leads to "Theo dõi kế hoạch cấp trên" (sync-follow-dialog.tsx), in either state.
 */
import { useId, useState, type FormEvent } from 'react'
import { ModalDialog } from '@/components/modal-dialog'
import { useMessages } from '@/components/use-messages'
import { getSyncController } from '@/store/sync/browser-sync'
import { useFollowStore } from '@/store/sync/follow-store'
import { readSavedConnections, type ConnectResult } from '@/store/sync/sync-store'
import type { SyncError } from '@/store/sync/sync-types'
import { usePlannerStore } from '@/store/use-planner-store'
import { LogInAgainForm, ServerLoginFields, SyncErrorBox } from '@/features/sync/components/server-login-fields'
import { describeSyncStatus, useActivePlanSync, useBrowserOnline } from '@/features/sync/components/sync-status'
import { useServerLogin } from '@/features/sync/hooks/use-server-login'
import { closeSyncDialog, openSyncDialog } from '@/features/sync/sync-dialogs'
import { describeFollowStatus } from '@/features/sync/utils/follow-status'
import { unreachableError } from '@/features/sync/utils/unreachable-error'

type Outcome = Extract<ConnectResult, { ok: true }>['outcome']

export function SyncConnectDialog() {
  const messages = useMessages()
  const t = messages.sync
  const uid = useId()
  const planId = usePlannerStore((s) => s.activePlanId)
  const state = useActivePlanSync()
  const follow = useFollowStore((s) => s.plans[planId])
  const online = useBrowserOnline()
  // Connected = a saved connection (a failed first attempt leaves none).
  const saved = state ? readSavedConnections()[planId] : undefined
  const login = useServerLogin()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SyncError | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const connect = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setOutcome(null)
    const checked = login.toRequest()
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    setBusy(true)
    try {
      const sync = await getSyncController(usePlannerStore)
      const result = await sync.connect(planId, checked.request)
      if (result.ok) {
        setOutcome(result.outcome)
      } else {
        setError(result.error)
        // Nothing was saved: forget the attempt so the plan reads "on this computer only" again.
        if (!readSavedConnections()[planId]) await sync.disconnect(planId)
      }
    } catch (caught) {
      setError(unreachableError(caught))
    } finally {
      login.forgetPassword()
      setBusy(false)
    }
  }

  const logInAgain = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await (await getSyncController(usePlannerStore)).logInAgain(planId, login.password)
      if (!result.ok) setError(result.error)
    } catch (caught) {
      setError(unreachableError(caught))
    } finally {
      login.forgetPassword()
      setBusy(false)
    }
  }

  const disconnect = async () => {
    setBusy(true)
    try {
      await (await getSyncController(usePlannerStore)).disconnect(planId)
      setOutcome(null)
      setError(null)
    } finally {
      setBusy(false)
    }
  }

  const errorBox = (shown: SyncError | null) => <SyncErrorBox error={shown} textOf={(kind) => t.errors[kind]} testId="sync-error" />

  // A derived (district, commune) plan also reads its higher-level plan: "Theo dõi kế hoạch cấp trên".
  const followText = follow ? `${t.follow.open}: ${describeFollowStatus(follow, messages, online).text}` : t.follow.open
  const followButton = (
    <p><button type="button" onClick={() => openSyncDialog('follow')} data-testid="sync-open-follow">{followText}</button></p>
  )
  const statusError = state?.status.kind === 'error' ? state.status.error : null
  const conflicts = state?.conflicts.length ?? 0

  return (
    <ModalDialog title={t.title} onRequestClose={closeSyncDialog} className="sync-dialog" labelledById={`${uid}-title`}>
      {saved && state ? (
        <>
          {outcome ? <p className="sync-result" role="status" data-testid="sync-outcome">{t.outcome[outcome]}</p> : null}
          <dl className="sync-connection" data-testid="sync-connection">
            <dt>{t.server}</dt><dd>{saved.serverUrl}</dd>
            <dt>{t.database}</dt><dd>{saved.database}</dd>
            <dt>{t.user}</dt><dd>{saved.username}</dd>
            <dt>{t.statusLabel}</dt><dd role="status" data-testid="sync-dialog-status">{describeSyncStatus(state, messages, online).text}</dd>
          </dl>
          {errorBox(error ?? statusError)}
          {state.skippedDocuments > 0 ? <p className="muted">{t.skipped(state.skippedDocuments)}</p> : null}
          {statusError?.kind === 'unauthorised' ? (
            <LogInAgainForm uid={uid} password={login.password} setPassword={login.setPassword} busy={busy} onSubmit={(e) => void logInAgain(e)} />
          ) : null}
          {conflicts > 0 ? (
            <p><button type="button" onClick={() => openSyncDialog('conflicts')} data-testid="sync-open-conflicts">{t.conflicts.open(conflicts)}</button></p>
          ) : null}
          {followButton}
          <p className="muted">{t.disconnectHint}</p>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => void disconnect()} disabled={busy} data-testid="sync-disconnect">{t.disconnect}</button>
            <span className="spacer" />
            <button type="button" onClick={closeSyncDialog}>{t.close}</button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void connect(e)} data-testid="sync-connect-form" noValidate>
          <p className="sync-privacy">{t.privacy}</p>
          <ServerLoginFields uid={uid} login={login} addressHint={t.addressHint} />
          <p className="muted">{t.joinWarning}</p>
          {errorBox(error)}
          {busy ? <p role="status" className="muted">{t.connecting}</p> : null}
          {followButton}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy || !login.complete} data-testid="sync-connect">{t.connect}</button>
            <span className="spacer" />
            <button type="button" onClick={closeSyncDialog}>{t.close}</button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}
