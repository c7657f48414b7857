/**
 * What a view shows when it cannot be shown: a message and "Tải lại" instead of a blank page. Without
 * a boundary, an error thrown while rendering (most often a view's chunk that did not load: offline
 * on a first visit, or a version deployed since the page was opened) makes React unmount the whole
 * app. The store is not touched, so nothing saved is lost. A class: React has no hook for this.
 */
import { Component, type ReactNode } from 'react'

interface Props {
  message: string
  reloadLabel: string
  children: ReactNode
}

export class ViewFailureBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div className="view-failed" role="alert">
        <p>{this.props.message}</p>
        <button type="button" onClick={() => window.location.reload()}>{this.props.reloadLabel}</button>
      </div>
    )
  }
}
