import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LanguageContext, useLanguage, useMessages } from '@/components/use-messages'
import { CATALOGS } from '@/lib/i18n/catalog'

function Probe() {
  const messages = useMessages()
  return <p lang={useLanguage()}>{messages.appName}</p>
}

describe('useMessages', () => {
  it('gives the catalog of the language the app provides', () => {
    expect(CATALOGS.vi.appName).not.toBe(CATALOGS.en.appName)
    for (const language of ['vi', 'en'] as const) {
      const html = renderToStaticMarkup(<LanguageContext value={language}><Probe /></LanguageContext>)
      expect(html).toBe(`<p lang="${language}">${CATALOGS[language].appName}</p>`)
    }
  })

  it('refuses to guess a language outside the provider', () => {
    expect(() => renderToStaticMarkup(<Probe />)).toThrow(/LanguageProvider/)
  })
})
