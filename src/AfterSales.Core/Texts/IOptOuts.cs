using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// Numbers that replied STOP (or 退订, TD), by E.164. The latest word wins by the time it was sent: a START
/// that arrives after an older STOP resumes texts, a STOP delivered late does not undo a newer START.
/// </summary>
public interface IOptOuts
{
    /// <returns>False when a newer change for this number was recorded already (nothing changed).</returns>
    Task<bool> SetAsync(string e164, bool optedOut, Instant at, string keyword, CancellationToken cancellationToken);

    /// <summary>Checked right before each text is sent, so a STOP takes effect at once, also for a text already due.</summary>
    Task<bool> IsOptedOutAsync(string e164, CancellationToken cancellationToken);
}
