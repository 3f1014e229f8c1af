using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>The <c>Reports</c> settings (see <see cref="ReportSettingsLoader"/>): when the digests and reports go out, and to whom.</summary>
/// <param name="Zone">The zone of <c>Reports__Calendar</c>: days are counted and the schedules kept in it.</param>
/// <param name="DigestDay">The weekly digest's day (Friday).</param>
/// <param name="DigestAt">The weekly digest's local time (16:00).</param>
/// <param name="MonthlyDay">The day of the month the report on the month before goes out (1).</param>
/// <param name="MonthlyAt">Its local time (09:00).</param>
/// <param name="TeamRole">The role in each team that gets the team's digest (Supervisor).</param>
/// <param name="ManagerRoles">The roles, of the default team, that get the overall digest and the monthly report (Manager).</param>
public sealed record ReportSettings(
    DateTimeZone Zone,
    IsoDayOfWeek DigestDay,
    LocalTime DigestAt,
    int MonthlyDay,
    LocalTime MonthlyAt,
    string TeamRole,
    IReadOnlyList<string> ManagerRoles);
