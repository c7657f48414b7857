/**
 * The UI strings in the user's language. The language is the store's, but shared components sit
 * below the store (they must not import it): the app reads it and provides it through
 * `LanguageContext` (src/app/language-provider.tsx), and every component reads it from there.
 */
import { createContext, useContext } from 'react'
import type { Language } from '@/domain/dates/format-date'
import { CATALOGS, type Messages } from '@/lib/i18n/catalog'

/** null outside the provider: a component rendered there is a wiring bug, not a reason to guess a language. */
export const LanguageContext = createContext<Language | null>(null)

export function useLanguage(): Language {
  const language = useContext(LanguageContext)
  if (language === null) throw new Error('useLanguage/useMessages must be used inside the app\'s LanguageProvider (src/app/language-provider.tsx).')
  return language
}

export function useMessages(): Messages {
  return CATALOGS[useLanguage()]
}
