using System.Runtime.CompilerServices;
using AfterSales.Core.Revisits;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Revisit programmes: PartitionKey the escaped installation id, RowKey empty. <c>Active</c> is false once the
/// programme ended early (<c>EndedBecause</c>). The first enrolment of an installation stands.
/// </summary>
public sealed class TableRevisitProgrammes : IRevisitProgrammes
{
    internal static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private readonly CountingTable table;

    internal TableRevisitProgrammes(CountingTable table) => this.table = table;

    public Task<bool> EnrolAsync(RevisitProgramme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var row = new TableEntity(KeyEscaping.Escape(programme.InstallationId), "")
        {
            ["InstallationId"] = programme.InstallationId,
            ["CustomerId"] = programme.CustomerId,
            ["CustomerName"] = programme.CustomerName,
            ["Phone"] = programme.Phone,
            ["Email"] = programme.Email,
            ["Locale"] = programme.Locale,
            ["DeliveredOn"] = Date.Format(programme.DeliveredOn),
            ["ContractEndsOn"] = programme.ContractEndsOn is { } end ? Date.Format(end) : null,
            ["EnrolledByEventId"] = programme.EnrolledByEventId,
            ["Active"] = programme.EndedBecause is null,
            ["EndedBecause"] = programme.EndedBecause,
            ["TimeZone"] = programme.TimeZone,
        };
        return table.TryAddAsync(row, cancellationToken);
    }

    public async IAsyncEnumerable<RevisitProgramme> ActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync("Active eq true", null, cancellationToken).ConfigureAwait(false))
            yield return Read(row);
    }

    public async Task<RevisitProgramme?> GetAsync(string installationId, CancellationToken cancellationToken) =>
        await table.GetAsync(KeyEscaping.Escape(installationId), "", cancellationToken).ConfigureAwait(false) is { } row ? Read(row) : null;

    public async Task EndAsync(string installationId, string reason, CancellationToken cancellationToken)
    {
        var row = new TableEntity(KeyEscaping.Escape(installationId), "") { ["Active"] = false, ["EndedBecause"] = reason };
        await table.TryMergeAsync(row, cancellationToken).ConfigureAwait(false);
    }

    private static RevisitProgramme Read(TableEntity row) => new(
        row.GetString("InstallationId"),
        row.GetString("CustomerId"),
        row.GetString("CustomerName"),
        row.GetString("Phone"),
        row.GetString("Email"),
        row.GetString("Locale"),
        Date.Parse(row.GetString("DeliveredOn")).Value,
        row.GetString("ContractEndsOn") is { } end ? Date.Parse(end).Value : null,
        row.GetString("EnrolledByEventId"),
        row.GetString("EndedBecause"),
        row.GetString("TimeZone"));
}
