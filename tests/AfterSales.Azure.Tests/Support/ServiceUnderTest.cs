using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Time.Testing;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// The real handlers (ingestion and sweep) and engine over a test's tables, on a fake clock set in Shanghai time.
/// </summary>
internal sealed class ServiceUnderTest
{
    public const string Source = "test";

    public ServiceUnderTest(AfterSalesTables tables, string startsAt, AfterSalesSettings? settings = null, CustomerTextPlanner? texts = null, ISurveys? surveys = null)
        : this(tables, Offset(startsAt), settings ?? TestSettings.Defaults(), texts, surveys)
    {
    }

    private ServiceUnderTest(AfterSalesTables tables, DateTimeOffset startsAt, AfterSalesSettings settings, CustomerTextPlanner? texts = null, ISurveys? surveys = null)
    {
        Texts = texts;
        Surveys = surveys;
        Tables = tables;
        Settings = settings;
        Clock = new FakeTimeProvider(startsAt);
        Engine = new SlaEngine(Settings);
        Ingestion = new TicketEventIngestion(
            new TicketEventParser(Settings.Sla.KnownPriorities, Settings.Events.Window, Clock),
            tables.Tickets, tables.DueIndex, tables.RejectedEvents, tables.Deliveries, Clock);
    }

    /// <summary>The customer-text planner the ingestion and sweeps use; null for escalations only.</summary>
    public CustomerTextPlanner? Texts { get; }

    public ISurveys? Surveys { get; }

    public AfterSalesTables Tables { get; }

    public AfterSalesSettings Settings { get; }

    public FakeTimeProvider Clock { get; }

    public SlaEngine Engine { get; }

    public TicketEventIngestion Ingestion { get; }

    /// <summary>Where sweeps hand the steps they produce.</summary>
    public InProcessNotificationQueue Queue { get; } = new();

    /// <summary>The same tables with other settings (an admin changed them), on this clock.</summary>
    public ServiceUnderTest WithSettings(AfterSalesSettings settings) => new(Tables, Clock.GetUtcNow(), settings, Texts, Surveys);

    public void SetTime(string local) => Clock.SetUtcNow(Offset(local));

    public DueSweep NewSweep(
        Action<DueEntry>? afterTicket = null, ISweepLease? lease = null, int maxParallelism = DueSweep.DefaultMaxParallelism,
        ITicketStore? tickets = null, IDueIndex? dueIndex = null) =>
        new(Engine, tickets ?? Tables.Tickets, dueIndex ?? Tables.DueIndex, Tables.Outbox, Queue, lease ?? Tables.SweepLease, Clock, Texts, Surveys)
        {
            AfterTicket = afterTicket,
            MaxParallelism = maxParallelism,
        };

    public Task<IngestResult> IngestAsync(AfterSalesEvent e) => IngestAsync(TicketScript.Payload(e));

    public Task<IngestResult> IngestAsync(string payload) => Ingestion.IngestAsync(payload, Source, CancellationToken.None);

    public async Task<List<IngestResult>> IngestAllAsync(TicketScript script)
    {
        var results = new List<IngestResult>();
        foreach (var e in script.Events) results.Add(await IngestAsync(e));
        return results;
    }

    public async Task<SweepReport> SweepAtAsync(string local)
    {
        SetTime(local);
        return await NewSweep().SweepAsync(CancellationToken.None);
    }

    public async Task<List<OutboxEntry>> OutboxAsync()
    {
        var entries = new List<OutboxEntry>();
        await foreach (var entry in Tables.Outbox.ListAsync(CancellationToken.None)) entries.Add(entry);
        return entries;
    }

    /// <summary>"level → recipient @ local due time", in due order, to compare whole ladders.</summary>
    public async Task<string[]> OutboxLinesAsync() =>
        [.. (await OutboxAsync()).OrderBy(e => e.DueAt).ThenBy(e => e.StepKey, StringComparer.Ordinal)
            .Select(e => $"{e.Level} {ClockOf(e)} → {e.Recipient} @ {Show(e.DueAt)}")];

    public Task<VersionedTicket?> TicketAsync(string ticketId) => Tables.Tickets.GetAsync(ticketId, CancellationToken.None);

    /// <summary>The clock part of a step key <c>ticket/clock/level/cycle</c>.</summary>
    private static string ClockOf(OutboxEntry entry)
    {
        var parts = entry.StepKey[(entry.TicketId.Length + 1)..].Split('/');
        return parts[0];
    }
}
