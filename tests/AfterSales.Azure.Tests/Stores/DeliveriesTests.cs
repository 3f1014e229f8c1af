using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Events;
using Azure.Data.Tables;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class DeliveriesTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Customer Customer = new("C-1", "张伟", "+8613800138000", null, "zh-CN");

    [Fact]
    public async Task A_delivery_is_recorded_once_and_a_duplicate_is_refused()
    {
        var delivery = new ProductDelivered("d-1", At("2026-09-28 15:20"), null, Customer, "SN/1", new LocalDate(2028, 9, 27));

        Assert.True(await Tables.Deliveries.AddAsync(delivery, None));
        Assert.False(await Tables.Deliveries.AddAsync(delivery, None));

        var rows = await RawTable("Deliveries").QueryAsync<TableEntity>().ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(("SN%2F1", "d-1", "Product", "C-1", "2028-09-27", At("2026-09-28 15:20")),
            (row.PartitionKey, row.RowKey, row.GetString("Kind"), row.GetString("CustomerId"), row.GetString("ContractEndsOn"),
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("OccurredAt")!.Value)));
        Assert.Equal(TicketEventWriter.ToJson(delivery), row.GetString("Event0"));
    }

    [Fact]
    public async Task A_handover_of_another_installation_is_a_separate_record()
    {
        Assert.True(await Tables.Deliveries.AddAsync(
            new InstallationHandedOver("d-1", At("2026-10-08 17:45"), "T-9", Customer, "INST-1", null), None));
        Assert.True(await Tables.Deliveries.AddAsync(
            new InstallationHandedOver("d-1", At("2026-10-08 17:45"), "T-9", Customer, "INST-2", null), None));
    }
}
