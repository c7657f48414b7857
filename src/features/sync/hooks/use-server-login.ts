/**
 * The login form's state, shared by "Đồng bộ" (sync-connect-dialog.tsx) and "Theo dõi kế hoạch cấp
 * trên" (sync-follow-dialog.tsx): one address (`https://host/database`), user name and password,
 * when the form may be sent, and the request it sends. The password lives only here, until
 * `forgetPassword` (each dialog calls it once an attempt ends): it is never stored.
 */
import { useState } from 'react'
import { parseDatabaseAddress } from '@/domain/sync/database-address'
import type { ConnectRequest } from '@/store/sync/sync-store'
import type { SyncError } from '@/store/sync/sync-types'

export interface ServerLogin {
  address: string
  username: string
  password: string
  setAddress(value: string): void
  setUsername(value: string): void
  setPassword(value: string): void
  forgetPassword(): void
  /** Every field filled in (the submit button is enabled only then). */
  complete: boolean
  /** The request to send, or the bad-address error to show when the address is not `https://server/database`. */
  toRequest(): { ok: true; request: ConnectRequest } | { ok: false; error: SyncError }
}

export function useServerLogin(): ServerLogin {
  const [address, setAddress] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  return {
    address, username, password, setAddress, setUsername, setPassword,
    forgetPassword: () => setPassword(''),
    complete: Boolean(address.trim() && username.trim() && password),
    toRequest: () => {
      const parsed = parseDatabaseAddress(address)
      if (!parsed) return { ok: false, error: { kind: 'bad-address', detail: address } }
      return { ok: true, request: { ...parsed, username: username.trim(), password } }
    },
  }
}
