using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The running totals the reports read: counters per team and day, each <see cref="TallyItem"/> counted once by its
/// key however often it is offered (an event or a step processed twice). A report reads one row per team and day.
/// </summary>
public interface ITallies
{
    /// <returns>True when the item was new and is now counted; false when it was counted before.</returns>
    Task<bool> AddAsync(TallyItem item, CancellationToken cancellationToken);

    /// <summary>Every team's totals of the days from <paramref name="from"/> up to, not including, <paramref name="until"/>.</summary>
    Task<IReadOnlyList<DailyTally>> ReadAsync(LocalDate from, LocalDate until, CancellationToken cancellationToken);

    /// <summary>Forgets every total and every item counted (before a rebuild from the stored tickets).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
