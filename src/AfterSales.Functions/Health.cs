using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// GET /api/health for probes: answers from memory, without touching storage, so that it is cheap to call every few
/// seconds and a storage hiccup does not make a probe recycle a healthy instance (docs/http.md). It lists how far each
/// business calendar's holidays reach.
/// </summary>
public sealed class Health(AfterSalesSettings settings, TimeProvider time)
{
    [Function(nameof(Health))]
    public Ok<HealthAnswer> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var calendars = CalendarCoverage.Of(settings.Calendars, now, settings.CalendarCoverage.NoticeBefore)
            .Select(c => new CalendarCoverageAnswer(c.Calendar, c.Years?.ToString(), c.RunsOutAt is { } at ? JsonTime.Instant(at) : null, Coverage(c.State)))
            .ToList();
        return TypedResults.Ok(new HealthAnswer("healthy", HealthAnswer.AppVersion, JsonTime.Instant(now), calendars));
    }

    private static string Coverage(CoverageState state) => state switch
    {
        CoverageState.Covered => "covered",
        CoverageState.RunningOut => "running-out",
        CoverageState.RanOut => "ran-out",
        _ => "not-stated",
    };
}
