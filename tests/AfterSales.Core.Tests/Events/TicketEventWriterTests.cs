using System.Text.Json;
using AfterSales.Core.Events;
using NodaTime;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class TicketEventWriterTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 10, 9, 1, 12);
    private static readonly Customer ZhangWei = new("C-100234", "张伟", "+8613800138000", "zhang.wei@example.com", "zh-CN");
    private static readonly Customer ChenJing = new("C-100871", "陈静", null, null, "en");
    private static readonly Person LiNa = new("E-0042", "李娜", "li.na@example.com");
    private static readonly Person WangQiang = new("E-0107", "王强", null);

    public static TheoryData<AfterSalesEvent> EveryShapeOfEveryType() =>
    [
        new TicketOpened("e-1", "T-1", At, ZhangWei, TicketChannel.WalkIn, TicketCategory.Installation, "P2",
            "HP-AW12", "INST-1", "shanghai-service", LiNa, "热泵不制热"),
        new TicketOpened("e-2", "T-1", At, ChenJing, TicketChannel.Web, TicketCategory.Inquiry, "VIP",
            null, null, "beijing-service", WangQiang, "咨询保修期"),
        new TicketAssigned("e-3", "T-1", At, WangQiang),
        new AgentResponded("e-4", "T-1", At, LiNa),
        new AgentResponded("e-5", "T-1", At, null),
        new CustomerReplied("e-6", "T-1", At),
        new StatusChanged("e-7", "T-1", At, TicketStatus.WaitingForCustomer),
        new CommitmentMade("e-8", "T-1", At, At + Duration.FromHours(30), "明天下午五点前回复"),
        new CommitmentMade("e-9", "T-1", At, At, null),
        new AppointmentScheduled("e-10", "T-1", At, "A-1", At + Duration.FromDays(2), "赵磊"),
        new AppointmentScheduled("e-11", "T-1", At, "A-1", At - Duration.FromDays(2), null),
        new AppointmentCancelled("e-12", "T-1", At, "A-1"),
        new TicketResolved("e-13", "T-1", At, "更换启动电容"),
        new TicketResolved("e-14", "T-1", At, null),
        new TicketReopened("e-15", "T-1", At, "再次报 E3"),
        new TicketReopened("e-16", "T-1", At, null),
        new TicketClosed("e-17", "T-1", At + Duration.FromMilliseconds(250)),
        new PriorityChanged("e-18", "T-1", At, "P1"),
        new ProductDelivered("e-19", At, "SO-1", ZhangWei, "SN-1", new LocalDate(2027, 9, 27)),
        new ProductDelivered("e-20", At, null, ChenJing, "SN-2", null),
        new InstallationHandedOver("e-21", At, null, ZhangWei, "INST-1", new LocalDate(2027, 3, 31)),
    ];

    [Theory]
    [MemberData(nameof(EveryShapeOfEveryType))]
    public void Writing_then_parsing_gives_back_the_same_event(AfterSalesEvent evt)
    {
        Assert.Equal(evt, Parse(TicketEventWriter.ToJson(evt)).Event);
        Assert.Equal(evt, Parse(TicketEventWriter.ToJson(evt, Offset.FromHours(8))).Event);
    }

    [Fact]
    public void Every_event_type_has_a_round_trip_case()
    {
        var covered = ((IEnumerable<object[]>)EveryShapeOfEveryType()).Select(row => ((AfterSalesEvent)row[0]).Type).Distinct();

        Assert.Equal(EventPayloads.Types.Order(), covered.Order());
    }

    [Fact]
    public void The_envelope_comes_first_and_names_are_camel_case()
    {
        var json = TicketEventWriter.ToJson(new AppointmentScheduled("e-10", "T-1", At, "A-1", At, "赵磊"));

        Assert.Equal(
            """{"eventId":"e-10","type":"AppointmentScheduled","ticketId":"T-1","occurredAt":"2026-10-09T01:12:00+00:00","appointmentId":"A-1","visitAt":"2026-10-09T01:12:00+00:00","technician":"赵磊"}""",
            json);
    }

    [Fact]
    public void Times_are_written_at_the_requested_offset()
    {
        var json = TicketEventWriter.ToJson(new TicketClosed("e-17", "T-1", At), Offset.FromHours(8));

        Assert.Contains("\"occurredAt\":\"2026-10-09T09:12:00+08:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_optional_fields_are_left_out_and_text_is_not_escaped()
    {
        var json = TicketEventWriter.ToJson(
            new ProductDelivered("e-20", At, null, new Customer("C-1", "陈静", "+8613912345678", null, "zh-CN"), "SN-2", null));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("ticketId", out _));
        Assert.False(root.TryGetProperty("contractEndsOn", out _));
        Assert.False(root.GetProperty("customer").TryGetProperty("email", out _));
        Assert.Contains("\"name\":\"陈静\"", json, StringComparison.Ordinal);
        Assert.Contains("\"phone\":\"+8613912345678\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Vocabulary_and_dates_use_their_wire_spelling()
    {
        var opened = TicketEventWriter.ToJson(new TicketOpened("e-1", "T-1", At, ZhangWei, TicketChannel.WalkIn,
            TicketCategory.Return, "P3", null, null, "team", LiNa, "退货"));
        var status = TicketEventWriter.ToJson(new StatusChanged("e-7", "T-1", At, TicketStatus.WaitingForCustomer));
        var delivered = TicketEventWriter.ToJson(new ProductDelivered("e-19", At, null, ZhangWei, "SN-1", new LocalDate(2027, 3, 31)));

        Assert.Contains("\"channel\":\"walk-in\",\"category\":\"return\"", opened, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"waiting-for-customer\"", status, StringComparison.Ordinal);
        Assert.Contains("\"contractEndsOn\":\"2027-03-31\"", delivered, StringComparison.Ordinal);
    }
}
