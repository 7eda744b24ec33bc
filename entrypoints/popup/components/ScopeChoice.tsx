import type { Scope } from '@/core/settings';

export interface ScopeChoiceProps {
  scope: Scope;
  onChange: (scope: Scope) => void;
}

const CHOICES: { scope: Scope; label: string }[] = [
  { scope: 'article', label: 'The article' },
  { scope: 'page', label: 'The whole page' },
];

/** What Gloss marks on this site: the reading text, or everything on the page but code, forms and hidden text. */
export function ScopeChoice({ scope, onChange }: ScopeChoiceProps) {
  return (
    <fieldset class="scope">
      <legend>Mark on this site</legend>
      {CHOICES.map((choice) => (
        <label key={choice.scope} class="scope__choice">
          <input type="radio" name="scope" value={choice.scope} checked={scope === choice.scope} onChange={() => onChange(choice.scope)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
