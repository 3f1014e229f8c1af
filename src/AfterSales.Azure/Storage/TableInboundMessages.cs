using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>Inbound messages processed: PartitionKey the escaped provider message id, RowKey empty; column ReceivedAt.</summary>
public sealed class TableInboundMessages : IInboundMessages
{
    private readonly CountingTable table;

    internal TableInboundMessages(CountingTable table) => this.table = table;

    public async Task<bool> WasProcessedAsync(string providerId, CancellationToken cancellationToken) =>
        await table.GetAsync(KeyEscaping.Escape(providerId), "", cancellationToken).ConfigureAwait(false) is not null;

    public async Task RecordProcessedAsync(string providerId, Instant receivedAt, CancellationToken cancellationToken) =>
        await table.TryAddAsync(new TableEntity(KeyEscaping.Escape(providerId), "") { ["ReceivedAt"] = StoredTime.ToColumn(receivedAt) }, cancellationToken)
            .ConfigureAwait(false);
}
