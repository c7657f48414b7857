/** The UI strings in the user's language. */
import type { Language } from '@/domain/dates/format-date'
import { CATALOGS, type Messages } from '@/lib/i18n/catalog'
import { usePlannerStore } from '@/store/use-planner-store'

export function useMessages(): Messages {
  return CATALOGS[usePlannerStore((s) => s.language)]
}

export function useLanguage(): Language {
  return usePlannerStore((s) => s.language)
}
