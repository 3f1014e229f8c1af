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
    /// <summary>A text that could not go to the phone went to the customer's email.</summary>
    SentByEmail,
    /// <summary>A text held (contact budget, provider busy) or not yet due: sent later by the drain, or never when its chance has passed.</summary>
    Held,
    /// <summary>A text not sent for good: the number opted out, or the survey was answered.</summary>
    Suppressed,
    /// <summary>A text that no longer applied at send time (ticket resolved or closed, appointment cancelled or moved).</summary>
    Cancelled,
    /// <summary>A text row, but this host has no text sender: left pending.</summary>
    NoSender,
}
