/** GOV.UK-style error summary: what is wrong, each linking to its field. */
export function ErrorSummary({
  formError,
  fields,
  serverErrors,
}: {
  formError?: string;
  /** Each visible field: `id` of the control to link to, `name` of the form field (if not the id). */
  fields: { id: string; name?: string; message: string | undefined }[];
  /** All the server's field errors: those of fields not listed (hidden ones) are shown as text. */
  serverErrors?: Record<string, string[] | undefined>;
}) {
  const items = fields.filter((f): f is { id: string; message: string } => Boolean(f.message));
  const listed = new Set(fields.map((f) => f.name ?? f.id));
  const others = Object.entries(serverErrors ?? {})
    .filter(([key]) => !listed.has(key))
    .flatMap(([key, messages]) => (messages ?? []).map((m) => `${key}: ${m}`));
  if (!formError && items.length === 0 && others.length === 0) return null;
  return (
    // autofocus: a page rendered after a refused post (JavaScript off) opens with focus here;
    // with JavaScript on, useEnhancedForm focuses it after each refused submission.
    <div className="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {others.map((m) => (
          <li key={m}>This form was changed or is out of date ({m}). Reload the page and try again.</li>
        ))}
        {items.map((f) => (
          <li key={f.id}>
            <a href={`#${f.id}`}>{f.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}
