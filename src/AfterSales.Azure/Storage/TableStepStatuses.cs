using AfterSales.Core.Application;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>Reads the outbox rows of one ticket (one partition of the Outbox table, see <see cref="TableOutbox"/>).</summary>
public sealed class TableStepStatuses : IStepStatuses
{
    private static readonly string[] Columns = ["StepKey", "Status", "ProducedAt", "Timestamp"];

    private readonly CountingTable outbox;

    internal TableStepStatuses(CountingTable outbox) => this.outbox = outbox;

    public async Task<IReadOnlyList<StepStatus>> ForTicketAsync(string ticketId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEscaping.Escape(ticketId)}");
        var statuses = new List<StepStatus>();
        await foreach (var row in outbox.QueryAsync(filter, Columns, cancellationToken).ConfigureAwait(false))
        {
            statuses.Add(new StepStatus(
                row.RequiredString("StepKey"), row.RequiredString("Status"), row.RequiredInstant("ProducedAt"), StoredTime.FromColumn(row.Timestamp)));
        }
        return statuses;
    }
}
