/**
 * Which sync dialog is open ("Đồng bộ", the conflict review, or "Theo dõi kế hoạch cấp trên"). Its own tiny store, not the planner
 * store: whether a dialog is open is not part of a plan, an undo step or a backup.
 */
import { create } from 'zustand'

export type SyncDialogKind = 'connect' | 'conflicts' | 'follow'

export const useSyncDialog = create<{ open: SyncDialogKind | null }>()(() => ({ open: null }))

export function openSyncDialog(kind: SyncDialogKind): void {
  useSyncDialog.setState({ open: kind })
}

export function closeSyncDialog(): void {
  useSyncDialog.setState({ open: null })
}
