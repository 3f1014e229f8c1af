using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>When to tell the admins that a calendar's holidays run out (see <see cref="Calendars.CalendarCoverage"/>).</summary>
/// <param name="NoticeBefore">How long before a calendar runs past its last covered year the email goes out.</param>
/// <param name="Role">Who is told; a role without an address in the default team falls back to the duty manager.</param>
public sealed record CalendarCoverageSettings(Duration NoticeBefore, string Role)
{
    public static CalendarCoverageSettings Default { get; } = new(Duration.FromDays(60), "Admin");
}
