// @vitest-environment jsdom
import { act, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'
import { lazyView } from '@/app/lazy-view'
import type { ViewChunk } from '@/app/view-chunks'
import { ViewFailureBoundary } from '@/components/view-failure-boundary'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('ViewFailureBoundary', () => {
  it('shows its message and a reload button when a view\'s chunk does not load, and the rest of the page stays', async () => {
    const failing: ViewChunk<{ View: () => React.ReactNode }> = { load: () => Promise.reject(new Error('Failed to fetch dynamically imported module')), loaded: () => null }
    const View = lazyView(failing, (m) => m.View)
    const container = document.createElement('div')
    const root = createRoot(container)
    // React reports the caught error on the console; the test is about what the page shows.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    await act(async () => {
      root.render(
        <main>
          <h1>Kế hoạch</h1>
          <ViewFailureBoundary message="Không hiển thị được phần này" reloadLabel="Tải lại">
            <Suspense fallback={<p>loading</p>}><View /></Suspense>
          </ViewFailureBoundary>
        </main>,
      )
      await Promise.resolve()
    })
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 0)) })
    quiet.mockRestore()
    expect(container.querySelector('h1')?.textContent).toBe('Kế hoạch')
    expect(container.querySelector('[role="alert"] p')?.textContent).toBe('Không hiển thị được phần này')
    expect(container.querySelector('[role="alert"] button')?.textContent).toBe('Tải lại')
    act(() => root.unmount())
  })
})
