using System.Text.Json.Nodes;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

public class RejectedEventIngestionTests : StorageTest
{
    private const string Now = "2026-10-12 09:30";

    /// <summary>A valid TicketOpened payload, changed by each case to break one rule.</summary>
    private static JsonObject Opened(string priority = "P1") =>
        JsonNode.Parse(TicketScript.Payload(new TicketScript().Opened("2026-10-12 09:00", priority)[0]))!.AsObject();

    public static TheoryData<RejectionReason, string, string> Broken()
    {
        var customer = (Func<JsonObject, JsonObject>)(p => p["customer"]!.AsObject());
        var future = Opened();
        future["occurredAt"] = "2026-10-16T09:00:00+08:00";
        var unknownType = Opened();
        unknownType["type"] = "TicketExploded";
        var missing = Opened();
        missing.Remove("ticketId");
        var invalid = Opened();
        invalid["channel"] = "carrier-pigeon";
        var phone = Opened();
        customer(phone)["phone"] = "12345";
        var email = Opened();
        customer(email)["email"] = "zhang.wei@";
        return new()
        {
            { RejectionReason.BadJson, "$", """{ "type": "TicketOpened", "eventId": """ },
            { RejectionReason.UnknownType, "type", unknownType.ToJsonString() },
            { RejectionReason.MissingField, "ticketId", missing.ToJsonString() },
            { RejectionReason.InvalidValue, "channel", invalid.ToJsonString() },
            { RejectionReason.InvalidPhone, "customer.phone", phone.ToJsonString() },
            { RejectionReason.InvalidEmail, "customer.email", email.ToJsonString() },
            { RejectionReason.FutureTime, "occurredAt", future.ToJsonString() },
            { RejectionReason.UnknownPriority, "priority", Opened("VIP").ToJsonString() },
        };
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Every_rejection_is_kept_with_its_payload_reason_field_and_source(RejectionReason reason, string field, string payload)
    {
        var service = new ServiceUnderTest(Tables, Now);

        var result = await service.IngestAsync(payload);

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var kept = await Tables.RejectedEvents.GetAsync(result.RejectedId!, CancellationToken.None);
        Assert.Equal((payload, reason, field, ServiceUnderTest.Source, At(Now), null),
            (kept!.Payload, kept.Rejection.Reason, kept.Rejection.Field, kept.Source, kept.ReceivedAt, kept.ReplayedAt));
        Assert.False(string.IsNullOrWhiteSpace(kept.Rejection.Message));
        Assert.Null(await service.TicketAsync("T-1"));
    }

    [Fact]
    public async Task An_unknown_priority_replays_once_an_admin_adds_its_policy_and_is_marked_replayed()
    {
        var service = new ServiceUnderTest(Tables, Now);
        var rejected = await service.IngestAsync(Opened("VIP").ToJsonString());

        var vip = service.WithSettings(TestSettings.With(
            ("Sla:Policies:VIP:Precedence", "5"),
            ("Sla:Policies:VIP:Priorities", "VIP"),
            ("Sla:Policies:VIP:Calendar", "24x7"),
            ("Sla:Policies:VIP:FirstResponse", "PT5M"),
            ("Sla:Policies:VIP:Resolution", "PT2H")));
        vip.SetTime("2026-10-12 10:00");
        var replayed = await vip.Ingestion.ReplayAsync(rejected.RejectedId!, CancellationToken.None);

        Assert.Equal((IngestOutcome.Applied, "T-1", rejected.RejectedId), (replayed!.Outcome, replayed.TicketId, replayed.RejectedId));
        var ticket = await vip.TicketAsync("T-1");
        Assert.Equal("VIP", Assert.IsType<TicketOpened>(Assert.Single(ticket!.Ticket.History.Events)).Priority);
        Assert.Equal(At("2026-10-12 10:00"), (await Tables.RejectedEvents.GetAsync(rejected.RejectedId!, CancellationToken.None))!.ReplayedAt);
        Assert.NotEmpty(await DueRowsOfAsync("T-1"));
    }

    [Fact]
    public async Task A_replay_that_still_fails_stays_listed_as_not_replayed()
    {
        var service = new ServiceUnderTest(Tables, Now);
        var rejected = await service.IngestAsync(Opened("VIP").ToJsonString());

        var replayed = await service.Ingestion.ReplayAsync(rejected.RejectedId!, CancellationToken.None);

        Assert.Equal(IngestOutcome.Rejected, replayed!.Outcome);
        var listed = (await Tables.RejectedEvents.ListAsync(null, 50, At(Now), At(Now) - NodaTime.Duration.FromDays(90), CancellationToken.None))!.Items;
        Assert.Null(Assert.Single(listed).ReplayedAt);
    }

    [Fact]
    public async Task Replaying_an_id_that_is_not_there_finds_nothing()
    {
        var service = new ServiceUnderTest(Tables, Now);

        Assert.Null(await service.Ingestion.ReplayAsync("20261012_0000000000000000001_00000000000000000000000000000000", CancellationToken.None));
    }
}
