-- The SLA deadline rule (SlaDeadlineJob) looks, every minute and across shops, for running tickets
-- whose deadline just passed: this index confines it to the open tickets instead of all of them.
CREATE INDEX ix_tickets_running_deadline ON tickets (status, deadline_at);
