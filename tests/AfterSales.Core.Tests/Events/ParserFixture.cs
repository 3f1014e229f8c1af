using System.Text.Json.Nodes;
using AfterSales.Core.Events;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Events;

internal static class ParserFixture
{
    /// <summary>The service clock in these tests: after every sample event.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlySet<string> KnownPriorities =
        new HashSet<string>(["P1", "P2", "P3", "P4", "VIP"], StringComparer.Ordinal);

    public static TicketEventParser Parser(Duration? maxFutureSkew = null, DateTimeOffset? now = null) =>
        new(KnownPriorities, maxFutureSkew, new FakeTimeProvider(now ?? Now));

    public static EventParseResult Parse(string json) => Parser().Parse(json);

    public static EventParseResult Parse(JsonNode payload) => Parse(payload.ToJsonString());

    public static T Accepted<T>(EventParseResult result)
        where T : AfterSalesEvent
    {
        Assert.True(result.IsAccepted, $"Expected the event to be accepted, but: {result.Rejection}");
        return Assert.IsAssignableFrom<T>(result.Event);
    }

    public static EventRejection Rejected(EventParseResult result, RejectionReason reason, string field)
    {
        Assert.False(result.IsAccepted, $"Expected a {reason} rejection at '{field}', but the event was accepted.");
        Assert.Equal((reason, field), (result.Rejection.Reason, result.Rejection.Field));
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message));
        return result.Rejection;
    }
}
