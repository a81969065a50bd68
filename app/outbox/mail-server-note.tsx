/** Whether emails leave at all: without SMTP_URL they stay Pending here for an admin to read. */
export function MailServerNote({ configured }: { configured: boolean }) {
  return configured ? (
    <p className="muted">Emails are sent by the mail server Switchboard is configured with; failed attempts are tried again.</p>
  ) : (
    <div className="banner notice">
      <p>
        <strong>No mail server is configured, so nothing is being sent.</strong> Emails stay Pending here, so you can see what would be
        sent. To send them, set SMTP_URL.
      </p>
    </div>
  );
}
