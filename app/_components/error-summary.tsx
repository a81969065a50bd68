/** GOV.UK-style error summary: what is wrong, each linking to its field. */
export function ErrorSummary({
  formError,
  fields,
}: {
  formError?: string;
  fields: { id: string; message: string | undefined }[];
}) {
  const items = fields.filter((f): f is { id: string; message: string } => Boolean(f.message));
  if (!formError && items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
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
