import type { Correction } from '@/core/settings';

export interface CorrectionsProps {
  /** The corrections of this site. */
  corrections: Correction[];
  nameOf: (entity: string) => string;
  onUndo: (correction: Correction) => void;
}

/** The marks the reader hid on this site with "Not …", each with an undo. */
export function Corrections({ corrections, nameOf, onUndo }: CorrectionsProps) {
  if (corrections.length === 0) return null;
  return (
    <div class="corrections">
      <h2 id="corrections-heading">Hidden on this site</h2>
      <ul aria-labelledby="corrections-heading">
        {corrections.map((correction) => {
          const said = `“${correction.text}” → ${nameOf(correction.entity)}`;
          return (
            <li key={`${correction.text}|${correction.entity}`}>
              <span>{said}</span>
              <button
                type="button"
                class="corrections__undo"
                aria-label={`Undo: show “${correction.text}” as ${nameOf(correction.entity)} again`}
                onClick={() => onUndo(correction)}
              >
                Undo
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
