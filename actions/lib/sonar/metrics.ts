// Metric values as SonarQube's pages show them: ratings as A-E, percentages rounded with %.
const RATINGS = ['A', 'B', 'C', 'D', 'E']

function isPercent(metric: string): boolean {
  return /coverage|_density$|security_hotspots_reviewed$/.test(metric)
}

/** "1" on a rating metric -> "A"; "82.50562381034781" on coverage -> "82.5 %"; others as given. */
export function formatValue(metric: string, value: string): string {
  if (value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return value
  if (metric.endsWith('_rating') && Number.isInteger(n) && n >= 1 && n <= 5) return RATINGS[n - 1]
  const rounded = Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10)
  return isPercent(metric) ? `${rounded} %` : rounded
}
