namespace AfterSales.Core.Notifications;

public enum DispatchOutcome
{
    /// <summary>Sent now; the row holds the provider's message id.</summary>
    Sent,
    /// <summary>Failed for good now; the row holds the reason.</summary>
    Failed,
    /// <summary>The row was sent or failed before: nothing done (a duplicate message).</summary>
    AlreadyDone,
    /// <summary>Another dispatcher holds a recent attempt on the row: nothing done.</summary>
    InProgress,
    /// <summary>An attempt that recorded no outcome and expired was marked failed, without resending.</summary>
    UnknownOutcomeResolved,
    /// <summary>No outbox row for the message.</summary>
    NoSuchStep,
}
