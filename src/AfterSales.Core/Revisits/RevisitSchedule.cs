using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>
/// When an installation is revisited: every <see cref="RevisitSettings.EarlyEvery"/> months during the first
/// <see cref="RevisitSettings.EarlyMonths"/>, every <see cref="RevisitSettings.LaterEvery"/> months after that, up
/// to the horizon or the contract's end. Each date is the delivery date plus a whole number of months, counted
/// from the delivery date itself, so a short month never shifts the ones after it (Jan 31 → Feb 28 → Mar 31).
/// </summary>
public static class RevisitSchedule
{
    public static IReadOnlyList<LocalDate> Dates(LocalDate deliveredOn, LocalDate? contractEndsOn, RevisitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dates = new List<LocalDate>();
        var months = settings.EarlyEvery;
        while (months <= settings.HorizonMonths)
        {
            var date = deliveredOn.PlusMonths(months);
            if (contractEndsOn is { } end && date > end) break;
            dates.Add(date);
            months += months < settings.EarlyMonths ? settings.EarlyEvery : settings.LaterEvery;
        }

        return dates;
    }

    /// <summary>The revisit due on <paramref name="today"/> (the customer's local date), if any.</summary>
    public static bool IsDueOn(LocalDate today, LocalDate deliveredOn, LocalDate? contractEndsOn, RevisitSettings settings) =>
        Dates(deliveredOn, contractEndsOn, settings).Contains(today);
}
