using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>An inclusive range of local dates, e.g. a holiday week.</summary>
public readonly record struct DateRange(LocalDate First, LocalDate Last)
{
    public bool Contains(LocalDate date) => date >= First && date <= Last;

    public override string ToString() => First == Last ? First.ToString("yyyy-MM-dd", null) : $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
