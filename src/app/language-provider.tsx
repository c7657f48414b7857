/**
 * Provides the store's language to every component below (useMessages, useLanguage), so that shared
 * components and features read it without importing the store themselves.
 */
import type { ReactNode } from 'react'
import { LanguageContext } from '@/components/use-messages'
import { usePlannerStore } from '@/store/use-planner-store'

export function LanguageProvider({ children }: { children: ReactNode }) {
  const language = usePlannerStore((s) => s.language)
  return <LanguageContext value={language}>{children}</LanguageContext>
}
