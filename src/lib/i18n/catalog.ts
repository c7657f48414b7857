/** The typed message catalogs, by language. */
import type { Language } from '@/domain/dates/format-date'
import { MESSAGES_EN } from '@/lib/i18n/messages-en'
import { MESSAGES_VI, type Messages } from '@/lib/i18n/messages-vi'

export const CATALOGS: Record<Language, Messages> = { vi: MESSAGES_VI, en: MESSAGES_EN }

export type { Messages }
