import { Field, INPUT_CLASS } from '../database/Field';

const PROVIDERS = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
];

interface ModelFieldsProps {
  label: string;
  provider: string;
  model: string;
  onChange: (provider: string, model: string) => void;
  testIdPrefix: string;
}

/** A provider select and a model name, labelled "<label> provider" / "<label> model" (or plain Provider / Model). */
export function ModelFields({ label, provider, model, onChange, testIdPrefix }: ModelFieldsProps) {
  return (
    <>
      <Field label={label ? `${label} provider` : 'Provider'}>
        <select className={INPUT_CLASS} value={provider} onChange={(e) => onChange(e.target.value, model)} data-testid={`${testIdPrefix}-provider`}>
          {PROVIDERS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={label ? `${label} model` : 'Model'}>
        <input className={INPUT_CLASS} value={model} onChange={(e) => onChange(provider, e.target.value)} data-testid={`${testIdPrefix}-model`} />
      </Field>
    </>
  );
}
