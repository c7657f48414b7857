/**
 * The login parts both sync dialogs show, written once so "Đồng bộ" and "Theo dõi kế hoạch cấp
 * trên" look, read and validate alike: the address / user name / password fields, the "log in
 * again" form of an expired session, and the error box. Ids are built from the dialog's own
 * `useId` (`uid`), so they stay unique while both dialogs' code is loaded. What differs is passed
 * in: the address hint (following needs read access only) and the error sentence and test id.
 */
import type { FormEvent } from 'react'
import { useMessages } from '@/components/use-messages'
import type { SyncError, SyncErrorKind } from '@/store/sync/sync-types'
import type { ServerLogin } from '@/features/sync/hooks/use-server-login'

export function ServerLoginFields({ uid, login, addressHint }: { uid: string; login: ServerLogin; addressHint: string }) {
  const t = useMessages().sync
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-address`}>{t.address}</label>
        <input id={`${uid}-address`} name="address" type="url" inputMode="url" autoComplete="url" spellCheck={false} required
          value={login.address} onChange={(e) => login.setAddress(e.target.value)} aria-describedby={`${uid}-address-hint`} />
        <span className="field-hint" id={`${uid}-address-hint`}>{addressHint}</span>
      </div>
      <div className="field-pair">
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-user`}>{t.username}</label>
          <input id={`${uid}-user`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
            value={login.username} onChange={(e) => login.setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-password`}>{t.password}</label>
          <input id={`${uid}-password`} name="password" type="password" autoComplete="current-password" required
            value={login.password} onChange={(e) => login.setPassword(e.target.value)} aria-describedby={`${uid}-password-hint`} />
          <span className="field-hint" id={`${uid}-password-hint`}>{t.passwordHint}</span>
        </div>
      </div>
    </>
  )
}

/** The password alone, for a saved connection whose session the server no longer accepts. */
export function LogInAgainForm({ uid, password, setPassword, busy, onSubmit }: {
  uid: string
  password: string
  setPassword: (value: string) => void
  busy: boolean
  onSubmit: (event: FormEvent) => void
}) {
  const t = useMessages().sync
  return (
    <form onSubmit={onSubmit} className="field-pair">
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-again`}>{t.password}</label>
        <input id={`${uid}-again`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      <div className="field"><span className="field-label" aria-hidden="true">&nbsp;</span>
        <button type="submit" className="primary" disabled={busy || !password}>{t.logInAgain}</button>
      </div>
    </form>
  )
}

/** The error, the reassurance that the local plan is untouched, and the server's own words folded away. */
export function SyncErrorBox({ error, textOf, testId }: { error: SyncError | null; textOf: (kind: SyncErrorKind) => string; testId: string }) {
  const t = useMessages().sync
  if (!error) return null
  return (
    <div className="form-error-summary" role="alert" data-testid={testId} data-kind={error.kind}>
      <p className="sync-error-text">{textOf(error.kind)} {t.localSafe}</p>
      {error.detail ? <details><summary>{t.details}</summary><code>{error.detail}</code></details> : null}
    </div>
  )
}
