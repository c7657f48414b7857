/**
 * Undo / redo of document changes (zundo), with Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere except
 * inside a text field, where the browser's own text undo belongs to the user.
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { useMessages } from '@/components/use-messages'
import { usePlannerStore } from '@/store/use-planner-store'

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'color'].includes((target as HTMLInputElement).type))
}

export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return
      if (document.querySelector('dialog[open]')) return
      const key = event.key.toLowerCase()
      const temporal = usePlannerStore.temporal.getState()
      if (key === 'z' && !event.shiftKey) temporal.undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') temporal.redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

export function UndoRedoButtons() {
  const messages = useMessages()
  const canUndo = useStore(usePlannerStore.temporal, (s) => s.pastStates.length > 0)
  const canRedo = useStore(usePlannerStore.temporal, (s) => s.futureStates.length > 0)
  return (
    <>
      <button type="button" disabled={!canUndo} onClick={() => usePlannerStore.temporal.getState().undo()} title="Ctrl+Z">↶ {messages.undo}</button>
      <button type="button" disabled={!canRedo} onClick={() => usePlannerStore.temporal.getState().redo()} title="Ctrl+Shift+Z">↷ {messages.redo}</button>
    </>
  )
}
