using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Reports;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Tests.Reports;

/// <summary>The running totals in Azure Tables (Azurite): each item counted once, concurrent counts all kept, reads of counter rows only.</summary>
public sealed class TableTalliesTests : StorageTest
{
    private ReportTables reports = null!;

    private async Task<TableTallies> TalliesAsync()
    {
        reports = ReportTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await reports.CreateIfNotExistsAsync(CancellationToken.None);
        return reports.Tallies;
    }

    private static TallyItem Item(string key, string team, LocalDate day, string counter = TallyCounters.Opened, TallyNote? note = null) =>
        new(key, team, day, new Dictionary<string, long> { [counter] = 1 }, note);

    [Fact]
    public async Task An_item_offered_again_is_not_counted_again()
    {
        var tallies = await TalliesAsync();
        var day = new LocalDate(2026, 10, 12);

        var first = await tallies.AddAsync(Item("T-1/tally/opened/1", "metro", day), CancellationToken.None);
        var again = await tallies.AddAsync(Item("T-1/tally/opened/1", "metro", day), CancellationToken.None);
        var other = await tallies.AddAsync(Item("T-2/tally/opened/1", "metro", day), CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        Assert.True(other);
        var row = Assert.Single(await tallies.ReadAsync(day, day.PlusDays(1), CancellationToken.None));
        Assert.Equal(2, row.Counts[TallyCounters.Opened]);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Concurrent_counts_of_one_team_and_day_are_all_kept_and_each_once()
    {
        var tallies = await TalliesAsync();
        var day = new LocalDate(2026, 10, 12);
        var items = Enumerable.Range(1, 12).Select(i => Item($"sent|T-{i}/first-response/supervisor/1", "metro", day, TallyCounters.Sent("first-response", "supervisor"))).ToList();

        var added = await Task.WhenAll(items.Concat(items).Select(item => Task.Run(() => tallies.AddAsync(item, CancellationToken.None))));

        Assert.Equal(12, added.Count(a => a));
        var row = Assert.Single(await tallies.ReadAsync(day, day.PlusDays(1), CancellationToken.None));
        Assert.Equal(12, row.Counts[TallyCounters.Sent("first-response", "supervisor")]);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_read_returns_one_row_per_team_and_day_across_months_and_never_the_item_rows()
    {
        var tallies = await TalliesAsync();
        LocalDate[] days = [new(2026, 9, 29), new(2026, 9, 30), new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3)];
        foreach (var day in days)
        {
            foreach (var team in new[] { "metro", "retail" })
            {
                for (var i = 0; i < 3; i++)
                    await tallies.AddAsync(Item($"{team}-{day}-{i}", team, day, note: new TallyNote(TallyCounters.LatestList, $"{team}-{i}", Instant.FromUtc(2026, 10, 1, 0, i), "repair · x")), CancellationToken.None);
            }
        }

        var rows = await tallies.ReadAsync(new LocalDate(2026, 9, 30), new LocalDate(2026, 10, 3), CancellationToken.None);

        Assert.Equal(
            ["2026-09-30 metro", "2026-09-30 retail", "2026-10-01 metro", "2026-10-01 retail", "2026-10-02 metro", "2026-10-02 retail"],
            rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Team}").Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(3, r.Counts[TallyCounters.Opened]));
        Assert.All(rows, r => Assert.Equal(3, r.Notes.Count));
        var stored = 0;
        await foreach (var _ in RawTable("Tallies").QueryAsync<TableEntity>()) stored++;
        Assert.Equal(days.Length * 2 * (1 + 3), stored);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Clearing_forgets_the_totals_and_the_items_so_a_rebuild_counts_them_again()
    {
        var tallies = await TalliesAsync();
        var day = new LocalDate(2026, 10, 12);
        await tallies.AddAsync(Item("T-1/tally/opened/1", "metro", day), CancellationToken.None);

        await tallies.ClearAsync(CancellationToken.None);

        Assert.Empty(await tallies.ReadAsync(day, day.PlusDays(1), CancellationToken.None));
        Assert.True(await tallies.AddAsync(Item("T-1/tally/opened/1", "metro", day), CancellationToken.None));
        await reports.DeleteAllAsync(CancellationToken.None);
    }
}
