using System.Globalization;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Deliveries and handovers for the revisit programme: PartitionKey the escaped installation id, RowKey the escaped
/// event id. Each event is added once; the contract JSON is kept whole beside a few columns to query on.
/// </summary>
public sealed class TableDeliveries : IDeliveries
{
    private readonly CountingTable table;

    internal TableDeliveries(CountingTable table) => this.table = table;

    public Task<bool> AddAsync(DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        var row = new TableEntity(KeyEscaping.Escape(delivery.InstallationId), KeyEscaping.Escape(delivery.EventId))
        {
            ["InstallationId"] = delivery.InstallationId,
            ["EventId"] = delivery.EventId,
            ["Kind"] = delivery.Kind.ToString(),
            ["CustomerId"] = delivery.Customer.Id,
            ["OccurredAt"] = StoredTime.ToColumn(delivery.OccurredAt),
        };
        if (delivery.TicketId is { } ticketId) row["TicketId"] = ticketId;
        if (delivery.ContractEndsOn is { } endsOn) row["ContractEndsOn"] = endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        LongText.Write(row, "Event", TicketEventWriter.ToJson(delivery));
        return table.TryAddAsync(row, cancellationToken);
    }
}
