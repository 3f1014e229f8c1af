using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// Logs a warning at start-up for each calendar whose holidays run out within <c>CalendarCoverage__NoticeBefore</c>, have
/// run out, or whose covered years are not stated: a calendar past its holidays silently treats them as working days.
/// </summary>
internal sealed partial class CalendarCoverageWarning(AfterSalesSettings settings, TimeProvider time, ILogger<CalendarCoverageWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        foreach (var status in CalendarCoverage.Of(settings.Calendars, now, settings.CalendarCoverage.NoticeBefore))
        {
            switch (status.State)
            {
                case CoverageState.NotStated:
                    LogNotStated(logger, status.Calendar);
                    break;
                case CoverageState.RanOut:
                    LogRanOut(logger, status.Calendar, status.Years?.ToString() ?? "");
                    break;
                case CoverageState.RunningOut:
                    LogRunningOut(logger, status.Calendar, status.Years?.ToString() ?? "", (int)Math.Ceiling((status.RunsOutAt!.Value - now).TotalDays));
                    break;
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {Calendar} does not state the years its holidays cover (Calendars__{Calendar}__HolidayYears): nobody will be told when they run out")]
    private static partial void LogNotStated(ILogger logger, string calendar);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {Calendar} covers holidays of {Years} only and is already past them: public holidays count as working days until Calendars__{Calendar}__Holidays and HolidayYears are extended")]
    private static partial void LogRanOut(ILogger logger, string calendar, string years);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {Calendar} covers holidays of {Years} only and runs out in {Days} days: add the next year's holidays (Calendars__{Calendar}__Holidays, MakeUpDays, HolidayYears)")]
    private static partial void LogRunningOut(ILogger logger, string calendar, string years, int days);
}
