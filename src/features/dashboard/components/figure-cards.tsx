/**
 * The dashboard's two text cards: conferences and trainings in figures (with the sessions), and the
 * next legal milestones with the open work due before each. Every number opens its tasks.
 */
import { useLanguage, useMessages } from '@/components/use-messages'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { formatDate } from '@/domain/dates/format-date'
import type { ProgressFigures } from '@/domain/progress/progress-figures'
import { taskIdsOf, type ProgressSelection } from '@/domain/progress/progress-items'
import { CountButton } from '@/features/dashboard/components/status-bars'
import { countFormat } from '@/features/dashboard/utils/count-format'

/** Sessions and milestone tasks listed by name before "… and n more". */
const LISTED = 6

export function TrainingCard({ figures, onOpen }: { figures: ProgressFigures; onOpen: (selection: ProgressSelection) => void }) {
  const t = useMessages().dashboard
  const language = useLanguage()
  const f = figures.trainings
  const number = countFormat(language)
  const all = { training: true }
  const points = `${number(f.connectionPoints)}${f.connectionPointsAtLeast ? '+' : ''}`
  return (
    <section className="dashboard-card" aria-labelledby="dash-training-title" data-testid="dash-trainings">
      <h3 id="dash-training-title">{t.trainings}</h3>
      {f.count === 0 ? <p className="muted">{t.noTrainings}</p> : (
        <>
          <dl className="figure-list">
            <div><dt>{t.trainingCount}</dt><dd><CountButton count={f.count} label={t.trainingCount} onOpen={() => onOpen(all)} testId="dash-training-count">{number(f.count)}</CountButton></dd></div>
            <div><dt>{t.held}</dt><dd><CountButton count={f.held} label={t.held} onOpen={() => onOpen({ ...all, status: 'done' })}>{number(f.held)}</CountButton></dd></div>
            <div>
              <dt>{t.participants}</dt>
              <dd><CountButton count={f.count} label={t.participants} onOpen={() => onOpen(all)}>{number(f.participants)}</CountButton>
                {f.participantsUnknown > 0 ? <span className="muted small"> · {t.unknown(f.participantsUnknown)}</span> : null}</dd>
            </div>
            <div>
              <dt>{t.connectionPoints}</dt>
              <dd><CountButton count={f.count} label={t.connectionPoints} onOpen={() => onOpen(all)}>{points}</CountButton>
                {f.connectionPointsUnknown > 0 ? <span className="muted small"> · {t.unknown(f.connectionPointsUnknown)}</span> : null}</dd>
            </div>
            <div><dt>{t.topics}</dt><dd><CountButton count={f.count} label={t.topics} onOpen={() => onOpen(all)}>{number(f.topics)}</CountButton></dd></div>
          </dl>
          <div className="dashboard-table-wrap">
            <table className="dashboard-table">
              <caption className="visually-hidden">{t.trainings}</caption>
              <thead><tr><th scope="col">{t.sessionDate}</th><th scope="col">{t.sessionTitle}</th><th scope="col" className="num">{t.participants}</th><th scope="col" className="num">{t.connectionPoints}</th><th scope="col" className="num">{t.topics}</th></tr></thead>
              <tbody>
                {f.sessions.slice(0, LISTED).map((s) => (
                  <tr key={`${s.item.task.id}:${s.item.occurrenceDate ?? ''}`}>
                    <td>{formatDate(s.item.firstDay)}</td>
                    <td>{s.item.task.title}</td>
                    <td className="num">{s.participants ?? '—'}</td>
                    <td className="num">{s.connectionPoints.known ? `${number(s.connectionPoints.count)}${s.connectionPoints.atLeast ? '+' : ''}` : '—'}</td>
                    <td className="num">{s.topics.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {f.sessions.length > LISTED ? <CountButton count={f.sessions.length} label={t.trainings} onOpen={() => onOpen(all)}>{t.more(f.sessions.length - LISTED)}</CountButton> : null}
        </>
      )}
    </section>
  )
}

export function MilestoneList({ figures, onOpen }: { figures: ProgressFigures; onOpen: (selection: ProgressSelection) => void }) {
  const t = useMessages().dashboard
  const language = useLanguage()
  const electionDay = figures.headline.electionDay
  return (
    <section className="dashboard-card" aria-labelledby="dash-milestones-title" data-testid="dash-milestones">
      <h3 id="dash-milestones-title">{t.milestones}</h3>
      {figures.milestones.length === 0 ? <p className="muted">{t.noMilestones}</p> : (
        <ol className="milestone-work">
          {figures.milestones.map(({ milestone, daysTo, items, selection }) => {
            const name = language === 'en' ? milestone.nameEn : milestone.nameVi
            const titleOf = new Map(items.map((i) => [i.task.id, i.task.title]))
            const titles = taskIdsOf(items).map((id) => titleOf.get(id) ?? '')
            return (
              <li key={milestone.id}>
                <div className="milestone-head">
                  <strong>{formatDate(milestone.date)} · {electionOffsetLabel(milestone.date, electionDay)}</strong>
                  <span className="muted"> · {t.daysLeft(daysTo)}</span>
                </div>
                <div>{name}</div>
                <CountButton count={items.length} label={name} onOpen={() => onOpen(selection)}>{t.dueBefore(items.length)}</CountButton>
                {titles.length > 0 ? (
                  <ul className="milestone-tasks">
                    {titles.slice(0, LISTED).map((title, i) => <li key={i}>{title}</li>)}
                    {titles.length > LISTED ? <li className="muted">{t.more(titles.length - LISTED)}</li> : null}
                  </ul>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
