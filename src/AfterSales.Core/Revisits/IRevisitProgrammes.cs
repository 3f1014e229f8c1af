namespace AfterSales.Core.Revisits;

/// <summary>The installations in the revisit programme.</summary>
public interface IRevisitProgrammes
{
    /// <returns>False when the installation was enrolled before (nothing changed).</returns>
    Task<bool> EnrolAsync(RevisitProgramme programme, CancellationToken cancellationToken);

    /// <summary>Every programme that has not ended early.</summary>
    IAsyncEnumerable<RevisitProgramme> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>Ends a programme for good (opt-out); ending it twice changes nothing.</summary>
    Task EndAsync(string installationId, string reason, CancellationToken cancellationToken);
}
