/** How a bettor's risk reads in the console, and the risk form's fields as the change the server takes. */
import type { BettorRisk, BettorRiskChange } from '../api/operator';

/** What the risk form holds: the text of its two number fields and the checkbox. */
export interface RiskFields {
  confidence: string;
  delaySeconds: string;
  blocked: boolean;
}

/** The form filled with a bettor's current settings. */
export function fieldsOf(risk: BettorRisk): RiskFields {
  return { confidence: String(risk.confidence), delaySeconds: String(risk.betDelayMs / 1000), blocked: risk.blocked };
}

/**
 * The change to send, or why the fields cannot be sent. Only the shape is checked here (each
 * field a number); the server judges the ranges and its problem detail is shown as it says it.
 */
export function changeFrom(fields: RiskFields): { ok: true; change: BettorRiskChange } | { ok: false; problem: string } {
  const confidence = decimal(fields.confidence);
  if (confidence === null) return { ok: false, problem: 'Confidence must be a number from 0 to 1, such as 0.5.' };
  const delaySeconds = decimal(fields.delaySeconds);
  if (delaySeconds === null) return { ok: false, problem: 'The bet delay must be a number of seconds from 0 to 60, such as 3.' };
  return { ok: true, change: { confidence, betDelayMs: Math.round(delaySeconds * 1000), blocked: fields.blocked } };
}

function decimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A bet delay as an operator reads it: 0 → "none", 2500 → "2.5 s". */
export function formatDelay(ms: number): string {
  return ms === 0 ? 'none' : `${Number((ms / 1000).toFixed(3))} s`;
}

/** The late-bet score (0–1) as a percentage: 0.125 → "12.5%". */
export function formatScore(score: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(score);
}

/** The line that confirms what the server now holds for the bettor. */
export function savedSentence(risk: BettorRisk): string {
  return `Saved for ${risk.userId}: confidence ${risk.confidence}, bet delay ${formatDelay(risk.betDelayMs)}, ${risk.blocked ? 'blocked' : 'not blocked'}.`;
}
