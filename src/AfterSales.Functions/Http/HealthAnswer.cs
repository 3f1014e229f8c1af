using System.Reflection;

namespace AfterSales.Functions.Http;

/// <summary>GET /api/health: answered from memory (settings are valid by then: the app does not start otherwise).</summary>
/// <param name="Calendars">Each business calendar's holiday coverage: a calendar past its holidays is healthy but wrong.</param>
public sealed record HealthAnswer(string Status, string Version, string? Time, IReadOnlyList<CalendarCoverageAnswer> Calendars)
{
    public static readonly string AppVersion =
        typeof(HealthAnswer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <param name="HolidayYears">The years its holidays cover (<c>2026</c>, <c>2026-2027</c>); null when not stated.</param>
/// <param name="RunsOutAt">When it runs past its last covered year; null when not stated.</param>
/// <param name="Coverage"><c>covered</c>, <c>running-out</c> (within <c>CalendarCoverage__NoticeBefore</c>), <c>ran-out</c> or <c>not-stated</c>.</param>
public sealed record CalendarCoverageAnswer(string Name, string? HolidayYears, string? RunsOutAt, string Coverage);
