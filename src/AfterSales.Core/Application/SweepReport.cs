namespace AfterSales.Core.Application;

/// <param name="Skipped">Another sweep held the lease; this one did nothing.</param>
/// <param name="DueRows">Due-index rows read.</param>
/// <param name="StepsProduced">Steps this sweep recorded as produced on their tickets (in the outbox, their messages queued): after a crash, the rerun that completes them counts them.</param>
/// <param name="Failures">Tickets that could not be swept (their rows stay for the next sweep).</param>
public sealed record SweepReport(bool Skipped, int DueRows, int StepsProduced, int Failures)
{
    /// <summary>Tickets quarantined by this sweep: they failed too often and left the due index (not counted in <see cref="Failures"/>).</summary>
    public int Quarantined { get; init; }
}
