using AfterSales.Azure.Email;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Revisits;

/// <summary>The revisit handlers over a test's tables: ingestion enrolling through <see cref="RevisitEnrolment"/>, the run, a local SendGrid.</summary>
internal sealed class RevisitHarness : IDisposable
{
    public const string TeamAddress = "revisits@example.com";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly HttpClient http = new();

    public RevisitHarness(AfterSalesTables tables, RevisitTables revisitTables, TextTables textTables, string startsAt, params (string Key, string? Value)[] overrides)
    {
        Settings = TestSettings.With([("Escalation:Teams:Default:RevisitTeam", TeamAddress), ("Email:MaxAttempts", "1"),
            .. overrides.Where(o => !o.Key.StartsWith("Revisits:", StringComparison.Ordinal))]);
        Texts = TextTestSettings.With(Settings);
        Revisits = RevisitSettingsLoader.LoadWithDefaults(new ConfigurationBuilder().AddInMemoryCollection(
            overrides.Where(o => o.Key.StartsWith("Revisits:", StringComparison.Ordinal)).Select(o => new KeyValuePair<string, string?>(o.Key, o.Value))).Build());
        Service = new ServiceUnderTest(tables, startsAt, Settings);
        Calls = revisitTables.Calls;
        Programmes = revisitTables.Programmes;
        OptOuts = textTables.OptOuts;
        var enrolment = new RevisitEnrolment(tables.Deliveries, Programmes, Texts.CustomerTimeZone);
        Ingestion = new TicketEventIngestion(
            new TicketEventParser(Settings.Sla.KnownPriorities, Settings.Events.Window, Service.Clock),
            tables.Tickets, tables.DueIndex, tables.RejectedEvents, enrolment, Service.Clock);
        var sender = new SendGridEmailSender(http, Settings.Email, TimeProvider.System, SendGrid.Host);
        Run = new RevisitRun(Programmes, Calls, OptOuts, sender, tables.Outbox, Settings, Texts, Revisits);
        Outbox = tables.Outbox;
    }

    public AfterSalesSettings Settings { get; }

    public TableOutbox Outbox { get; }

    public TextSettings Texts { get; }

    public RevisitSettings Revisits { get; }

    public ServiceUnderTest Service { get; }

    public TicketEventIngestion Ingestion { get; }

    public TableRevisitProgrammes Programmes { get; }

    public TableRevisitCalls Calls { get; }

    public TableOptOuts OptOuts { get; }

    public RevisitRun Run { get; }

    public FakeSendGrid SendGrid { get; } = new();

    public Task<IngestResult> IngestAsync(AfterSalesEvent e) => Ingestion.IngestAsync(TicketScript.Payload(e), ServiceUnderTest.Source, None);

    public Task<RevisitRunReport> RunAtAsync(string local) => Run.RunAsync(At(local), None);

    public void Dispose()
    {
        http.Dispose();
        SendGrid.Dispose();
    }
}
