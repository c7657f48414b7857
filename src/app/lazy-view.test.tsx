// @vitest-environment jsdom
import { act, Suspense, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { lazyView } from '@/app/lazy-view'
import type { ViewChunk } from '@/app/view-chunks'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

interface Module { View: (props: { name: string }) => React.ReactNode }

/** A chunk that has arrived already, or one that arrives when `arrive` is called. */
function testChunk(arrived: boolean) {
  let mounts = 0
  const module: Module = {
    View: ({ name }) => {
      useEffect(() => { mounts += 1 }, [])
      return <p>view {name}</p>
    },
  }
  let loaded: Module | null = arrived ? module : null
  let arrive = () => {}
  const promise = new Promise<Module>((resolve) => { arrive = () => { loaded = module; resolve(module) } })
  const chunk: ViewChunk<Module> = { load: () => (loaded ? Promise.resolve(module) : promise), loaded: () => loaded }
  return { chunk, arrive: () => arrive(), mounts: () => mounts }
}

function mount(node: React.ReactNode) {
  const container = document.createElement('div')
  const root = createRoot(container)
  act(() => root.render(node))
  return { container, root }
}

describe('lazyView', () => {
  it('renders a view whose chunk has arrived at once, without its fallback', () => {
    const { chunk } = testChunk(true)
    const View = lazyView(chunk, (m) => m.View)
    const { container, root } = mount(<Suspense fallback={<p>loading</p>}><View name="a" /></Suspense>)
    expect(container.textContent).toBe('view a')
    act(() => root.unmount())
  })

  it('suspends until the chunk arrives, then keeps the same view through later renders (no remount)', async () => {
    const { chunk, arrive, mounts } = testChunk(false)
    const View = lazyView(chunk, (m) => m.View)
    let rename = (_: string) => {}
    function Host() {
      const [name, setName] = useState('a')
      rename = setName
      return <Suspense fallback={<p>loading</p>}><View name={name} /></Suspense>
    }
    const { container, root } = mount(<Host />)
    expect(container.textContent).toBe('loading')
    await act(async () => { arrive(); await chunk.load() })
    expect(container.textContent).toBe('view a')
    act(() => rename('b'))
    expect(container.textContent).toBe('view b')
    expect(mounts()).toBe(1)
    act(() => root.unmount())
  })
})
