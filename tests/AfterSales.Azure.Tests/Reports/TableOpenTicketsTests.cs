using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Reports;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Reports;

/// <summary>The index of open tickets in Azure Tables (Azurite): idempotent, oldest first per team and overall, one request per operation.</summary>
public sealed class TableOpenTicketsTests : StorageTest
{
    private async Task<ReportTables> ReportsAsync()
    {
        var reports = ReportTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await reports.CreateIfNotExistsAsync(CancellationToken.None);
        return reports;
    }

    [Fact]
    public async Task Listing_and_unlisting_twice_changes_nothing_and_each_costs_one_request()
    {
        var reports = await ReportsAsync();
        var index = reports.OpenTickets;
        var ticket = new OpenTicket("T/1", "metro|west", At("2026-10-12 09:00"), 2);

        var before = reports.Traffic.Requests;
        await index.OpenAsync(ticket, CancellationToken.None);
        var listing = reports.Traffic.Requests - before;
        await index.OpenAsync(ticket, CancellationToken.None);
        before = reports.Traffic.Requests;
        var listed = await index.OldestAsync("metro|west", 5, CancellationToken.None);
        var reading = reports.Traffic.Requests - before;

        Assert.Equal([ticket], listed);
        Assert.Equal([ticket], await index.OldestAsync(null, 5, CancellationToken.None));
        Assert.Empty(await index.OldestAsync("metro", 5, CancellationToken.None));
        Assert.Equal((1, 1), (listing, reading));

        before = reports.Traffic.Requests;
        await index.CloseAsync(ticket, CancellationToken.None);
        var unlisting = reports.Traffic.Requests - before;
        await index.CloseAsync(ticket, CancellationToken.None);

        Assert.Equal(1, unlisting);
        Assert.Empty(await index.OldestAsync(null, 5, CancellationToken.None));
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_oldest_come_first_and_a_list_stops_at_the_count_asked()
    {
        var reports = await ReportsAsync();
        var index = reports.OpenTickets;
        string[] starts = ["2026-10-14 09:00", "2025-12-31 23:00", "2026-10-12 09:00", "2026-10-13 09:00"];
        for (var i = 0; i < starts.Length; i++)
            await index.OpenAsync(new OpenTicket($"T-{i}", i % 2 == 0 ? "metro" : "retail", At(starts[i]), 1), CancellationToken.None);

        Assert.Equal(["T-1", "T-2", "T-3"], (await index.OldestAsync(null, 3, CancellationToken.None)).Select(t => t.TicketId));
        Assert.Equal(["T-2", "T-0"], (await index.OldestAsync("metro", 10, CancellationToken.None)).Select(t => t.TicketId));
        Assert.Equal(["T-1", "T-3"], (await index.OldestAsync("retail", 10, CancellationToken.None)).Select(t => t.TicketId));

        await index.ClearAsync(CancellationToken.None);
        Assert.Empty(await index.OldestAsync(null, 10, CancellationToken.None));
        await reports.DeleteAllAsync(CancellationToken.None);
    }
}
