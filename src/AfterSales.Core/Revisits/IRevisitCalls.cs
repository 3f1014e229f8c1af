using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>The state of the day's call-list email: claimed by a run (sending), then sent or failed; or no calls that day.</summary>
public enum CallListStatus { Sending, Sent, Failed, NoCalls }

/// <param name="Attempts">Send attempts so far.</param>
public sealed record CallListState(LocalDate Date, CallListStatus Status, int Attempts, Instant ChangedAt, string? Detail);

/// <summary>The revisits produced per day, their outcomes, and each day's call-list email.</summary>
public interface IRevisitCalls
{
    /// <returns>False when this (date, installation) was produced before: nothing changed.</returns>
    Task<bool> TryAddAsync(RevisitCall call, CancellationToken cancellationToken);

    Task<IReadOnlyList<RevisitCall>> ForDayAsync(LocalDate date, CancellationToken cancellationToken);

    Task<RevisitCall?> GetAsync(LocalDate date, string installationId, CancellationToken cancellationToken);

    /// <returns>The call with its outcome; null when no such revisit was produced.</returns>
    Task<RevisitCall?> RecordOutcomeAsync(
        LocalDate date, string installationId, RevisitOutcome outcome, string? note, Instant at, CancellationToken cancellationToken);

    Task<CallListState?> CallListAsync(LocalDate date, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the day's email for one run: the first claim of the day, or again after a failed attempt. Conditional on
    /// what the caller read, so two overlapping runs never both send.
    /// </summary>
    /// <returns>False when another run claimed it, or it was sent already.</returns>
    Task<bool> TryClaimCallListAsync(LocalDate date, Instant at, CancellationToken cancellationToken);

    /// <summary>
    /// The latest day before <paramref name="before"/> whose call list a run handled (any state), looking back to
    /// <paramref name="notBefore"/>; when none is that recent but an older one exists, the day before
    /// <paramref name="notBefore"/>.
    /// </summary>
    /// <returns>Null when no run ever handled a day before <paramref name="before"/>.</returns>
    Task<LocalDate?> LastHandledDayAsync(LocalDate before, LocalDate notBefore, CancellationToken cancellationToken);

    /// <summary>Records that the day had no revisit, so later runs that day need not look again.</summary>
    Task RecordNoCallsAsync(LocalDate date, Instant at, CancellationToken cancellationToken);

    /// <summary>Records what became of the claimed email.</summary>
    Task FinishCallListAsync(LocalDate date, SendResult result, Instant at, CancellationToken cancellationToken);
}
