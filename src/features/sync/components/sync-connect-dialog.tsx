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
import { parseDatabaseAddress } from '@/domain/sync/database-address'
import { getSyncController } from '@/store/sync/browser-sync'
import { useFollowStore } from '@/store/sync/follow-store'
import { readSavedConnections, type ConnectResult } from '@/store/sync/sync-store'
import type { SyncError } from '@/store/sync/sync-types'
import { usePlannerStore } from '@/store/use-planner-store'
import { describeSyncStatus, useActivePlanSync, useBrowserOnline } from '@/features/sync/components/sync-status'
import { closeSyncDialog, openSyncDialog } from '@/features/sync/sync-dialogs'
import { describeFollowStatus } from '@/features/sync/utils/follow-status'

type Outcome = Extract<ConnectResult, { ok: true }>['outcome']

function unreachable(error: unknown): SyncError {
  return { kind: 'unreachable', detail: String(error).slice(0, 300) }
}

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
  const [address, setAddress] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SyncError | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const connect = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setOutcome(null)
    const parsed = parseDatabaseAddress(address)
    if (!parsed) {
      setError({ kind: 'bad-address', detail: address })
      return
    }
    setBusy(true)
    try {
      const sync = await getSyncController(usePlannerStore)
      const result = await sync.connect(planId, { ...parsed, username: username.trim(), password })
      if (result.ok) {
        setOutcome(result.outcome)
      } else {
        setError(result.error)
        // Nothing was saved: forget the attempt so the plan reads "on this computer only" again.
        if (!readSavedConnections()[planId]) await sync.disconnect(planId)
      }
    } catch (caught) {
      setError(unreachable(caught))
    } finally {
      setPassword('')
      setBusy(false)
    }
  }

  const logInAgain = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await (await getSyncController(usePlannerStore)).logInAgain(planId, password)
      if (!result.ok) setError(result.error)
    } catch (caught) {
      setError(unreachable(caught))
    } finally {
      setPassword('')
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

  const errorBox = (shown: SyncError | null) => shown ? (
    <div className="form-error-summary" role="alert" data-testid="sync-error" data-kind={shown.kind}>
      <p className="sync-error-text">{t.errors[shown.kind]} {t.localSafe}</p>
      {shown.detail ? <details><summary>{t.details}</summary><code>{shown.detail}</code></details> : null}
    </div>
  ) : null

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
            <form onSubmit={(e) => void logInAgain(e)} className="field-pair">
              <div className="field">
                <label className="field-label" htmlFor={`${uid}-again`}>{t.password}</label>
                <input id={`${uid}-again`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
              </div>
              <div className="field"><span className="field-label" aria-hidden="true">&nbsp;</span>
                <button type="submit" className="primary" disabled={busy || !password}>{t.logInAgain}</button>
              </div>
            </form>
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
          <div className="field">
            <label className="field-label" htmlFor={`${uid}-address`}>{t.address}</label>
            <input id={`${uid}-address`} name="address" type="url" inputMode="url" autoComplete="url" spellCheck={false} required
              value={address} onChange={(e) => setAddress(e.target.value)} aria-describedby={`${uid}-address-hint`} />
            <span className="field-hint" id={`${uid}-address-hint`}>{t.addressHint}</span>
          </div>
          <div className="field-pair">
            <div className="field">
              <label className="field-label" htmlFor={`${uid}-user`}>{t.username}</label>
              <input id={`${uid}-user`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
                value={username} onChange={(e) => setUsername(e.target.value)} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${uid}-password`}>{t.password}</label>
              <input id={`${uid}-password`} name="password" type="password" autoComplete="current-password" required
                value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${uid}-password-hint`} />
              <span className="field-hint" id={`${uid}-password-hint`}>{t.passwordHint}</span>
            </div>
          </div>
          <p className="muted">{t.joinWarning}</p>
          {errorBox(error)}
          {busy ? <p role="status" className="muted">{t.connecting}</p> : null}
          {followButton}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy || !address.trim() || !username.trim() || !password} data-testid="sync-connect">{t.connect}</button>
            <span className="spacer" />
            <button type="button" onClick={closeSyncDialog}>{t.close}</button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}
