import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the label, always (nothing in the popup moves on hover or focus), and read as its description. */
  description?: string;
  /** Marks on this page that the switch governs. */
  count?: number;
  disabled?: boolean;
}

/** An on/off setting: a native checkbox with the switch role, named by its label. */
export function Switch({ label, checked, onChange, description, count, disabled }: SwitchProps) {
  const id = useId();
  return (
    <div class="switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {count !== undefined && (
        <span class="switch__count" aria-label={`${count} on this page`}>
          {count}
        </span>
      )}
      {description && (
        <span class="switch__description" id={`${id}-description`}>
          {description}
        </span>
      )}
    </div>
  );
}
