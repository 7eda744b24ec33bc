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

/**
 * An on/off setting: a native checkbox with the switch role, named by its label and described by its count and
 * description, so that a reader who tabs from switch to switch hears both.
 */
export function Switch({ label, checked, onChange, description, count, disabled }: SwitchProps) {
  const id = useId();
  const describedBy = [count !== undefined && `${id}-count`, description && `${id}-description`].filter(Boolean).join(' ');
  return (
    <div class="switch">
      <input
        id={id}
        type="checkbox"
        // biome-ignore lint/a11y/useAriaPropsForRole: the native checked state is the switch state
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {count !== undefined && (
        // Text, not aria-label: a span has no role that may be named, so screen readers need not read its label.
        <span class="switch__count" id={`${id}-count`}>
          {count}
          <span class="visually-hidden"> on this page</span>
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
