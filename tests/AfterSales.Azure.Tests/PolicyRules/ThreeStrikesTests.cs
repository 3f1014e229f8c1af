using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.ThreeStrikes;
using Azure.Data.Tables;

namespace AfterSales.Azure.Tests.PolicyRules;

/// <summary>Three strikes through the real ingestion over Azurite: counted per hashed customer, flagged once per window, replays change nothing.</summary>
public sealed class ThreeStrikesTests : StorageTest
{
    private static readonly ContactKeys Keys = new(TestStorage.KeyHashSecret);

    /// <param name="unkeyed">As the service did before customers were keyed with the secret (rows the migration moves).</param>
    private (ServiceUnderTest Service, TicketEventIngestion Ingestion) Start(string at, bool unkeyed = false)
    {
        var service = new ServiceUnderTest(Tables, at);
        var strikes = new ThreeStrikesCheck(Tables.CustomerTickets, Tables.Outbox, service.Queue, service.Settings, service.Clock,
            unkeyed ? null : Keys.Customer);
        var ingestion = new TicketEventIngestion(
            new TicketEventParser(service.Settings.Sla.KnownPriorities, service.Settings.Events.Window, service.Clock),
            Tables.Tickets, Tables.DueIndex, Tables.RejectedEvents, Tables.Deliveries, service.Clock, strikes);
        return (service, ingestion);
    }

    private static async Task IngestAsync(TicketEventIngestion ingestion, TicketScript ticket)
    {
        foreach (var payload in ticket.Payloads) await ingestion.IngestAsync(payload, "test", CancellationToken.None);
    }

    private static TicketScript Ticket(string id, string at) => new TicketScript(id).Opened(at);

    private static async Task<List<OutboxEntry>> FlagsAsync(ServiceUnderTest service) =>
        [.. (await service.OutboxAsync()).Where(e => e.StepKey.Contains("/three-strikes/", StringComparison.Ordinal))];

    [Fact]
    public async Task The_third_ticket_in_90_days_flags_the_manager_once_and_every_event_again_changes_nothing()
    {
        var (service, ingestion) = Start("2026-10-12 09:00");
        TicketScript[] tickets = [Ticket("T-1", "2026-08-20 09:00"), Ticket("T-2", "2026-09-15 09:00"), Ticket("T-3", "2026-10-12 09:00")];

        foreach (var ticket in tickets) await IngestAsync(ingestion, ticket);
        var queued = service.Queue.Count;
        foreach (var ticket in tickets) await IngestAsync(ingestion, ticket);

        var flag = Assert.Single(await FlagsAsync(service));
        Assert.Equal(("T-3/three-strikes/three-strikes/1", "T-3", "three-strikes", "manager@example.com"), (flag.StepKey, flag.TicketId, flag.Level, flag.Recipient));
        Assert.Equal(1, queued);
        Assert.Equal(1, service.Queue.Count);
    }

    [Fact]
    public async Task A_fourth_ticket_in_the_same_window_is_not_flagged_again()
    {
        var (service, ingestion) = Start("2026-10-20 09:00");

        foreach (var (id, at) in new[] { ("T-1", "2026-08-20 09:00"), ("T-2", "2026-09-15 09:00"), ("T-3", "2026-10-12 09:00"), ("T-4", "2026-10-20 09:00") })
            await IngestAsync(ingestion, Ticket(id, at));

        Assert.Equal(["T-3"], (await FlagsAsync(service)).Select(f => f.TicketId));
    }

    [Fact]
    public async Task The_index_is_keyed_by_a_hash_never_by_the_customer_id_phone_or_email()
    {
        var (_, ingestion) = Start("2026-10-12 09:00");

        await IngestAsync(ingestion, Ticket("T-1", "2026-10-12 09:00"));

        var rows = new List<TableEntity>();
        await foreach (var row in RawTable("CustomerTickets").QueryAsync<TableEntity>()) rows.Add(row);
        var row1 = Assert.Single(rows);
        Assert.Equal(Keys.Customer("C-1"), row1.PartitionKey);
        Assert.NotEqual(new ContactKeys("another-secret-of-enough-length-0123456789").Customer("C-1"), row1.PartitionKey);
        Assert.NotEqual(CustomerKeys.For("C-1"), row1.PartitionKey);
        Assert.DoesNotContain("C-1", row1.PartitionKey, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", row1.PartitionKey + row1.RowKey, StringComparison.Ordinal);
        Assert.Null(row1.GetString("Phone"));
    }

    [Fact]
    public async Task The_migration_moves_rows_under_the_unkeyed_hash_to_the_keyed_one_so_the_customers_count_goes_on()
    {
        var (_, before) = Start("2026-10-12 09:00", unkeyed: true);
        await IngestAsync(before, Ticket("T-1", "2026-08-20 09:00"));
        await IngestAsync(before, Ticket("T-2", "2026-09-15 09:00"));

        var first = await Tables.MoveLegacyCustomerKeysAsync(Keys, CancellationToken.None);
        var again = await Tables.MoveLegacyCustomerKeysAsync(Keys, CancellationToken.None);
        var (service, after) = Start("2026-10-12 09:00");
        await IngestAsync(after, Ticket("T-3", "2026-10-12 09:00"));

        Assert.Equal((2, 0), first);
        Assert.Equal((0, 0), again);
        var rows = new List<TableEntity>();
        await foreach (var row in RawTable("CustomerTickets").QueryAsync<TableEntity>()) rows.Add(row);
        Assert.All(rows, r => Assert.Equal(Keys.Customer("C-1"), r.PartitionKey));
        Assert.Equal(["T-3"], (await FlagsAsync(service)).Select(f => f.TicketId));
    }

    [Fact]
    public async Task A_customer_whose_tickets_are_no_longer_stored_is_left_under_the_old_key_and_counted_apart()
    {
        await Tables.CustomerTickets.RecordAsync(CustomerKeys.For("C-9"),
            new CustomerTicket("GONE-1", ShanghaiTime.At("2026-09-01 09:00"), TicketCategory.Repair, "metro", "Gone"), CancellationToken.None);

        var moved = await Tables.MoveLegacyCustomerKeysAsync(Keys, CancellationToken.None);

        Assert.Equal((0, 1), moved);
        Assert.Single((await Tables.CustomerTickets.ReadAsync(CustomerKeys.For("C-9"), CancellationToken.None)).Tickets);
    }

    [Fact]
    public async Task The_flag_email_is_sent_once_listing_the_tickets_it_counted()
    {
        var (service, ingestion) = Start("2026-10-12 09:00");
        foreach (var (id, at) in new[] { ("T-1", "2026-08-20 09:00"), ("T-2", "2026-09-15 09:00"), ("T-3", "2026-10-12 09:00") })
            await IngestAsync(ingestion, Ticket(id, at));
        var pickup = Path.Combine(Path.GetTempPath(), "aftersales-strikes", Prefix);
        var settings = service.Settings;
        var dispatch = new NotificationDispatch(Tables.Tickets, Tables.Outbox, new EscalationEmailRenderer(settings, service.Engine),
            new PickupEmailSender(pickup, "aftersales@example.com", "AfterSales", service.Clock), settings.Email, service.Clock);

        Assert.True(service.Queue.TryDequeue(out var message));
        Assert.Equal(DispatchOutcome.Sent, await dispatch.DispatchAsync(message!, CancellationToken.None));
        Assert.Equal(DispatchOutcome.AlreadyDone, await dispatch.DispatchAsync(message!, CancellationToken.None));

        var email = File.ReadAllText(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        Assert.Contains("manager@example.com", email, StringComparison.Ordinal);
        Directory.Delete(pickup, recursive: true);
    }
}
